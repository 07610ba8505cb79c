import type { Entity, EntityKind } from "../knowledge/schema.js";
import type { Language } from "../types.js";
import { type AnswerType, classify } from "./answer-type.js";
import type { Term, Vocabulary } from "./vocabulary.js";

/** A question taken apart: what it names, what it asks about, what kind of answer it wants. */
export interface Query {
  language: Language;
  entities: Entity[];
  /** What it asks about, entities and years aside. */
  terms: Term[];
  type: AnswerType;
  /** Years it asks about: a fact must hold for or name each one. */
  years: string[];
  /** Words that rank without being required: a comparison's shared part, a follow-up's earlier question. */
  context: string[];
  /** What "how many" counts ("how many returnees"): a count of something else does not answer it. */
  counted?: string;
}

const YEAR = /^(19[5-9]\d|20[0-4]\d)$/;
/** Kinds of entity a "who is …?" question asks to have described. */
const DESCRIBED: readonly EntityKind[] = ["person", "organisation", "company"];

/** Takes a question apart; the language to answer in is the caller's, never guessed here. */
export function understand(question: string, vocabulary: Vocabulary, language: Language): Query {
  const reading = vocabulary.read(question);
  const years = reading.terms.filter((t) => YEAR.test(t.term)).map((t) => t.term);
  const terms = reading.terms.filter((t) => !YEAR.test(t.term));
  const type = classify(`${reading.text} ${terms.map((t) => t.term).join(" ")}`, reading.cues);
  // "Who is Hau Lee?" asks for a description of someone named, not for another person.
  const describes =
    (type === "person" || type === "organisation") &&
    /^\s*(who|what)\s+(is|was|are|were)\b/i.test(question) &&
    terms.every((t) => t.light) &&
    reading.entities.some((e) => DESCRIBED.includes(e.kind));
  const countedWord = /\bhow many ([a-z-]+)/i.exec(question)?.[1];
  const counted = countedWord === undefined ? undefined : vocabulary.read(countedWord).terms[0];
  return {
    language,
    entities: reading.entities,
    terms,
    type: describes ? "any" : type,
    years,
    context: [],
    ...(counted === undefined || counted.light ? {} : { counted: counted.term }),
  };
}

/** Whether a question asks nothing narrower than the things it names ("Hangzhou", "tell me about the CEOT"). */
export function asksOverview(query: Query): boolean {
  return (
    query.entities.length > 0 &&
    query.type === "any" &&
    query.years.length === 0 &&
    query.terms.every((t) => t.light)
  );
}

/** A question that asks two things, cut at its connective; a shared lead goes with both parts. */
export interface Split {
  lead: string;
  segments: [string, string];
}

const VERSUS = /\s+(?:vs\.?|versus|v\.|compared (?:to|with))\s+|\s*(?:对比|相比|比起)\s*/iu;
const OR = /\s+or\s+|\s*(?:还是|或者|或)\s*/iu;
const EACH =
  /^(.+?)\s+and\s+(.+?)[,，]?\s+(how many|what share|what percent(?:age)?)\s+(?:of\s+)?(?:each|both|them)\b.*$/i;
const TWO_ASKS = /^(.+?)\s+(?:and|&)\s+((?:how|what|when|who|where|which)\b.+)$/i;
const COMPARE = /^compare\s+(.+?)\s+(?:and|with|to|vs\.?)\s+(.+)$/i;
/** "how many incubators and makerspaces does gz have": one ask of two things. */
const TWO_THINGS =
  /^(how many|what share of|what percent(?:age)? of)\s+([\w-]+(?:\s+[\w-]+)?)\s+(?:and|&)\s+([\w-]+(?:\s+[\w-]+)?)\s+((?:does|do|did|are|is|were|was|has|have|in|at)\b.*)$/i;

function cut(text: string): [string, string] | undefined {
  for (const connective of [VERSUS, OR]) {
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
export function splitQuestion(question: string): Split | undefined {
  const text = question.trim().replace(/[?？。!！]+$/u, "");
  const compare = COMPARE.exec(text);
  if (compare !== null) return { lead: "", segments: [compare[1] as string, compare[2] as string] };
  const each = EACH.exec(text);
  if (each !== null) return { lead: each[3] as string, segments: [each[1] as string, each[2] as string] };
  const lead = /^(.*?)[:：,，]\s*(.+)$/u.exec(text);
  const tail = lead === null ? undefined : cut(lead[2] as string);
  if (lead !== null && tail !== undefined) return { lead: lead[1] as string, segments: tail };
  const things = TWO_THINGS.exec(text);
  if (things !== null) {
    const [, ask = "", first = "", second = "", rest = ""] = things;
    return { lead: rest, segments: [`${ask} ${first}`, `${ask} ${second}`] };
  }
  const asks = TWO_ASKS.exec(text);
  if (asks !== null) return { lead: "", segments: [asks[1] as string, asks[2] as string] };
  const whole = cut(text);
  return whole === undefined ? undefined : { lead: "", segments: whole };
}
