import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readGrammar } from "../core/knowledge/loader.js";
import { lemma } from "../core/language/lemma.js";
import { tokens } from "../core/language/text.js";
import { readLines } from "./lines.js";
import { parseRecord } from "./log-records.js";
import { SimilarGroups } from "./similar-groups.js";
import type { LogRecord, Platform, VoteReason } from "./unanswered-record.js";

/** What a group holds: questions the bot declined, or answers that got 👎. */
export type GroupKind = "declined" | "disliked";

/** Questions people asked that the bot could not answer (or answered badly), gathered by what they ask. */
export interface Group {
  /** A few hex digits derived from what the group asks: stable from one report to the next. */
  id: string;
  kind: GroupKind;
  /** How many times a question of this group was asked (or its answer voted down). */
  count: number;
  /** The phrasing asked most often. */
  text: string;
  /** For follow-ups: the question the leading phrasing followed. */
  followed?: string;
  /** Other phrasings, most asked first. */
  variants: string[];
  platforms: Partial<Record<Platform, number>>;
  languages: Record<string, number>;
  /** ISO time of the latest record. */
  lastAsked: string;
  /** Declined: the facts the core found nearest; disliked: the ids the answers showed. Most often first. */
  facts: string[];
  /** Disliked: why, as voters said. */
  reasons: Partial<Record<VoteReason, number>>;
}

/** The grammar's English stop words, read on the first report: a report loads no knowledge base. */
let stopwords: ReadonlySet<string> | undefined;

/** The words that say what a question is about: no stopwords, each in its dictionary form. */
export function keyWords(text: string): Set<string> {
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

const counted = <K extends string>(counts: Map<K, number>) =>
  Object.fromEntries(ranked(counts).map((k) => [k, counts.get(k) ?? 0])) as Record<K, number>;

/** What the records of one phrasing add up to: all a group needs, so that no record is kept. */
interface Phrasing {
  kind: GroupKind;
  text: string;
  followed: string | undefined;
  count: number;
  platforms: Map<Platform, number>;
  languages: Map<string, number>;
  lastAsked: string;
  facts: Map<string, number>;
  reasons: Map<VoteReason, number>;
}

/** What a follow-up followed, as the words it asks about: the same question asked in other words is the same context. */
const contextOf = (followed: string | undefined) =>
  followed === undefined ? "" : [...keyWords(followed)].sort().join(" ");

/** A group's id: the first hex digits of a hash of its kind, context and leading phrasing's key words. */
function groupId(lead: Phrasing): string {
  const key = [lead.kind, contextOf(lead.followed), [...keyWords(lead.text)].sort().join(" ")].join("|");
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Per fact: 👍 and 👎. */
export interface Votes {
  up: number;
  down: number;
}

/**
 * The log added up as it is read, one record or line at a time: memory grows with the number of
 * different phrasings and facts, not with the size of the log.
 */
export class LogTally {
  /** Records added. */
  records = 0;
  /** Lines that are not a record, e.g. one cut short by a crash. */
  skipped = 0;
  /** Per language: questions answered and declined. */
  readonly rates = new Map<string, { answered: number; declined: number }>();
  /** Per fact: how often an answer led with it. */
  readonly asked = new Map<string, number>();
  /** Per fact: the votes on answers that showed it. */
  readonly votes = new Map<string, Votes>();
  private readonly phrasings = new Map<string, Phrasing>();

  /**
   * Adds one line of the log: a declined question's record; an answered question's or a vote's, or
   * a blank line (ignored); or anything else (skipped and counted).
   */
  addLine(line: string): void {
    if (!line.trim()) return;
    const record = parseRecord(line);
    if (record === undefined) this.skipped++;
    else this.add(record);
  }

  /** Adds one record. */
  add(record: LogRecord): void {
    this.records++;
    if (record.kind === "answered") {
      this.rate(record.language).answered++;
      const lead = record.ids.find((id) => !id.includes("#"));
      if (lead !== undefined) bump(this.asked, lead);
      return;
    }
    if (record.kind === "vote") {
      // A 👎's reason arrives as a record of its own after the vote (see VoteRecord): it adds a
      // reason to the group, not a second vote.
      if (record.reason !== undefined) {
        this.phrasing("disliked", record.text, undefined, record, []);
        return;
      }
      for (const id of new Set(record.ids.filter((id) => !id.includes("#")))) {
        const votes = this.votes.get(id) ?? { up: 0, down: 0 };
        votes[record.vote]++;
        this.votes.set(id, votes);
      }
      if (record.vote === "down") this.phrasing("disliked", record.text, undefined, record, record.ids);
      return;
    }
    this.rate(record.language ?? "unknown").declined++;
    this.phrasing("declined", record.text, record.followed, record, record.considered);
  }

  private rate(language: string) {
    const rate = this.rates.get(language) ?? { answered: 0, declined: 0 };
    this.rates.set(language, rate);
    return rate;
  }

  private phrasing(
    kind: GroupKind,
    text: string,
    followed: string | undefined,
    record: LogRecord,
    facts: readonly string[],
  ): void {
    const key = [kind, followed ?? "", text].join("\u0000");
    let p = this.phrasings.get(key);
    if (p === undefined) {
      p = {
        kind,
        text,
        followed,
        count: 0,
        platforms: new Map(),
        languages: new Map(),
        lastAsked: "",
        facts: new Map(),
        reasons: new Map(),
      };
      this.phrasings.set(key, p);
    }
    if (record.kind === "vote" && record.reason !== undefined) {
      bump(p.reasons, record.reason);
      return;
    }
    p.count++;
    bump(p.platforms, record.platform);
    if (record.language !== undefined) bump(p.languages, record.language);
    if (record.time > p.lastAsked) p.lastAsked = record.time;
    for (const id of new Set(facts)) bump(p.facts, id);
  }

  /**
   * The phrasings gathered into groups, most asked first. Declined questions and disliked answers
   * are apart, and so are follow-ups of different questions; within those, phrasings are taken most
   * asked first, each joining the first group whose leading phrasing shares enough of its key words.
   */
  groups(): Group[] {
    const phrasings = [...this.phrasings.values()].sort(
      (a, b) =>
        b.count - a.count ||
        a.text.localeCompare(b.text) ||
        (a.followed ?? "").localeCompare(b.followed ?? ""),
    );
    const byContext = new Map<string, SimilarGroups<Phrasing>>();
    for (const p of phrasings) {
      const context = `${p.kind}|${contextOf(p.followed)}`;
      const similar = byContext.get(context) ?? new SimilarGroups<Phrasing>();
      byContext.set(context, similar);
      similar.add(keyWords(p.text), p);
    }
    const groups = [...byContext.values()].flatMap((similar) =>
      similar.groups.map(({ members }) => group(members)),
    );
    return groups.sort(
      (a, b) => b.count - a.count || a.text.localeCompare(b.text) || a.id.localeCompare(b.id),
    );
  }
}

function group(members: Phrasing[]): Group {
  const lead = members[0] as Phrasing;
  const platforms = new Map<Platform, number>();
  const languages = new Map<string, number>();
  const facts = new Map<string, number>();
  const reasons = new Map<VoteReason, number>();
  for (const p of members) {
    for (const [k, n] of p.platforms) bump(platforms, k, n);
    for (const [k, n] of p.languages) bump(languages, k, n);
    for (const [k, n] of p.facts) bump(facts, k, n);
    for (const [k, n] of p.reasons) bump(reasons, k, n);
  }
  return {
    id: groupId(lead),
    kind: lead.kind,
    count: members.reduce((sum, p) => sum + p.count, 0),
    text: lead.text,
    ...(lead.followed === undefined ? {} : { followed: lead.followed }),
    variants: [...new Set(members.slice(1).map((p) => p.text))].filter((t) => t !== lead.text),
    platforms: counted(platforms),
    languages: counted(languages),
    lastAsked: members.map((p) => p.lastAsked).reduce((a, b) => (a > b ? a : b), ""),
    facts: ranked(facts),
    reasons: counted(reasons),
  };
}

/** Records gathered into groups (see LogTally). */
export function groupRecords(records: Iterable<LogRecord>): Group[] {
  const tally = new LogTally();
  for (const record of records) tally.add(record);
  return tally.groups();
}

/**
 * Adds the lines of these files to a tally, oldest first, each file streamed line by line: a log
 * of any size and any number of rotated files is never held in memory, and a line too long to be a
 * record is skipped without being kept. A file that went away since it was listed (rotated out)
 * is passed over.
 */
export async function tallyFiles(files: readonly string[], tally = new LogTally()): Promise<LogTally> {
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
