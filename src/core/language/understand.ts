import type { ChineseGrammar, EnglishGrammar } from "../knowledge/grammar-schema.js";
import type { Entity, EntityKind } from "../knowledge/schema.js";
import { withFields } from "../objects.js";
import type { Language } from "../types.js";
import { type AnswerType, answersAs, classify, kindWord, READ_WORDS } from "./answer-type.js";
import { type Query, queryOf } from "./query.js";
import { isCjk, isNumber, normalise, YEAR, YEARS_WRITTEN } from "./text.js";
import type { Vocabulary } from "./vocabulary.js";
import { alternation, anyOf, chinesePattern, wordsPattern } from "./word-patterns.js";

/** The text asked of other years: each year it writes ("the 2017 CEOT") becomes them, or they are added. */
export function withYears(text: string, years: readonly string[]): string {
  const replaced = text.replace(YEARS_WRITTEN, years.join(" "));
  return replaced === text ? `${text} in ${years.join(" ")}` : replaced;
}

/** Kinds of entity a "who is …?" question asks to have described. */
const DESCRIBED: readonly EntityKind[] = ["person", "organisation", "company"];

/** Takes a question apart; the language to answer in is the caller's, never guessed here. */
export function understand(question: string, vocabulary: Vocabulary, language: Language): Query {
  const reading = vocabulary.read(question);
  const sceneParts = sceneOf(question, vocabulary);
  const said = withoutQuotes(question);
  const scene = new Set([
    ...sceneParts.terms,
    ...termsOnlyIn(question, question.match(vocabulary.grammar.cites) ?? [], vocabulary),
    ...termsOnlyIn(question, said.quotes, vocabulary),
  ]);
  const years = reading.terms.filter((t) => YEAR.test(t.term)).map((t) => t.term);
  const { grammar } = vocabulary;
  // "which department", "what scientist": the kind of answer ranks, but the answer need not say it.
  // A kind described ("which news agency") is what the question picks, but its words are asked
  // as they stand ("news agency" names a property), unless it is a person ("which AI expert").
  const found = kindWord(grammar.answers, reading.text);
  const asked = found?.described && found.type !== "person" ? undefined : found;
  const kind = asked === undefined ? undefined : vocabulary.firstTerm(asked.word)?.term;
  // "What does the company Medprin make?": a noun of the kind of a thing named, which its names do
  // not hold (as "the Red Cotton Plan" holds "plan"), says only what its name does.
  const saysNamedKind = (term: string) =>
    reading.entities.some(
      (e) =>
        grammar.followUp.kindNouns.get(e.kind)?.has(term) === true &&
        [e.name, ...e.aliases].every((name) => !name.toLowerCase().includes(term)),
    );
  const terms = reading.terms
    .filter((t) => !YEAR.test(t.term) && !scene.has(t.term))
    .map((t) => (t.term === kind || saysNamedKind(t.term) ? withFields(t, { light: true }) : t));
  // Words quoted say what was said, not what is asked ("who said the city 'needs talents more than ever'").
  const asking = said.quotes.length === 0 ? reading.text : normalise(said.rest);
  const wording = `${asking} ${READ_WORDS} ${terms.map((t) => t.term).join(" ")}`;
  // Reading drops punctuation: a question word opening a clause ("what about Iflytek, when did it
  // open …?") asks only as written.
  const read = classify(grammar.answers, wording, reading.cues);
  const plain =
    read === "any" && CLAUSE_MARK.test(question)
      ? classify(grammar.answers, said.rest.toLowerCase(), reading.cues)
      : read;
  // A noun phrase asked ("Hangzhou's place in the 2020 ranking?") asks what "what is …" would.
  const whole =
    plain === "any" && ASKS.test(question)
      ? classify(grammar.answers, `what ${wording}`, reading.cues)
      : plain;
  // "What was the output …, and what share of output was it?": two questions, the first leads,
  // though only the second says its kind; the second is asked as well (see secondAsk).
  const asks = twoAsks(asking, grammar);
  const worded = asks?.question && asks.first !== asks.second && whole === asks.second ? asks.first : whole;
  // "Which city ranks ahead of Guangzhou?": a position asked beside a thing of the kind asked for
  // wants the other thing placed, not the named one's place.
  const beside =
    worded === "rank" && asked !== undefined && reading.entities.some((e) => answersAs(asked.type, e));
  // "Which AI expert brought Summba to Guangzhou?", worded no other way, wants a person: the value
  // of a claim (its owner). A company or city so described ("which AI company moved") is more often
  // a claim's subject, which the question picks (see picks), so those keep the wording's type.
  const person = worded === "any" && asked?.type === "person";
  const type = beside || person ? (asked?.type ?? worded) : worded;
  // "Who is Hau Lee?" asks for a description of someone named, not for another person.
  const describes =
    (type === "person" || type === "organisation") &&
    grammar.describes.test(question) &&
    terms.every((t) => t.light) &&
    reading.entities.some((e) => DESCRIBED.includes(e.kind));
  const left = grammar.excludes.exec(question);
  const excluded = left === null ? [] : vocabulary.read(left[1] ?? left[2] ?? "").entities;
  // "Which city drew more, gz or hz?" picks among the things it names, each answering of itself;
  // "apart from Beijing and Shanghai, which cities" among the others.
  const among = reading.entities.filter((e) => answersAs(found?.type ?? "any", e) && !excluded.includes(e));
  const picks = found?.names && among.length < 2;
  // "How many West Lake Friendship Award winners": a word of a name says whose, not what is counted.
  const countedWord = grammar.counts.exec(question)?.[1]?.toLowerCase();
  const ofName = (word: string) =>
    reading.entities.some((e) =>
      [e.name, ...e.aliases].some((n) => n.toLowerCase().split(" ").includes(word)),
    );
  const counted =
    countedWord === undefined || ofName(countedWord) ? undefined : vocabulary.firstTerm(countedWord);
  // "What's Wang Debao's position?": a person named alone holds a post, not a place on a list.
  const post =
    type === "rank" && reading.entities.length > 0 && reading.entities.every((e) => e.kind === "person");
  const queryType = describes || post ? "any" : type;
  const entities = reading.entities.filter((e) => !excluded.includes(e) && !sceneParts.entities.has(e));
  return queryOf({
    language,
    entities,
    terms,
    type: queryType,
    // "X opened in 2019; when did Y?": a year the scene gives is what it tells, not when the answer holds.
    years: queryType === "date" ? years.filter((y) => !sceneParts.years.has(y)) : years,
    eitherYear: years.length > 1 && grammar.split.yearsOr.test(question) ? true : undefined,
    context: [...scene],
    counted: counted === undefined || counted.light ? undefined : counted.term,
    superlative: asksHighest(reading.normalised, vocabulary, entities) ? true : undefined,
    quotes: grammar.quotes.test(question) ? true : undefined,
    wholeYear: years.length > 0 && grammar.wholeYear.test(question) ? true : undefined,
    kind,
    picks: picks ? found.type : undefined,
    also: secondAsk(asks, queryType),
    excluded: excluded.length > 0 ? excluded : undefined,
  });
}

/**
 * The other kind of answer a question asks when it joins two asks of different kinds ("how many
 * firms got loan deals and for how much": a count and a sum; "when and where was it held").
 */
function secondAsk(asks: TwoAsks | undefined, first: AnswerType): AnswerType | undefined {
  if (asks === undefined) return undefined;
  const other = [asks.first, asks.second].find((t) => t !== first);
  const typed = asks.first !== "any" || (asks.question && first === "any");
  return other !== "any" && typed && asks.second !== "any" ? other : undefined;
}

/** The kinds of answer of a question's two asks, and whether the first is a question of its own. */
interface TwoAsks {
  first: AnswerType;
  second: AnswerType;
  question: boolean;
}

/**
 * A question that joins two asks ("… and how much …"): the kind of answer of each, and whether the
 * first opens with a question word and asks more than what a thing is ("what was the output of …",
 * not "what's the Red Cotton Plan" nor "gz laureates and academicians, how many of each").
 */
function twoAsks(text: string, grammar: Vocabulary["grammar"]): TwoAsks | undefined {
  const asks = grammar.split.secondAsk.exec(text);
  if (asks === null) return undefined;
  const [first = "", second = ""] = [asks[1], asks[2]];
  const question = grammar.split.opensAsk.test(first) && !grammar.followUp.asksWhatItIs.test(first);
  return {
    first: classify(grammar.answers, first, []),
    second: classify(grammar.answers, second, []),
    question,
  };
}

/**
 * Whether a question asks for the thing with the highest value, by a superlative word outside the
 * names it gives: "most" in the Most Attractive Chinese Cities for Foreigners poll asks nothing.
 */
function asksHighest(normalised: string, vocabulary: Vocabulary, entities: readonly Entity[]): boolean {
  const { superlative } = vocabulary.grammar;
  if (!superlative.test(normalised)) return false;
  const names = vocabulary.namesPattern(entities);
  return names === undefined || superlative.test(normalised.replace(names, " "));
}

/**
 * Where one sentence of a question ends and the next begins; a clause set off by a semicolon or a
 * dash counts as one ("I'm a postdoc in Germany — how many …?").
 */
const SENTENCE_END = /(?<=[.!?。！？;；—–])\s*(?=\S)/u;
/** A question mark inside a question: what comes before it is one question, and what follows another. */
const TWO_QUESTIONS = /^([^?？]+)[?？]+\s*([^?？]+)$/u;
/** Punctuation that may open a clause of its own. */
const CLAUSE_MARK = /[,;:]/;
/**
 * Words in quotation marks. A straight single quote opens only after a space, a mark or a Chinese
 * character and closes only before one, so that "Hangzhou's" holds none.
 */
const QUOTED =
  /“[^“”]+”|「[^「」]+」|『[^『』]+』|‘[^‘’]+’|"[^"]+"|(?<=^|[\s(:,，：]|\p{Script=Han})'[^']+'(?=$|[\s).,;:?!，。？！：]|\p{Script=Han})/gu;
/** A quote of something said: four words or more, or eight Chinese characters ("the '1+something' deal" asks a name). */
const SAID = /(?:\S+\s+){3}\S|\p{Script=Han}{8}/u;

/** The question with what it quotes as said taken out, and what it so quotes. */
function withoutQuotes(question: string): { rest: string; quotes: string[] } {
  const quotes = (question.match(QUOTED) ?? []).filter((q) => SAID.test(q));
  return { rest: quotes.reduce((rest, q) => rest.replace(q, " "), question), quotes };
}
/** A sentence that asks: it ends in a question mark. */
const ASKS = /[?？]\s*$/u;

const NO_SCENE = { terms: new Set<string>(), entities: new Set<Entity>(), years: new Set<string>() };

/**
 * The words only a question's scene sets ("My dad keeps going on about a Guangzhou fund. How big is
 * it?"): the sentences beside those that ask (that end in a question mark, or without one, that are
 * worded as asking something). They rank, as context, but the question is not required to be about
 * them. The years and figures the scene gives still count, and so do its names, unless they come after an asking
 * that names its own: an afterthought ("what company did Shi Zhongmin move to gz? heard it was
 * founded in america") says nothing of what is asked.
 */
function sceneOf(
  question: string,
  vocabulary: Vocabulary,
): { terms: ReadonlySet<string>; entities: ReadonlySet<Entity>; years: ReadonlySet<string> } {
  const parts = question.split(SENTENCE_END);
  // One sentence is all asking: no scene, and no second reading of the question.
  if (parts.length < 2) return NO_SCENE;
  const sentences = parts.map((text) => ({ text, reading: vocabulary.read(text) }));
  const marked = sentences.filter((s) => ASKS.test(s.text));
  const asks =
    marked.length > 0
      ? marked
      : sentences.filter(
          (s) => classify(vocabulary.grammar.answers, s.reading.text, s.reading.cues) !== "any",
        );
  if (asks.length === 0 || asks.length === sentences.length) return NO_SCENE;
  const asked = new Set(asks.flatMap((s) => s.reading.terms.map((t) => t.term)));
  const named = new Set(asks.flatMap((s) => s.reading.entities));
  // An asking that says nothing of its own asks of what the rest says, which is then no scene: of
  // what it describes ("the researcher who left for the US in 1985 … — what's his name?"), or of
  // the topic it puts first ("gz housing subsidy for returnee phds — how much per person?"). A
  // story of the asker's own sets a scene still ("my dad keeps on about a Guangzhou fund. How big is it?").
  const { answers, tellsOwnStory } = vocabulary.grammar;
  const asksWho = (s: (typeof sentences)[number]) =>
    ["person", "organisation"].includes(classify(answers, s.reading.text, s.reading.cues));
  const scene = sentences.filter((s) => !asks.includes(s));
  const firstAsk = sentences.findIndex((s) => asks.includes(s));
  const kindsAsked = new Set([...named].map((e) => e.kind));
  if (
    named.size === 0 &&
    asks.every((s) => s.reading.terms.every((t) => t.light)) &&
    (asks.every(asksWho) || !scene.some((s) => tellsOwnStory.test(s.text)))
  )
    return NO_SCENE;
  const sceneTerms = scene
    .flatMap((s) => s.reading.terms.map((t) => t.term))
    .filter((term) => !asked.has(term));
  return {
    terms: new Set(sceneTerms.filter((term) => !YEAR.test(term) && !isNumber(term))),
    years: new Set(sceneTerms.filter((term) => YEAR.test(term))),
    entities: new Set(
      named.size === 0
        ? []
        : sentences
            // Before the asking, only names of a kind it names itself are set aside: "the bureau set
            // up the club in 2019; when was the alliance founded?" (not "bj vs sh — what % went to each?").
            .flatMap((s, i) =>
              asks.includes(s)
                ? []
                : s.reading.entities.filter((e) => i > firstAsk || kindsAsked.has(e.kind)),
            )
            .filter((e) => !named.has(e)),
    ),
  };
}

/**
 * The words only some parts of a question say: the clauses that name a source ("per the CCG study",
 * "according to the Shanghai survey", 根据…报告) say where a figure comes from, and words quoted say
 * what was said, not what is asked. They only rank, as a scene does; the names and years they give
 * still count.
 */
function termsOnlyIn(question: string, parts: readonly string[], vocabulary: Vocabulary): string[] {
  if (parts.length === 0) return [];
  const rest = parts.reduce((text, part) => text.replace(part, " "), question);
  const asked = new Set(vocabulary.read(rest).terms.map((t) => t.term));
  // A question that is all quote asks of what it quotes: "who said 'talent is the first resource'?"
  if (asked.size === 0) return [];
  return parts
    .flatMap((text) => vocabulary.read(text).terms.map((t) => t.term))
    .filter((term) => !asked.has(term) && !YEAR.test(term));
}

/**
 * Whether a question asks nothing narrower than the things it names ("Hangzhou", "tell me about the
 * CEOT"). A Chinese word the sources never use (the light Chinese terms) is what it asks: 广州天气,
 * and so is a figure held against ("did over 100,000 attend the CEOT?").
 */
export function asksOverview(query: Query): boolean {
  return (
    query.entities.length > 0 &&
    query.context.length === 0 &&
    query.picks === undefined &&
    query.quotes === undefined &&
    query.type === "any" &&
    query.years.length === 0 &&
    query.terms.every((t) => t.light && !isCjk(t.term) && !isNumber(t.term))
  );
}

/** A question that asks two things, cut at its connective; a shared lead goes with both parts. */
export interface Split {
  lead: string;
  segments: [string, string];
  /** Two questions, each opening with a question word: each asks in its own words, whatever it names. */
  apart?: true;
}

/** The grammar's ways of asking two things, as expressions built once at load. */
export interface SplitWords {
  /** "X vs Y", "X 对比 Y". */
  versus: RegExp;
  /** "X or Y", "X 还是 Y". */
  or: RegExp;
  /** Two years joined by "or" ("in 2017 or 2018", 2017年还是2018年): either may hold. */
  yearsOr: RegExp;
  /** "A and B, how many of each"; 甲和乙各有多少. */
  each: RegExp;
  zhEach: RegExp;
  /** "how many came and how many projects". */
  twoAsks: RegExp;
  /** "compare X and Y". */
  compare: RegExp;
  /** What every way of asking two things but "X vs Y" and "X or Y" needs: "compare", "and" or a colon or comma. */
  joins: RegExp;
  /** "how many incubators and makerspaces does gz have": one ask of two things. */
  twoThings: RegExp;
  /** "how many firms got loans and for how much", "when and where": two asks of one thing, a word allowed before the second. */
  secondAsk: RegExp;
  /** A part of a question that opens with a question word: "what was the output …". */
  opensAsk: RegExp;
  /** A second question that opens with a question word or a person it refers back to (he, 他). */
  asksAgain: RegExp;
}

export function splitWords(en: EnglishGrammar, zh: ChineseGrammar): SplitWords {
  const c = en.comparison;
  const joined = (words: readonly string[]) => alternation(words, "");
  const and = joined(c.and);
  // A thing asked of, not a second ask ("how many incubators and where does gz rank").
  const thing = `((?!${wordsPattern(c.asks)})[\\w-]+(?:\\s+[\\w-]+)?)`;
  const or = anyOf([`\\s+${joined(c.or)}\\s+`, `\\s*${joined(zh.comparison.or)}\\s*`]);
  return {
    versus: anyOf([`\\s+${joined(c.versus)}\\s+`, `\\s*${joined(zh.comparison.versus)}\\s*`]),
    or,
    yearsOr: new RegExp(`\\b\\d{4}年?(?:${or.source})\\d{4}\\b`, "i"),
    each: new RegExp(
      `^(.+?)\\s+${and}\\s+(.+?)[,，]?\\s+(${alternation(c.eachAsks, "")})\\s+(?:${joined(c.of)}\\s+)?${wordsPattern(c.each)}.*$`,
      "i",
    ),
    zhEach: new RegExp(
      `^(.+?)${chinesePattern(zh.comparison.and)}(.+?)${chinesePattern(zh.comparison.each)}(.+)$`,
      "u",
    ),
    twoAsks: new RegExp(`^(.+?)\\s+${and}\\s+(${wordsPattern(c.asks)}.+)$`, "i"),
    secondAsk: new RegExp(`^(.+?)\\s+${and}\\s+((?:[\\w-]+\\s+)?${wordsPattern(c.asks)}.*)$`, "i"),
    opensAsk: new RegExp(`^\\s*${wordsPattern(c.asks)}`, "i"),
    asksAgain: anyOf(
      [
        `^\\s*${wordsPattern(c.asks)}`,
        `^\\s*${wordsPattern(en.followUp.refersToPerson)}`,
        `^\\s*${chinesePattern(zh.followUp.refersToPerson)}`,
        chinesePattern(zh.comparison.asks),
      ],
      "i",
    ),
    compare: new RegExp(`^${joined(c.compare)}\\s+(.+?)\\s+${joined(c.compareJoins)}\\s+(.+)$`, "i"),
    joins: new RegExp(`^${joined(c.compare)}\\s|\\s${and}\\s|[:：,，]`, "i"),
    twoThings: new RegExp(
      `^(${alternation(c.bothAsks, "")})\\s+${thing}\\s+${and}\\s+${thing}\\s+(${wordsPattern(c.bothVerbs)}.*)$`,
      "i",
    ),
  };
}

function cut(text: string, words: SplitWords): [string, string] | undefined {
  for (const connective of [words.versus, words.or]) {
    const parts = text.split(connective).map((p) => p.trim());
    if (parts.length === 2 && parts.every((p) => p !== "")) return parts as [string, string];
  }
  return undefined;
}

/**
 * The two parts of a question that asks two things: "X vs Y", "X or Y", "A and B, how many of
 * each", "how many came and how many projects". A lead before a colon or comma ("hz 2020: A vs B")
 * belongs to both. Undefined for a question in one part.
 */
export function splitQuestion(question: string, words: SplitWords): Split | undefined {
  const text = question.trim().replace(/[?？。!！]+$/u, "");
  // Two questions, each with its question mark, the second asking by a question word or of someone
  // the first named: "Who is Hangzhou's mayor? Where did he speak?", 杭州市长是谁？他在哪个会上…
  const two = TWO_QUESTIONS.exec(text);
  if (two !== null && words.asksAgain.test(two[2] as string))
    return { lead: "", segments: [two[1] as string, two[2] as string], apart: true };
  if (![words.joins, words.versus, words.or, words.zhEach].some((w) => w.test(text))) return undefined;
  const compare = words.compare.exec(text);
  if (compare !== null) return { lead: "", segments: [compare[1] as string, compare[2] as string] };
  const each = words.each.exec(text) ?? words.zhEach.exec(text);
  if (each !== null) return { lead: each[3] as string, segments: [each[1] as string, each[2] as string] };
  const lead = /^(.*?)[:：,，]\s*(.+)$/u.exec(text);
  const tail = lead === null ? undefined : cut(lead[2] as string, words);
  if (lead !== null && tail !== undefined) return { lead: lead[1] as string, segments: tail };
  const things = words.twoThings.exec(text);
  if (things !== null) {
    const [, ask = "", first = "", second = "", rest = ""] = things;
    return { lead: rest, segments: [`${ask} ${first}`, `${ask} ${second}`] };
  }
  const asks = words.twoAsks.exec(text);
  if (asks !== null) {
    const segments: [string, string] = [asks[1] as string, asks[2] as string];
    return words.opensAsk.test(segments[0]) ? { lead: "", segments, apart: true } : { lead: "", segments };
  }
  const whole = cut(text, words);
  return whole === undefined ? undefined : { lead: "", segments: whole };
}
