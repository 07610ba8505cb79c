import { createReadStream } from "node:fs";
import { readGrammar } from "../core/knowledge/loader.js";
import { lemma } from "../core/language/lemma.js";
import { tokens } from "../core/language/text.js";
import { readLines } from "./lines.js";
import { SimilarGroups } from "./similar-groups.js";
import type { Platform, UnansweredRecord } from "./unanswered-record.js";

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
function printable(text: string): string {
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

/** The grammar's English stop words, read on the first report: a report loads no knowledge base. */
let stopwords: ReadonlySet<string> | undefined;

/** The words that say what a question is about: no stopwords, each in its dictionary form. */
function keyWords(text: string): Set<string> {
  stopwords ??= new Set(readGrammar().en.stopwords);
  const skipped = stopwords;
  return new Set(
    tokens(text)
      .filter((t) => !skipped.has(t))
      .map(lemma),
  );
}

function ranked<K extends string>(counts: Map<K, number>): K[] {
  return [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([key]) => key);
}

function bump<K>(counts: Map<K, number>, key: K, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** What the records of one phrasing add up to: all a group needs, so that no record is kept. */
interface Phrasing {
  count: number;
  platforms: Map<Platform, number>;
  lastAsked: string;
  considered: Map<string, number>;
}

/**
 * The unanswered questions added up as they are read, one record or line at a time: memory grows
 * with the number of different phrasings, not with the size of the log.
 */
export class UnansweredTally {
  /** Records added. */
  records = 0;
  /** Lines that are not a record, e.g. one cut short by a crash. */
  skipped = 0;
  private readonly phrasings = new Map<string, Phrasing>();

  /** Adds one line of the log: a record, a blank line (ignored) or anything else (skipped and counted). */
  addLine(line: string): void {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (isRecord(value)) this.add(value);
    else this.skipped++;
  }

  /** Adds one record, its control characters removed. */
  add(record: UnansweredRecord): void {
    const r = cleaned(record);
    this.records++;
    let phrasing = this.phrasings.get(r.text);
    if (phrasing === undefined) {
      phrasing = { count: 0, platforms: new Map(), lastAsked: "", considered: new Map() };
      this.phrasings.set(r.text, phrasing);
    }
    phrasing.count++;
    bump(phrasing.platforms, r.platform);
    if (r.time > phrasing.lastAsked) phrasing.lastAsked = r.time;
    for (const id of r.considered) bump(phrasing.considered, id);
  }

  /**
   * The records gathered into groups of similar questions, most asked first. Phrasings are taken
   * most asked first; each joins the first group whose leading phrasing shares enough of its key words.
   */
  groups(): Group[] {
    const phrasings = [...this.phrasings].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    const similar = new SimilarGroups<[string, Phrasing]>();
    for (const [text, phrasing] of phrasings) similar.add(keyWords(text), [text, phrasing]);
    const groups = similar.groups.map(({ members }): Group => {
      const platforms = new Map<Platform, number>();
      const considered = new Map<string, number>();
      for (const [, p] of members) {
        for (const [platform, n] of p.platforms) bump(platforms, platform, n);
        for (const [id, n] of p.considered) bump(considered, id, n);
      }
      return {
        count: members.reduce((sum, [, p]) => sum + p.count, 0),
        text: members[0]?.[0] ?? "",
        variants: members.slice(1).map(([text]) => text),
        platforms: Object.fromEntries(ranked(platforms).map((p) => [p, platforms.get(p)])),
        lastAsked: members.map(([, p]) => p.lastAsked).reduce((a, b) => (a > b ? a : b), ""),
        considered: ranked(considered),
      };
    });
    return groups.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  }
}

/** Records gathered into groups of similar questions, most asked first (see UnansweredTally). */
export function groupUnanswered(records: Iterable<UnansweredRecord>): Group[] {
  const tally = new UnansweredTally();
  for (const record of records) tally.add(record);
  return tally.groups();
}

/**
 * Adds the lines of these files to a tally, oldest first, each file streamed line by line: a log
 * of any size and any number of rotated files is never held in memory, and a line too long to be a
 * record is skipped without being kept. A file that went away since it was listed (rotated out)
 * is passed over.
 */
export async function tallyFiles(
  files: readonly string[],
  tally = new UnansweredTally(),
): Promise<UnansweredTally> {
  for (const file of files) {
    try {
      for await (const { text, cut } of readLines(createReadStream(file))) {
        if (cut) tally.skipped++;
        else tally.addLine(text);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return tally;
}
