import { readFileSync } from "node:fs";
import path from "node:path";
import { generatedDir } from "../../knowledge/package-root.js";
import { ENGLISH_WORD, winkExceptions, winkIsSubjectWord, winkLemma, winkLexiconWords } from "./wink.js";

/**
 * What lemma.ts needs of wink-lemmatizer and wink-lexicon, computed at build time
 * (scripts/build-english.ts) so that start-up parses one JSON file instead of loading WordNet.
 * Every entry is wink's own answer for that word. A word the table lacks is read as its own lemma,
 * unlisted, without loading wink: wink could only reduce it to a WordNet word that neither wink-lexicon,
 * WordNet's exception lists nor the knowledge base (its words and their lemmas) uses, since every form
 * Morphy's rules reduce to one of those is in the table. For every word the knowledge base knows,
 * the table changes speed, never results.
 *
 * Words are grouped by their first three letters, each group one string of space-separated entries,
 * so that start-up parses a few thousand strings and a word is found by searching its group's. An entry is the word, then "=" and its lemma if that differs; a leading
 * "+" marks a word wink-lexicon lists as likely a subject (a noun), "-" one it lists as not.
 */
export interface EnglishTable {
  version: typeof TABLE_VERSION;
  groups: Record<string, string>;
}

/** What the table says of one word. */
export interface EnglishEntry {
  lemma: string;
  /** wink-lexicon lists it: an English word. */
  listed: boolean;
  /** Listed, and not likely a question's subject (a verb, adverb or adjective). */
  nonSubject: boolean;
}

export const TABLE_VERSION = 3;
export const ENGLISH_TABLE_FILE = "english.json";

/** The inflected forms Morphy's suffix rules (as wink applies them) reduce to a base word. */
function inflections(base: string): string[] {
  const forms = ["s", "es", "ed", "ing", "er", "est"].map((suffix) => base + suffix);
  if (base.endsWith("e")) forms.push(...["s", "d", "r", "st"].map((suffix) => base + suffix));
  if (base.endsWith("e")) forms.push(...["ing", "es", "ed", "er", "est"].map((s) => base.slice(0, -1) + s));
  if (base.endsWith("y")) forms.push(`${base.slice(0, -1)}ies`);
  if (base.endsWith("f")) forms.push(`${base.slice(0, -1)}ves`);
  if (base.endsWith("s")) forms.push(`${base.slice(0, -1)}zes`);
  if (base.endsWith("man")) forms.push(`${base.slice(0, -3)}men`);
  return forms;
}

/**
 * The table for these words (a knowledge base's words, say) and their lemmas, and for every word of
 * wink-lexicon and WordNet's exception lists, each with the inflected forms that lemmatise to
 * something else.
 */
export function buildEnglishTable(words: Iterable<string>): EnglishTable {
  // Entries are separated by spaces and marked by a leading "+" or "-" and an "=".
  const lexicon = winkLexiconWords().filter((w) => /^[^+~-][^ =]*$/.test(w));
  const seeds = new Set<string>(lexicon.filter((w) => ENGLISH_WORD.test(w)));
  for (const [form, base] of winkExceptions()) seeds.add(form).add(base);
  for (const word of words) seeds.add(word).add(winkLemma(word));
  const lemmas: Record<string, string> = {};
  const same: string[] = [];
  const consider = (form: string, seed: boolean) => {
    if (!ENGLISH_WORD.test(form) || Object.hasOwn(lemmas, form)) return;
    const base = winkLemma(form);
    if (base !== form) lemmas[form] = base;
    else if (seed) same.push(form);
  };
  for (const seed of seeds) consider(seed, true);
  for (const seed of [...seeds]) for (const form of inflections(seed)) consider(form, false);
  const entries = new Map<string, string>();
  for (const word of same) entries.set(word, word);
  for (const [form, base] of Object.entries(lemmas)) entries.set(form, `${form}=${base}`);
  const listed = new Set(lexicon);
  for (const word of lexicon) {
    const mark = winkIsSubjectWord(word) ? "+" : "-";
    entries.set(word, `${mark}${entries.get(word) ?? word}`);
  }
  // A form the lexicon does not list may still read as a verb ("innovating"): marked "~".
  for (const [word, entry] of entries) {
    if (!listed.has(word) && !winkIsSubjectWord(word)) entries.set(word, `~${entry}`);
  }
  const groups = new Map<string, string[]>();
  for (const [word, entry] of [...entries].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const key = groupOf(word);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return {
    version: TABLE_VERSION,
    groups: Object.fromEntries([...groups].map(([key, list]) => [key, list.join(" ")])),
  };
}

function groupOf(word: string): string {
  return word.slice(0, 3);
}

/** The entry of a word in its group's string, found in place: no group is ever split. */
function findIn(group: string, word: string): EnglishEntry | undefined {
  for (let at = group.indexOf(word); at !== -1; at = group.indexOf(word, at + 1)) {
    const before = at === 0 ? " " : group[at - 1];
    const end = at + word.length;
    const after = end === group.length ? " " : group[end];
    if (!" +-~".includes(before as string) || (after !== " " && after !== "=")) continue;
    const mark = before === " " ? undefined : before;
    if (mark !== undefined && at > 1 && group[at - 2] !== " ") continue;
    const stop = group.indexOf(" ", end);
    const lemma = after === "=" ? group.slice(end + 1, stop === -1 ? undefined : stop) : word;
    return { lemma, listed: mark === "+" || mark === "-", nonSubject: mark === "-" || mark === "~" };
  }
  return undefined;
}

/** Looks words up in a table. */
export function lookup(table: EnglishTable): (word: string) => EnglishEntry | undefined {
  return (word) => {
    const key = groupOf(word);
    const group = Object.hasOwn(table.groups, key) ? table.groups[key] : undefined;
    return group === undefined ? undefined : findIn(group, word);
  };
}

/** The table the build wrote, or undefined when there is none (a source checkout not built yet). */
export function readEnglishTable(dir = generatedDir()): EnglishTable | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, ENGLISH_TABLE_FILE), "utf8");
  } catch {
    return undefined;
  }
  const table = JSON.parse(text) as EnglishTable;
  return table.version === TABLE_VERSION ? table : undefined;
}
