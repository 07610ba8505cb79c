import { type EnglishEntry, lookup, readEnglishTable } from "./english/table.js";
import { ENGLISH_WORD, winkIsSubjectWord, winkLemma, winkTags } from "./english/wink.js";
import { remembered } from "./memo.js";

/**
 * Lemmas and parts of speech come from the table the build generates from wink-lemmatizer and
 * wink-lexicon (see english/table.ts), which says how to read a word it lacks; wink itself is
 * loaded only when there is no table (a source checkout not built yet).
 */
let find: ((word: string) => EnglishEntry | undefined) | null | undefined;
const entries = new Map<string, EnglishEntry | undefined>();

/** What the table says of a word (undefined: not in it), remembered; null when there is no table. */
function entry(word: string): EnglishEntry | undefined | null {
  if (find === undefined) {
    const table = readEnglishTable();
    find = table === undefined ? null : lookup(table);
  }
  if (find === null) return null;
  return remembered(entries, word, find);
}

const lemmas = new Map<string, string>();

/**
 * The dictionary form of a lower-cased English word: "issued" → "issue", "cities" → "city",
 * "handed" → "hand". Noun, then verb, then adjective readings are tried, and the first that
 * changes the word wins; a word with none is its own lemma.
 */
export function lemma(word: string): string {
  if (!ENGLISH_WORD.test(word)) return word;
  const known = entry(word);
  if (known !== null) return known?.lemma ?? word;
  return remembered(lemmas, word, winkLemma);
}

/** Whether wink-lexicon lists a word. */
function listed(word: string): boolean {
  const known = entry(word);
  return known === null ? winkTags(word) !== undefined : (known?.listed ?? false);
}

/** Whether a word is a real English word (it, or its dictionary form, is listed): a typo is not. */
export function isEnglishWord(word: string): boolean {
  return listed(word) || listed(lemma(word));
}

/**
 * Whether an English word the knowledge base does not use is likely the subject of a question (a
 * noun: "rent", "pension", "hukou") rather than how it is put (a verb, adverb or adjective:
 * "pulled", "actually", "average"). Words the lexicon does not list are taken as nouns: names and
 * jargon. Forms in -ing and -ed that can be verbs are taken as verbs ("building").
 */
export function isSubjectWord(word: string): boolean {
  const known = entry(word);
  return known === null ? winkIsSubjectWord(word) : !known?.nonSubject;
}
