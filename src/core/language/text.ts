import { createRequire } from "node:module";
import type { Converter } from "opencc-js";

/** Characters of Chinese, Japanese or Korean script; these words are not separated by spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUN = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+)/gu;

const PLAIN_ASCII = /^[\t\n\r -~]*$/;
const HAN = /\p{Script=Han}/u;

let toSimplified: ((text: string) => string) | undefined;

/**
 * Traditional characters as simplified ones (廣州 reads 广州), through OpenCC's Taiwan tables,
 * loaded on the first Chinese text: an English question never pays for them.
 */
export function simplified(text: string): string {
  if (!HAN.test(text)) return text;
  const opencc = () => createRequire(import.meta.url)("opencc-js/t2cn") as { Converter: typeof Converter };
  const convert = toSimplified ?? opencc().Converter({ from: "tw", to: "cn" });
  toSimplified = convert;
  return convert(text);
}

/**
 * Lower-cases and simplifies text so that spellings compare equal: full-width forms, accents,
 * punctuation and thousands separators go; CJK runs stand apart from Latin words.
 */
export function normalise(text: string): string {
  // Plain ASCII has no full-width forms, accents, format characters or CJK, and its only letters
  // and digits are a-z and 0-9 once lower-cased: the Unicode steps would leave it as it is.
  if (PLAIN_ASCII.test(text)) return words(spelledOut(text.toLowerCase()), NOT_ASCII_WORD);
  const simple = simplified(text.normalize("NFKD").replace(/\p{M}/gu, "").normalize("NFKC"));
  const plain = simple
    .toLowerCase()
    .replace(/\p{Cf}/gu, "")
    .replace(/\p{Cc}/gu, " ");
  return words(spelledOut(plain).replace(CJK_RUN, " $1 "), NOT_WORD);
}

const NOT_WORD = /[^\p{L}\p{N}\u2024]+/gu;
const NOT_ASCII_WORD = /[^a-z\d\u2024]+/g;

/** The characters spelledOut rewrites at: most questions have none, and are left as they are. */
const SPELLED_AT = /['’,.&%#]/;

/** Lower-cased text with possessives, thousands separators and dotted initials gone and signs spelled out ("#1": number 1). */
function spelledOut(lower: string): string {
  if (!SPELLED_AT.test(lower)) return lower;
  return lower
    .replace(/['’]s\b/g, "")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/([a-z])\.(?=[a-z]\b)/g, "$1")
    .replace(/\b([a-z])&([a-z])\b/g, "$1$2")
    .replace(/&/g, " and ")
    .replace(/%/g, " percent ")
    .replace(/#(?=\d)/g, " number ")
    .replace(/(\d)\.(?=\d)/g, "$1\u2024");
}

/** Text cut into words, one space apart, at every run of what `between` matches; a decimal point stays. */
function words(text: string, between: RegExp): string {
  const spaced = text.replace(between, " ");
  return (spaced.includes("\u2024") ? spaced.replace(/\u2024/g, ".") : spaced).trim();
}

export function tokens(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(" ") : [];
}

/** The key aliases are compared by: spaces do not count, so "Guang Zhou" equals "Guangzhou". */
export function compact(text: string): string {
  return normalise(text).replaceAll(" ", "");
}

export function isCjk(token: string): boolean {
  return CJK.test(token);
}

export function isNumber(token: string): boolean {
  return /^\d+(\.\d+)?$/.test(token);
}

/**
 * A word without its inflection only: plural, past and -ing endings and a final e go, so that
 * "issued" meets "issue" but "population" does not meet "populous" as their Porter stems do.
 */
export function inflection(word: string): string {
  if (word.length <= 3 || isNumber(word) || isCjk(word)) return word;
  return word
    .replace(/(ies|ied)$/, "y")
    .replace(/(ss|sh|ch|x|z)es$/, "$1")
    .replace(/([^su])s$/, "$1")
    .replace(/(.{3,})(ed|ing)$/, "$1")
    .replace(/e$/, "");
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment).
 * Words whose lengths differ by more than `max` edits are not compared: their distance is `max + 1`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // Three rows of the table, reused: the one two above (for a swap), the one above, this one.
  let before = new Array<number>(width).fill(0);
  let above = Array.from({ length: width }, (_, j) => j);
  let row = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (before[j - 2] as number) + 1);
      row[j] = d;
    }
    [before, above, row] = [above, row, before];
  }
  return above[b.length] as number;
}

/** A value for a message: at most `max` characters, the rest elided, so a huge value is never printed whole. */
export function shortened(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** The digits of a year a question may name (1950–2049). */
export const YEAR_DIGITS = "(?:19[5-9]\\d|20[0-4]\\d)";
/** A word that is a year. */
export const YEAR = new RegExp(`^${YEAR_DIGITS}$`);
/** Every year a text writes ("the 2017 CEOT"). */
export const YEARS_WRITTEN = new RegExp(`\\b${YEAR_DIGITS}\\b`, "g");
