import type { Phrase } from "../knowledge/grammar-schema.js";

/**
 * Regular expressions built from the grammar's word lists, once at load. A word is matched whole
 * (a trailing "*" lets it go on: "fund*" matches "funds"), a space in it stands for any spacing, and
 * longer words are tried first, so that "或者" is cut before "或".
 */
export function alternation(words: readonly string[], boundary = "\\b"): string {
  const one = (word: string) => {
    const open = word.endsWith("*");
    const text = (open ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return `${text.replace(/ +/g, "\\s+")}${open ? "" : boundary}`;
  };
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map(one)
    .join("|")})`;
}

/** English words found anywhere, whole: "\b(?:how\s+many\b|total\b)". */
export function wordsPattern(words: readonly string[]): string {
  return `\\b${alternation(words)}`;
}

/** Chinese words found anywhere: Chinese has no spaces to bound a word. */
export function chinesePattern(words: readonly string[]): string {
  return alternation(words, "");
}

/** A phrase of slots in a row, "…" letting anything come between two: "\bhow\s+much\b.*\bmoney". */
export function phrasePattern(phrase: Phrase): string {
  let pattern = "\\b";
  phrase.forEach((slot, i) => {
    if (slot === "…") pattern += ".*\\b";
    else pattern += `${i > 0 && phrase[i - 1] !== "…" ? "\\s+" : ""}${alternation(slot)}`;
  });
  return pattern;
}

/**
 * One expression that matches where any of the patterns does. Case is ignored but not in Unicode
 * mode: the grammar's words are letters of the Basic Multilingual Plane and need no \p{…}, and
 * irregexp runs \b and case folding several times slower with the "u" flag.
 */
export function anyOf(patterns: readonly string[], flags = "i"): RegExp {
  if (patterns.length === 0) return /(?!)/;
  return new RegExp(patterns.map((p) => `(?:${p})`).join("|"), flags);
}
