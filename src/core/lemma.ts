import lemmatizer from "wink-lemmatizer";
import { isCjk, isNumber } from "./text.js";

const cache = new Map<string, string>();
const PARTS = [lemmatizer.noun, lemmatizer.verb, lemmatizer.adjective];

/**
 * The dictionary form of a lower-cased English word: "cities" → "city", "issued" → "issue",
 * "bigger" → "big". Tried as a noun, then a verb, then an adjective; the first that changes the
 * word wins. Numbers, Chinese and very short words stay as they are.
 */
export function lemma(word: string): string {
  let found = cache.get(word);
  if (found === undefined) {
    found = word;
    if (word.length > 2 && !isNumber(word) && !isCjk(word)) {
      for (const part of PARTS) {
        const base = part(word);
        if (base !== word) {
          found = base;
          break;
        }
      }
    }
    cache.set(word, found);
  }
  return found;
}
