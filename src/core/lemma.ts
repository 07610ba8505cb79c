import { createRequire } from "node:module";

/**
 * What wink-lemmatizer (which ships no types) exports: each function takes a lower-cased word and
 * returns its base form for that part of speech, or the word.
 */
interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

/**
 * wink-lemmatizer loads WordNet's word list (about 0.15 s), so it is loaded on the first word
 * that needs it, not when this module is imported.
 */
let lemmatizer: Lemmatizer | undefined;
function load(): Lemmatizer {
  lemmatizer ??= createRequire(import.meta.url)("wink-lemmatizer") as Lemmatizer;
  return lemmatizer;
}

/** Only words of Latin letters have an English lemma; numbers, CJK words and mixed tokens keep their form. */
const ENGLISH_WORD = /^[a-z][a-z'-]*$/;

/** Enough for any vocabulary a chat sees; a server fed random strings starts the cache afresh past it. */
const CACHE_LIMIT = 50_000;
const cache = new Map<string, string>();

/**
 * The dictionary form of a lower-cased English word: "issued" → "issue", "cities" → "city",
 * "handed" → "hand". Noun, then verb, then adjective readings are tried, and the first that
 * changes the word wins; a word with none is its own lemma.
 */
export function lemma(word: string): string {
  const known = cache.get(word);
  if (known !== undefined) return known;
  let result = word;
  if (ENGLISH_WORD.test(word)) {
    const l = load();
    for (const lemmatize of [l.noun, l.verb, l.adjective]) {
      const candidate = lemmatize(word);
      // Morphy's rules strip the "s" of a singular in "-ss" ("boss" → "bos", a genus) when that stem is listed.
      if (candidate !== word && !(word.endsWith("ss") && candidate === word.slice(0, -1))) {
        result = candidate;
        break;
      }
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, result);
  return result;
}

/** Part-of-speech tags of common English words (Penn tags), from wink-lexicon, loaded on first use. */
let lexicon: Readonly<Record<string, readonly string[]>> | undefined;

function tagsOf(word: string): readonly string[] | undefined {
  lexicon ??= createRequire(import.meta.url)("wink-lexicon/src/lexicon.js") as Record<string, string[]>;
  return Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
}

/** Whether a word is a real English word (it, or its dictionary form, is listed): a typo is not. */
export function isEnglishWord(word: string): boolean {
  return tagsOf(word) !== undefined || tagsOf(lemma(word)) !== undefined;
}

/**
 * Whether an English word the knowledge base does not use is likely the subject of a question (a
 * noun: "rent", "pension", "hukou") rather than how it is put (a verb, adverb or adjective:
 * "pulled", "actually", "average"). Words the lexicon does not list are taken as nouns: names and
 * jargon. Forms in -ing and -ed that can be verbs are taken as verbs ("building").
 */
export function isSubjectWord(word: string): boolean {
  const tags = tagsOf(word);
  const verbForm = /(ing|ed)$/.test(word);
  if (tags === undefined) {
    // An inflected form the lexicon lacks is judged by its dictionary form: "flocking" by "flock".
    const base = tagsOf(lemma(word));
    if (base === undefined) return true;
    return verbForm && base.some((t) => t.startsWith("VB")) ? false : (base[0]?.startsWith("NN") ?? true);
  }
  if (verbForm && tags.some((t) => t === "VBG" || t === "VBD" || t === "VBN")) return false;
  return tags[0]?.startsWith("NN") ?? true;
}
