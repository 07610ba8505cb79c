import { readFileSync, statSync } from "node:fs";
import { shortened } from "../language/text.js";
import type { z } from "./zod.js";

/** A message names at most this many problems, each cut to PROBLEM_LENGTH: a huge broken file prints a screenful. */
const PROBLEMS_SHOWN = 20;
const PROBLEM_LENGTH = 300;

/** A knowledge file that cannot be used, with every problem found in it; its message shows the first few. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => `  - ${shortened(p, PROBLEM_LENGTH)}`);
    const more = problems.length - PROBLEMS_SHOWN;
    super([`${file}:`, ...shown, ...(more > 0 ? [`  …and ${more} more problems`] : [])].join("\n"));
    this.name = "KnowledgeError";
  }
}

function where(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("") || "(top level)";
}

/**
 * A knowledge file's text. Only a plain file is read: a named pipe would wait for a writer forever
 * and a device such as /dev/zero never ends, so either (or a link to one) is refused by name.
 */
export function readText(file: string, label: string): string {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined)
    throw new KnowledgeError(label, ["cannot be read: nothing is there (a broken link?)"]);
  if (!stat.isFile()) {
    throw new KnowledgeError(label, [
      "is not a plain file (a folder, a named pipe or a device); knowledge files must be",
    ]);
  }
  // A byte-order mark, as some editors on Windows write, is not part of the JSON.
  return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
}

export function readJson<T>(
  file: string,
  label: string,
  schema: z.ZodMiniType<T>,
  text = readText(file, label),
): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new KnowledgeError(label, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new KnowledgeError(
      label,
      parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`),
    );
  }
  return parsed.data;
}
