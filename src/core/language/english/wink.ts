import { createRequire } from "node:module";

/**
 * The reference readings of English words, straight from wink-lemmatizer and wink-lexicon. Loading
 * them costs about 0.2 s (WordNet's word list), so start-up reads the generated table instead
 * (see table.ts) and comes here only for a word the table lacks, on first need.
 */
interface Lemmatizer {
  noun(word: string): string;
  verb(word: string): string;
  adjective(word: string): string;
}

const require = createRequire(import.meta.url);
let lemmatizer: Lemmatizer | undefined;
let lexicon: Readonly<Record<string, readonly string[]>> | undefined;

/** Whether wink-lemmatizer or wink-lexicon has been loaded into this process (start-up never should). */
export function winkLoaded(): boolean {
  return lemmatizer !== undefined || lexicon !== undefined;
}

/** Only words of Latin letters have an English lemma; numbers, CJK words and mixed tokens keep their form. */
export const ENGLISH_WORD = /^[a-z][a-z'-]*$/;

/**
 * The dictionary form of a lower-cased English word: noun, then verb, then adjective readings are
 * tried, and the first that changes the word wins; a word with none is its own lemma.
 */
export function winkLemma(word: string): string {
  if (!ENGLISH_WORD.test(word)) return word;
  lemmatizer ??= require("wink-lemmatizer") as Lemmatizer;
  for (const lemmatize of [lemmatizer.noun, lemmatizer.verb, lemmatizer.adjective]) {
    const candidate = lemmatize(word);
    // Morphy's rules strip the "s" of a singular in "-ss" ("boss" → "bos", a genus) when that stem is listed.
    if (candidate !== word && !(word.endsWith("ss") && candidate === word.slice(0, -1))) return candidate;
  }
  return word;
}

/** Part-of-speech tags (Penn) of a common English word, from wink-lexicon; undefined if it is not listed. */
export function winkTags(word: string): readonly string[] | undefined {
  lexicon ??= require("wink-lexicon/src/lexicon.js") as Record<string, string[]>;
  return Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
}

/** Every word wink-lexicon lists. */
export function winkLexiconWords(): string[] {
  winkTags("");
  return Object.keys(lexicon ?? {});
}

/** Every inflected form WordNet's exception lists know (e.g. "children", "went", "better"), with its lemma. */
export function winkExceptions(): [string, string][] {
  return ["noun", "verb", "adjective"].flatMap((pos) =>
    Object.entries(require(`wink-lexicon/src/wn-${pos}-exceptions.js`) as Record<string, string>),
  );
}

/**
 * The rule that decides whether a word is likely the subject of a question (a noun) rather than how
 * it is put: words the lexicon does not list are taken as nouns (names and jargon), forms in -ing and
 * -ed that can be verbs are taken as verbs ("building"), otherwise the word's first tag decides.
 */
export function winkIsSubjectWord(word: string): boolean {
  const tags = winkTags(word);
  const verbForm = /(ing|ed)$/.test(word);
  if (tags === undefined) {
    // An inflected form the lexicon lacks is judged by its dictionary form: "flocking" by "flock".
    const base = winkTags(winkLemma(word));
    if (base === undefined) return true;
    return verbForm && base.some((t) => t.startsWith("VB")) ? false : (base[0]?.startsWith("NN") ?? true);
  }
  if (verbForm && tags.some((t) => t === "VBG" || t === "VBD" || t === "VBN")) return false;
  return tags[0]?.startsWith("NN") ?? true;
}
