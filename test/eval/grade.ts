import { readFileSync } from "node:fs";

/** One graded case: what a user types and what a correct reply must do. */
export interface EvalCase {
  id: string;
  input: string;
  /** True when the sources answer it; false when the bot must decline. */
  answer: boolean;
  /** Groups of alternatives; the reply text must contain one alternative of every group. */
  must?: string[][];
  /** A word of the answering article's title. */
  source?: string;
  tag: string;
}

/** What a bot says for one input, as the JSON lines contract carries it. */
export interface Reply {
  answered: boolean;
  text: string;
  sources: { title: string }[];
}

export function readCases(file: string): EvalCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as EvalCase);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "re:…" is a pattern; bare numbers and short words must stand alone; anything else is a substring. */
function matcher(alternative: string): RegExp {
  if (alternative.startsWith("re:")) return new RegExp(alternative.slice(3), "i");
  const e = escapeRegExp(alternative);
  if (/^[\d.,]+$/.test(alternative)) return new RegExp(`(?<![\\d.,])${e}(?![\\d]|[.,]\\d)`, "i");
  if (/^[A-Za-z0-9.]{1,3}$/.test(alternative)) return new RegExp(`\\b${e}\\b`, "i");
  return new RegExp(e, "i");
}

/** Why a reply fails its case, or null when it passes. */
export function judge(c: EvalCase, reply: Reply): string | null {
  if (reply.answered !== c.answer)
    return c.answer ? "declined a question it should answer" : "answered a question it should decline";
  if (!c.answer) return null;
  for (const group of c.must ?? []) {
    if (!group.some((alt) => matcher(alt).test(reply.text)))
      return `text lacks one of ${JSON.stringify(group)}`;
  }
  if (c.source !== undefined) {
    const wanted = c.source.toLowerCase();
    if (!reply.sources.some((s) => s.title.toLowerCase().includes(wanted)))
      return `no source title containing "${c.source}"`;
  }
  return null;
}
