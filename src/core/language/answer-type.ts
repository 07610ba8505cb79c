import type { ANSWER_TYPES, ChineseGrammar, EnglishGrammar } from "../knowledge/grammar-schema.js";
import type { Entity, EntityKind, Fact, FigureType } from "../knowledge/schema.js";
import { alternation, anyOf, phrasePattern, wordsPattern } from "./word-patterns.js";

/** Sets the words read from a question apart from its text, where both are classified together. */
export const READ_WORDS = "\u2016";

/** The kind of answer a question wants: a figure of some type, a person, an organisation, a place, a reason, or "any". */
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** The grammar's wording for each kind of answer, as expressions built once at load. */
export interface AnswerWording {
  contact: RegExp;
  /** Tried in order: the first that matches wins. English on normalised text. */
  types: readonly [AnswerType, RegExp][];
  /** Chinese question words by the head the lexicon gives them, the most specific first. */
  cues: readonly { cue: string; type: AnswerType }[];
  /**
   * The word that says what kind of thing a "which …" question wants ("which department", "what
   * scientist", "who hosted", "which city"), in some group, by the type of answer it asks for: it
   * names the answer's kind, not what it is about.
   */
  kindWords: readonly KindWording[];
  /** Matches where any of kindWords does: most questions have no kind word, and are told so by one test. */
  anyKindWord: RegExp;
  /** "Which four districts": a number between the question word and the kind, which it only counts. */
  counting: RegExp;
}

/** One way of asking for a kind of answer with a word of that kind: "which" then "company", "who" then "hosted". */
interface KindWording {
  type: AnswerType;
  /** With the kind word in some group. */
  pattern: RegExp;
  /** Whether the word names the thing asked for ("which company"), not what it did ("who hosted"). */
  names: boolean;
  /** Whether words describe the thing between "which" and the word ("which news agency"). */
  described: boolean;
}

/**
 * The grammar's phrases of a question word then a word of the kind of answer ("which" then
 * "company", "who" then "hosted"), by the type they ask for, each as one expression with that
 * word in some group.
 */
function kindWordPatterns(en: EnglishGrammar): KindWording[] {
  return en.answerTypes.flatMap(({ type, phrases = [] }) =>
    phrases.flatMap(([ask, kind, ...rest]): KindWording[] => {
      if (!Array.isArray(ask) || !Array.isArray(kind) || rest.length > 0) return [];
      const names = ask.includes("which");
      const direct = {
        type,
        pattern: new RegExp(`\\b${alternation(ask)}\\s+(${alternation(kind)})`, "i"),
        names,
      };
      // "which AI expert", "which three cities": up to two words may describe the thing asked for after "which".
      const described = new RegExp(`\\bwhich\\s+(?:[\\w-]+\\s+){1,2}?(${alternation(kind)})`, "i");
      return [
        { ...direct, described: false },
        ...(names ? [{ type, pattern: described, names, described: true }] : []),
      ];
    }),
  );
}

/** The word of the kind of answer a question asks for, first in its text ("which department"), and the type it asks. */
export function kindWord(
  wording: AnswerWording,
  normalised: string,
): ({ word: string } & Omit<KindWording, "pattern">) | undefined {
  if (!wording.anyKindWord.test(normalised)) return undefined;
  let first: ({ word: string; at: number } & Omit<KindWording, "pattern">) | undefined;
  for (const { pattern, ...asks } of wording.kindWords) {
    const found = pattern.exec(normalised);
    const word = found?.[1];
    if (found !== null && word !== undefined && (first === undefined || found.index < first.at))
      first = { word, at: found.index, ...asks };
  }
  if (first === undefined) return undefined;
  const { at: _at, ...found } = first;
  return found;
}

export function answerWording(en: EnglishGrammar, zh: ChineseGrammar): AnswerWording {
  // "when" and "who" ask where they open a question or a clause, not in "people who studied"…
  const opens = `(?:^|[,;:]\\s*|${wordsPattern(en.question.clauseJoins)}\\s+)`;
  const kindWords = kindWordPatterns(en);
  return {
    contact: anyOf([wordsPattern(en.contact)], ""),
    types: en.answerTypes.map(({ type, words = [], opening = [], phrases = [] }) => [
      type,
      anyOf(
        [
          ...(words.length > 0 ? [wordsPattern(words)] : []),
          // …or close it ("iflytek set up its office when?"), before any words read from it.
          ...(opening.length > 0
            ? [opens + alternation(opening), `\\b${alternation(opening)}(?:$| ${READ_WORDS})`]
            : []),
          ...phrases.map(phrasePattern),
        ],
        "",
      ),
    ]),
    cues: zh.cues,
    counting: new RegExp(`\\b(which|what)\\s+(?:\\d+|${alternation(en.figures.numbers)})\\s+`, "g"),
    kindWords,
    anyKindWord: anyOf(
      kindWords.map(({ pattern }) => pattern.source),
      "i",
    ),
  };
}

/** What kind of answer a question wants, from its English wording (normalised) or its Chinese cues. */
export function classify(wording: AnswerWording, normalised: string, cues: readonly string[]): AnswerType {
  if (wording.contact.test(normalised)) return "contact";
  const cue = wording.cues.find((c) => cues.includes(c.cue));
  // 多大 of a fund (基金规模有多大) asks its sum, as "how big is the fund" does.
  if (cue !== undefined)
    return cue.type === "area" &&
      wording.types.some(([type, pattern]) => type === "money" && pattern.test(`${cue.cue} ${normalised}`))
      ? "money"
      : cue.type;
  // "Which four districts" asks as "which districts" does.
  const asked = normalised.replace(wording.counting, "$1 ");
  return wording.types.find(([, pattern]) => pattern.test(asked))?.[0] ?? "any";
}

/**
 * Which figure types answer each kind of question: first the types that answer it outright, then
 * those that may stand in when no fact of the first kind does ("how many" answered by a share, or
 * "how many times" by "for the 11th time").
 */
const FIGURES_WANTED: Readonly<Partial<Record<AnswerType, readonly (readonly FigureType[])[]>>> = {
  count: [["count"], ["percent"], ["rank"]],
  percent: [["percent"]],
  money: [["money"]],
  date: [["date"]],
  duration: [["duration"], ["date"], ["count"], ["rank"]],
  rank: [["rank"]],
  area: [["area"]],
  measure: [["measure"]],
  contact: [["contact"]],
};

/**
 * Which entity kinds, named by a fact beyond those asked about, answer "who", "which company" and
 * "where", tier by tier: "who set it up?" may be answered by a bureau when no person is named.
 */
const ENTITIES_WANTED: Readonly<Partial<Record<AnswerType, readonly (readonly EntityKind[])[]>>> = {
  person: [["person", "organisation", "company"]],
  organisation: [["organisation", "company"]],
  place: [["city", "place"]],
  event: [["event"]],
};

/**
 * Whether a fact can answer a question of this type at this tier: it states a figure of a wanted
 * type, or names a person, organisation or place beyond those asked about. "reason" and "any"
 * take every fact.
 */
export function fits(
  type: AnswerType,
  tier: number,
  fact: Fact,
  named: (id: string) => Entity | undefined,
  asked: readonly Entity[],
): boolean {
  const figures = FIGURES_WANTED[type];
  if (figures !== undefined) return fact.figures.some((f) => (figures[tier] ?? []).includes(f.type));
  const tiered = ENTITIES_WANTED[type];
  if (tiered === undefined) return true;
  const kinds = tiered[tier] ?? [];
  const other = fact.entities.some(
    (id) => !asked.some((e) => e.id === id) && kinds.includes(named(id)?.kind ?? "city"),
  );
  return other || (type === "place" && fact.figures.some((f) => f.type === "contact"));
}

/** Whether an entity is of a kind that answers "who", "which company" or "where" ("which city": a city). */
export function answersAs(type: AnswerType, entity: Entity): boolean {
  return ENTITIES_WANTED[type]?.some((kinds) => kinds.includes(entity.kind)) ?? false;
}

/** The figure of a fact that answers this type, for a title: "67,000", "21-22 December 2018". */
export function answeringFigure(
  type: AnswerType,
  fact: Fact,
  about: readonly string[] = [],
): string | undefined {
  // In a fact about several things ("Beijing 24.3 percent, Shanghai 8.1 percent"), the figure
  // that follows the name asked about is its own; otherwise the first, or the fullest date
  // ("21-22 December 2018", not "2018").
  const at = Math.min(...about.map((name) => fact.text.indexOf(name)).filter((i) => i >= 0));
  const pick = (list: Fact["figures"]) =>
    Number.isFinite(at)
      ? (list.find((f) => fact.text.indexOf(f.text, at) >= 0) ?? list[0])
      : list.every((f) => f.type === "date")
        ? [...list].sort((a, b) => b.text.length - a.text.length)[0]
        : list[0];
  for (const wanted of FIGURES_WANTED[type] ?? HEADLINE_FIGURES.map((t) => [t])) {
    const figure = pick(fact.figures.filter((f) => wanted.includes(f.type)));
    if (figure !== undefined) return figure.text;
  }
  return fact.figures[0]?.text;
}

/** The figures a title may show for a question that asks for no kind in particular, a card's above all. */
const HEADLINE_FIGURES: readonly FigureType[] = ["count", "percent", "money", "date", "area", "duration"];
