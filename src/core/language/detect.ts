import type { Language } from "../types.js";

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[A-Za-z]+/g;

/**
 * The language a text is written in: Chinese when its Chinese characters are at least as many as
 * its Latin words (a name or two in Latin letters does not make it English), else English.
 */
export function detectLanguage(text: string): Language {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  return han >= 2 && han >= latin ? "zh" : "en";
}

/** Whether a text is clearly in a language: it has words and they are mostly of that script. */
export function clearlyIn(text: string): Language | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN_WORD)?.length ?? 0;
  if (han >= 2 && han >= 2 * latin) return "zh";
  if (latin >= 2 && han === 0) return "en";
  return undefined;
}
