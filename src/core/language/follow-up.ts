import type { ChineseGrammar, EnglishGrammar } from "../knowledge/grammar-schema.js";
import type { KnowledgeBase } from "../knowledge/loader.js";
import type { Entity } from "../knowledge/schema.js";
import type { Answer, ConversationContext } from "../types.js";
import type { Query } from "./understand.js";
import { alternation, anyOf, chinesePattern, wordsPattern } from "./word-patterns.js";

/** The grammar's follow-up words, as expressions built once at load. */
export interface FollowUpWords {
  /** Words that ask to go on with the last answer: "more", "go on", "更多". */
  more: RegExp;
  /** Words that refer back to what was last asked about: "it", "there", "这个". */
  refersBack: RegExp;
  /** Words that refer back to a person: the person the last answer named, when it named one. */
  refersToPerson: RegExp;
  /** How a follow-up that names something new begins: "and Shenzhen?", "what about the 115 Plan?". */
  opens: RegExp;
  /** How a turn that starts a new topic begins, with any "ok," before it and the punctuation after it. */
  newTopic: RegExp;
}

export function followUpWords(en: EnglishGrammar, zh: ChineseGrammar): FollowUpWords {
  const refers = (pick: (words: EnglishGrammar["followUp"]) => readonly string[]) =>
    anyOf([wordsPattern(pick(en.followUp)), chinesePattern(pick(zh.followUp))]);
  return {
    more: anyOf([`^${alternation([...en.followUp.more, ...zh.followUp.more], "")}$`]),
    refersBack: refers((words) => words.refersBack),
    refersToPerson: refers((words) => words.refersToPerson),
    opens: anyOf([`^\\s*${alternation(en.followUp.opens)}`, `^${chinesePattern(zh.followUp.opens)}`]),
    newTopic: anyOf([
      `^\\s*(?:(?:ok(?:ay)?|so|right|alright|now)\\b[\\s,.!]*)*${alternation(en.followUp.newTopic)}[\\s,.:;!?\\-–—]*`,
      `^\\s*(?:好的?|那么?|嗯)?[，,\\s]*${chinesePattern(zh.followUp.newTopic)}[\\s，,：:。！!？?]*`,
    ]),
  };
}
/** A turn without its new-topic opener ("ok different question: when …" → "when …"), or undefined when it has none. */
export function withoutNewTopic(question: string, words: FollowUpWords): string | undefined {
  const opener = words.newTopic.exec(question);
  if (opener === null) return undefined;
  const rest = question.slice(opener[0].length).trim();
  return rest === "" ? undefined : rest;
}

/** A question of at most this many words (or twice as many Chinese characters) naming nothing is read as a follow-up. */
const SHORT_FOLLOW_UP = 4;

/**
 * Reads a follow-up in the light of the conversation: "and Shenzhen?" keeps the question and swaps
 * the place; "when was it issued?" keeps what it was about; "in 2020?" keeps both.
 */
export function followUp(
  question: string,
  asked: Query,
  context: ConversationContext,
  kb: KnowledgeBase,
  words: FollowUpWords,
): { query: Query; carried: boolean; sameAsk?: boolean } {
  const before = context.entities.flatMap((id) => kb.entities.get(id) ?? []);
  const required = asked.terms.filter((t) => !t.light);
  if (before.length === 0) return { query: asked, carried: false };
  const short =
    question.trim().split(/\s+/).length <= SHORT_FOLLOW_UP || question.length <= SHORT_FOLLOW_UP * 2;
  // Names or a year but nothing new to ask: the last question, about them ("and Shenzhen?", "in 2020?").
  const namesOnly = required.length === 0 && (asked.entities.length > 0 || asked.years.length > 0);
  if (namesOnly && (words.opens.test(question) || short)) {
    // A name of another kind ("nobel laureates?" after a city's count) asks something else of the
    // same subject; a name of the same kind swaps it.
    const sameAsk = asked.entities.every((n) => before.some((e) => e.kind === n.kind));
    const kept = sameAsk ? before : subjectOf(context, before);
    const swapped = kept.filter((e) => !asked.entities.some((n) => n.kind === e.kind));
    return {
      query: {
        ...asked,
        entities: [...swapped, ...asked.entities],
        terms: context.terms.map((term) => ({ term, light: false })),
        type: asked.type === "any" ? (context.asks as Query["type"]) : asked.type,
      },
      carried: true,
      sameAsk,
    };
  }
  // A question that names nothing keeps the last subject: "who runs it?", "when was the first one
  // held?"; "he" or "she", the person the last answer named ("who is the mayor?", "what did he say?").
  if (asked.entities.length === 0) {
    const people = before.filter((e) => e.kind === "person");
    const meant =
      words.refersToPerson.test(question) && people.length > 0
        ? people
        : before.filter((e) => e.kind !== "person" || people.length === before.length);
    // A short turn naming only a property ("academicians?" after a count) asks it of the last
    // answer's subject, not of everything the last question named.
    const elliptical = asked.type === "any" && short && required.length > 0;
    return { query: { ...asked, entities: elliptical ? subjectOf(context, meant) : meant }, carried: true };
  }
  return { query: asked, carried: false };
}

/** The subject the last answer led with, when it is among `among`; else all of `among`. */
function subjectOf(context: ConversationContext, among: Entity[]): Entity[] {
  const subject = among.filter((e) => e.id === context.subject);
  return subject.length > 0 ? subject : among;
}

/** What the next turn may build on. */
export function contextOf(
  query: Query,
  answer: Answer,
  question: string,
  property?: string,
  /** The entity the answer named as its value (the founder, the mayor), which "he" or "it" may mean next. */
  answered?: Entity,
): ConversationContext {
  const entities = query.entities.map((e) => e.id);
  return {
    ...(property === undefined ? {} : { property }),
    entities:
      answered === undefined || entities.includes(answered.id) ? entities : [...entities, answered.id],
    asks: query.type,
    terms: query.terms.filter((t) => !t.light).map((t) => t.term),
    language: answer.language,
    shown: answer.facts.map((f) => f.id),
    question,
  };
}
