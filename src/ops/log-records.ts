import type { Language } from "../core/types.js";
import type { LogRecord, Platform } from "./unanswered-record.js";

/** Terminal escape sequences (CSI, OSC and the rest) and other control characters. */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** A string from the log as safe to print: a hand-edited log can hold escapes that drive the terminal. */
function printable(text: string): string {
  return text.replace(CONTROL, "");
}

type Fields = Record<string, unknown>;

const isString = (value: unknown): value is string => typeof value === "string";
const isStrings = (value: unknown): value is unknown[] => Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || isString(value);

/** What every record has: when and where. */
function common(r: Fields): boolean {
  return isString(r.time) && isString(r.platform);
}

function isDeclined(r: Fields): boolean {
  return (
    (r.kind === undefined || r.kind === "declined") &&
    isString(r.text) &&
    isStrings(r.considered) &&
    optionalString(r.language) &&
    optionalString(r.followed)
  );
}

function isAnswered(r: Fields): boolean {
  return r.kind === "answered" && isString(r.language) && isStrings(r.ids);
}

function isVote(r: Fields): boolean {
  return (
    r.kind === "vote" &&
    (r.vote === "up" || r.vote === "down") &&
    isString(r.text) &&
    isString(r.language) &&
    isStrings(r.ids) &&
    (r.reason === undefined || r.reason === "wrong" || r.reason === "stale" || r.reason === "off")
  );
}

const ids = (list: unknown[]) => list.map((id) => printable(String(id)));

/**
 * A record of any kind read from a line of the log, its strings made printable; undefined for a
 * line that is not one (cut short by a crash, say). Lines written before votes existed, which have
 * no kind, read as declined questions.
 */
export function parseRecord(line: string): LogRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const r = value as Fields;
  if (!common(r)) return undefined;
  const base = { time: printable(r.time as string), platform: printable(r.platform as string) as Platform };
  const language = { language: printable(String(r.language)) as Language };
  if (isDeclined(r)) {
    return {
      ...base,
      ...(r.language === undefined ? {} : language),
      text: printable(r.text as string),
      considered: ids(r.considered as unknown[]),
      ...(r.followed === undefined ? {} : { followed: printable(r.followed as string) }),
    };
  }
  if (isAnswered(r)) return { kind: "answered", ...base, ...language, ids: ids(r.ids as unknown[]) };
  if (isVote(r)) {
    return {
      kind: "vote",
      ...base,
      ...language,
      vote: r.vote as "up" | "down",
      ...(r.reason === undefined ? {} : { reason: r.reason as "wrong" | "stale" | "off" }),
      text: printable(r.text as string),
      ids: ids(r.ids as unknown[]),
    };
  }
  return undefined;
}
