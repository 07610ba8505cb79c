import type { GrammarData } from "../knowledge/grammar-schema.js";
import { type AnswerWording, answerWording } from "./answer-type.js";
import { type FollowUpWords, followUpWords } from "./follow-up.js";
import { type Numerals, numerals } from "./han-numerals.js";
import { type WordWeights, wordWeights } from "./stopwords.js";
import { type SplitWords, splitWords } from "./understand.js";
import { anyOf, chinesePattern, phrasePattern, wordsPattern } from "./word-patterns.js";

/**
 * How questions are read in both languages, built once at load from the knowledge base's grammar
 * files (knowledge/grammar/en.json and zh.json): no list of words lives in code.
 */
export interface Grammar extends WordWeights {
  answers: AnswerWording;
  followUp: FollowUpWords;
  split: SplitWords;
  /** "Who is …?": asks to have something named described, not for another person. */
  describes: RegExp;
  /** "How many returnees": what is counted, in the first group. */
  counts: RegExp;
  /** "Per the CCG study", 根据…报告: a clause that names a source, opener and all, each one found. */
  cites: RegExp;
  /** "Apart from Beijing and Shanghai, which cities…", 除了北京和上海: what is left out, in the first or second group. */
  excludes: RegExp;
  /** "Most", "top", 最多: the thing with the highest value of a property is asked for. */
  superlative: RegExp;
  /** "What did … say", "who called …", 怎么看: what someone said or thinks, or who said it, is asked for. */
  quotes: RegExp;
  /** "The whole of 2017", "full-year 2017", 2017年全年: a year asked as a whole. */
  wholeYear: RegExp;
  /** "First half", 上半年: a qualifier saying a figure holds for part of a year. */
  partialPeriod: RegExp;
  /** Short question words people mistype ("how meny"), corrected apart from the knowledge base's words. */
  mistyped: readonly string[];
  /** Chat spellings and shorthand ("wat", "wen", "intl"), by the word each stands for. */
  shorthand: ReadonlyMap<string, string>;
  /** A sentence telling the asker's own story ("my dad keeps on about a fund"): a scene, not what is asked. */
  tellsOwnStory: RegExp;
  /** Kinds of thing whose names carry the kind's word ("which university": Zhejiang University). */
  namedKinds: ReadonlySet<string>;
  /** Words before a small number that make it a place on a list ("top 3", "No. 1"): it is asked in words, lightly. */
  placing: ReadonlySet<string>;
  /** Words before a number that make it a threshold ("more than 3,000"): compared with, not looked for. */
  thresholds: ReadonlySet<string>;
  /** "End", "mid": before a year (or "of" and a year), they say nothing the year does not. */
  partOfYear: ReadonlySet<string>;
  /** Heads of the lexicon's question-word groups: they say what kind of answer is wanted, not what about. */
  cueHeads: ReadonlySet<string>;
  /** Chinese characters that only frame a sentence: particles, copulas, "this", "that". */
  filler: ReadonlySet<string>;
  /** Chinese words of how a question is put (请问, 到底): they neither count for nor against a fact. */
  framing: ReadonlySet<string>;
  /** Particles that join a thing to what it has (的). */
  possessive: ReadonlySet<string>;
  numerals: Numerals;
}

export function compileGrammar({ en, zh }: GrammarData): Grammar {
  return {
    ...wordWeights(en),
    answers: answerWording(en, zh),
    followUp: followUpWords(en, zh),
    split: splitWords(en, zh),
    describes: anyOf([`^\\s*${phrasePattern(en.question.describes)}`], "i"),
    counts: new RegExp(`${wordsPattern(en.question.counts)} ([a-z-]+)`, "i"),
    // What is left out runs to a comma or the question word that opens what is asked.
    excludes: anyOf(
      [
        `${wordsPattern(en.question.excludes)}\\s+(.+?)(?=[,;:?]|\\s+${wordsPattern([...en.comparison.asks, ...en.question.auxiliaries])}|$)`,
        `${chinesePattern(zh.excludes)}(.+?)(?:之外|以外|外|[，,？?]|$)`,
      ],
      "i",
    ),
    superlative: anyOf([wordsPattern(en.question.superlative), chinesePattern(zh.superlative)], "i"),
    quotes: anyOf([...en.question.quotes.map(phrasePattern), chinesePattern(zh.quotes)], "i"),
    wholeYear: anyOf(
      [`${wordsPattern(en.figures.wholeYear)}[\\s-]+(?:year\\s+)?(?:of\\s+)?(?:19|20)\\d\\d`, "全年"],
      "i",
    ),
    partialPeriod: anyOf([chinesePattern(en.figures.partialPeriods)], "i"),
    cites: anyOf(
      [`${wordsPattern(en.question.cites)}[^,;.?!]*`, `${chinesePattern(zh.cites)}[^，,；;。？?！!]*`],
      "gi",
    ),
    mistyped: en.question.mistyped,
    shorthand: new Map(Object.entries(en.shorthand)),
    placing: new Set(en.figures.placing),
    thresholds: new Set(en.figures.thresholds),
    partOfYear: new Set(en.figures.partOfYear),
    tellsOwnStory: anyOf([wordsPattern(en.question.tellsOwnStory)], "i"),
    namedKinds: new Set(en.question.namedKinds),
    cueHeads: new Set(zh.cues.map((c) => c.cue)),
    filler: new Set(zh.filler),
    framing: new Set(zh.framing),
    possessive: new Set(zh.possessive),
    numerals: numerals(zh),
  };
}
