import { lemma } from "../core/lemma.js";
import { STOPWORDS } from "../core/stopwords.js";
import { tokens } from "../core/text.js";
import type { Platform, UnansweredRecord } from "./unanswered.js";

/** Two questions belong together when they share at least this share of their words (Jaccard). */
export const SIMILARITY = 0.5;

/** Questions people asked that the bot could not answer, gathered by similarity. */
export interface Group {
  /** How many times a question of this group was asked. */
  count: number;
  /** The phrasing asked most often. */
  text: string;
  /** Other phrasings, most asked first. */
  variants: string[];
  platforms: Partial<Record<Platform, number>>;
  /** ISO time of the latest record. */
  lastAsked: string;
  /** The facts the core most often found nearest, most often first. */
  considered: string[];
}

export interface Parsed {
  records: UnansweredRecord[];
  /** Lines that are not a record, e.g. one cut short by a crash. */
  skipped: number;
}

function isRecord(value: unknown): value is UnansweredRecord {
  const r = value as Partial<UnansweredRecord> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.text === "string" &&
    typeof r.time === "string" &&
    typeof r.platform === "string" &&
    Array.isArray(r.considered)
  );
}

/** Terminal escape sequences (CSI, OSC and the rest) and other control characters. */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-_])|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** A string from the file as safe to print: a hand-edited log can hold escapes that drive the terminal. */
export function printable(text: string): string {
  return text.replace(CONTROL, "");
}

function cleaned(r: UnansweredRecord): UnansweredRecord {
  return {
    time: printable(r.time),
    platform: printable(r.platform) as Platform,
    text: printable(r.text),
    considered: r.considered.map((id) => printable(String(id))),
  };
}

/** Reads the JSONL log, skipping (and counting) lines that are not records; control characters are removed. */
export function parseUnanswered(content: string): Parsed {
  const records: UnansweredRecord[] = [];
  let skipped = 0;
  for (const line of content.split("\n")) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value)) records.push(cleaned(value));
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}

/** The words that say what a question is about: no stopwords, each in its dictionary form. */
function keyWords(text: string): Set<string> {
  return new Set(
    tokens(text)
      .filter((t) => !STOPWORDS.has(t))
      .map(lemma),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}

function ranked<K extends string>(counts: Map<K, number>): K[] {
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([key]) => key);
}

function bump<K>(counts: Map<K, number>, key: K, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/**
 * Gathers records into groups of similar questions, most asked first. Phrasings are taken most
 * asked first; each joins the first group whose leading phrasing shares enough of its key words.
 */
export function groupUnanswered(records: readonly UnansweredRecord[]): Group[] {
  const byText = new Map<string, UnansweredRecord[]>();
  for (const r of records) byText.set(r.text, [...(byText.get(r.text) ?? []), r]);
  const phrasings = [...byText].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));

  const clusters: { key: Set<string>; members: [string, UnansweredRecord[]][] }[] = [];
  for (const [text, asked] of phrasings) {
    const key = keyWords(text);
    const home = clusters.find((c) => jaccard(c.key, key) >= SIMILARITY);
    if (home === undefined) clusters.push({ key, members: [[text, asked]] });
    else home.members.push([text, asked]);
  }

  const groups = clusters.map(({ members }): Group => {
    const all = members.flatMap(([, asked]) => asked);
    const platforms = new Map<Platform, number>();
    const considered = new Map<string, number>();
    for (const r of all) {
      bump(platforms, r.platform);
      for (const id of r.considered) bump(considered, id);
    }
    return {
      count: all.length,
      text: members[0]?.[0] ?? "",
      variants: members.slice(1).map(([text]) => text),
      platforms: Object.fromEntries(ranked(platforms).map((p) => [p, platforms.get(p)])),
      lastAsked: all.map((r) => r.time).reduce((a, b) => (a > b ? a : b), ""),
      considered: ranked(considered),
    };
  });
  return groups.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
