import { ENTITY_KINDS, FIGURE_TYPES } from "./schema.js";
import { z } from "./zod.js";

/**
 * The kinds of answer a question may want, after Li and Roth's question classes: a figure of some
 * type (a name aside), a person, an organisation, a place, an event ("which forum"), a reason, or anything ("any").
 */
export const ANSWER_TYPES = [
  ...FIGURE_TYPES.filter((t): t is Exclude<(typeof FIGURE_TYPES)[number], "name"> => t !== "name"),
  "person",
  "organisation",
  "place",
  "event",
  "reason",
  "any",
] as const;

/** A word or words as a question writes them; a trailing "*" lets the last word go on ("fund*": "funds"). */
const Word = z.string().check(z.trim(), z.minLength(1, "must not be empty"));
const Character = Word.check(z.length(1, "must be one character"));
const Words = z.array(Word).check(z.minLength(1, "needs at least one word"));
/** Slots in a row, each one of several words; "…" between two slots lets anything come between them. */
const Phrase = z.array(z.union([z.literal("…"), Words])).check(z.minLength(1, "needs at least one slot"));
export type Phrase = z.infer<typeof Phrase>;

/** The wording that asks for one kind of answer: words anywhere, words that open a clause, phrases. */
const AnswerWording = z.strictObject({
  type: z.enum(ANSWER_TYPES),
  words: z.optional(Words),
  opening: z.optional(Words),
  phrases: z.optional(z.array(Phrase)),
});

/** Words by which a turn builds on the last: "more", "and …?", "it", "he". Both languages have them. */
const FollowUpWords = z.strictObject({
  more: Words,
  opens: Words,
  refersBack: Words,
  refersToPerson: Words,
  /** Words that refer back to a place or a body ("there", 那里): after a person, where the person is. */
  refersToPlace: Words,
  /**
   * Words that refer back to the things the last question counted as a whole: "they" in "how much
   * revenue did they bring?"; not "of them" or 其中, which ask a part of them.
   */
  refersToCounted: Words,
  /** Words that refer back to the figure the last answer gave: "who released that figure?". */
  refersToFigure: Words,
  /** Words that ask the year before the last turn's ("what about last year?", 去年呢) or after it. */
  yearBefore: Words,
  yearAfter: Words,
  /**
   * Words that point at something the conversation has named, by its kind: "that city", "the
   * company", 这家公司. A pointing word before a kind's noun means the last thing of that kind.
   */
  pointing: z.strictObject({
    determiners: Words,
    kinds: z.partialRecord(z.enum(ENTITY_KINDS), Words),
    /** A word standing for the last thing asked of, after a name of where or what it is ("the xiaoshan one"). */
    substitutes: z.optional(Words),
  }),
  /** How a turn says it starts a new topic ("ok, different question:"): stripped, and nothing is carried over. */
  newTopic: Words,
  /** Words that acknowledge the last answer before a turn ("ok", "thanks", 好的): they may come before an opener or a new topic. */
  acknowledgements: Words,
  /**
   * How a turn asks what a thing it names is ("what is …", "who is …", 是谁): naming a thing of
   * another kind than the last turn was about, it is a question of its own, not the last one asked of it.
   */
  asksWhatItIs: Words,
});

/** knowledge/grammar/en.json: English grammar words, question wording and follow-up openers. */
export const EnglishGrammarFile = z.strictObject({
  /** Tried in order, the first that matches wins: "what percent" is a share before "how many" makes it a count. */
  answerTypes: z.array(AnswerWording),
  /** Ways to reach someone, asked for before any other type. */
  contact: Words,
  question: z.strictObject({
    /** Words that join clauses or ask one inside a sentence ("tell me when"), after which "when" or "who" opens a question. */
    clauseJoins: Words,
    /** "Who is …?": a description of something named is asked for. */
    describes: Phrase,
    /** "What did … say", "who called …": what someone said or thinks, or who said it, is asked for. */
    quotes: z.array(Phrase),
    /** "How many …": what follows is what is counted. */
    counts: Words,
    /** "Per the CCG study", "according to the survey": the rest of the clause names a source, not what is asked. */
    cites: Words,
    /** "Apart from …", "besides …": the things named next are left out of the answer. */
    excludes: Words,
    /** Verbs that end what is left out ("besides Silicon Valley is GAC planning …"): the question goes on. */
    auxiliaries: Words,
    /** Short question words people mistype ("how meny"), corrected apart from the knowledge base's words. */
    mistyped: Words,
    /** "Which city do most returnee founders pick": the thing with the highest value of a property is asked for. */
    superlative: Words,
    /** "My dad keeps on about a fund. How big is it?": words of someone telling their own story, which sets a scene. */
    tellsOwnStory: Words,
    /** Kinds of thing whose names carry the kind's word ("Zhejiang University"): a value without it is not one. */
    namedKinds: Words,
  }),
  followUp: FollowUpWords,
  /** How a question asks two things: "X vs Y", "X or Y", "compare X and Y", "A and B, how many of each". */
  comparison: z.strictObject({
    versus: Words,
    or: Words,
    and: Words,
    compare: Words,
    compareJoins: Words,
    eachAsks: Words,
    of: Words,
    each: Words,
    bothAsks: Words,
    bothVerbs: Words,
    asks: Words,
  }),
  /** Chat spellings and shorthand read as the words they stand for ("wat", "wen", "n", "intl"). */
  shorthand: z.record(Word, Word),
  /** Function words, question words and chat filler: they neither count for nor against a fact. */
  stopwords: Words,
  /** Common verbs and nouns that rarely say what a question is about, in any inflection. */
  light: Words,
  /** The articles: a pronoun never follows one. */
  articles: Words,
  /** Pronouns that are names in capitals ("US", "IT"): after an article ("a us green card") they are the names. */
  namesAfterArticle: Words,
  /** Words that open a noun phrase: a form in -ing after one names a thing ("the housing subsidy"). */
  determiners: Words,
  /** How figures are written in words: month names in order, numbers and ordinals from one, scales by size. */
  figures: z.strictObject({
    months: Words.check(z.length(12, "must name the twelve months")),
    numbers: Words,
    ordinals: Words,
    scales: z.record(Word, z.number().check(z.positive())),
    /** Words that make the small number after them a place or a list's length ("top 3", "No. 1"), not a figure asked. */
    placing: Words,
    /** Words that make the number after them a threshold ("more than 3,000", "over 50"): it ranks, but is not asked. */
    thresholds: Words,
    /** Words that place a time within the year that follows ("the end of 2018", "mid-2017"): the year says it. */
    partOfYear: Words,
    /** Words that ask a year as a whole ("the whole of 2017", "full-year 2017"). */
    wholeYear: Words,
    /** How a qualifier says a figure holds for part of a year ("first half", 上半年): no answer to the whole. */
    partialPeriods: Words,
  }),
});

/** knowledge/grammar/zh.json: Chinese grammar words and follow-up openers. */
export const ChineseGrammarFile = z.strictObject({
  /** The lexicon's question-word groups by head, most specific first, and the kind of answer each asks for. */
  cues: z.array(z.strictObject({ cue: Word, type: z.enum(ANSWER_TYPES) })).check(z.minLength(1)),
  followUp: FollowUpWords,
  comparison: z.strictObject({
    versus: Words,
    or: Words,
    /** Words that ask wherever they stand (多少, 几): a second question holding one asks again. */
    asks: Words,
    /** 和, 与: two things joined; then 各, 分别 ask the rest of each ("诺贝尔奖得主和院士各有多少位"). */
    and: Words,
    each: Words,
  }),
  /** 除了…外: the things named next are left out of the answer. */
  excludes: Words,
  /** 最多, 最高: the thing with the highest value of a property is asked for. */
  superlative: Words,
  /** 说了什么, 怎么看: what someone said or thinks is asked for. */
  quotes: Words,
  /** 根据, 按照: the rest of the clause names a source, not what is asked. */
  cites: Words,
  /** Characters that only frame a sentence: particles, copulas, "this", "that". */
  filler: z.array(Character),
  /** Words of how a question is put (请问, 具体, 到底, 主要): like English stop words, never what it asks about. */
  framing: Words,
  /** Particles that join a thing to what it has (的): the word after one is what the question asks of it. */
  possessive: z.array(Character),
  /** Numerals by value: digits, units within ten thousand (十, 百, 千), and large units (万, 亿). */
  numerals: z.strictObject({
    digits: z.record(Character, z.number()),
    units: z.record(Character, z.number()),
    large: z.record(Character, z.number()),
  }),
  /** Units of measure as a Chinese title writes them, by their English names: "yuan" is 元. */
  measures: z.record(Word, Word),
});

export type EnglishGrammar = z.infer<typeof EnglishGrammarFile>;
export type ChineseGrammar = z.infer<typeof ChineseGrammarFile>;
export interface GrammarData {
  en: EnglishGrammar;
  zh: ChineseGrammar;
}
