import type { ValueType } from "../knowledge/schema.js";
import type { AnswerType } from "../language/answer-type.js";
import type { Query } from "../language/understand.js";
import type { PropertyMatch } from "./claims.js";
import { type Agreement, agreement, type ClaimIndex, type Frame, type IndexedClaim } from "./claims.js";
import type { Ranked } from "./search.js";

/** A property named at least this fully says what kind of value is wanted where the wording does not. */
const NAMED_OUTRIGHT = 0.6;
/** A common word of a question ("bring", "good") weighs this share of one that says what it asks about. */
const LIGHT_QUESTION_WORD = 0.3;

/** The kind of question a value type answers. */
const ASKED_BY: Readonly<Record<ValueType, AnswerType>> = {
  count: "count",
  percent: "percent",
  money: "money",
  date: "date",
  duration: "duration",
  rank: "rank",
  area: "area",
  contact: "contact",
  person: "person",
  organisation: "organisation",
  place: "place",
  name: "any",
  phrase: "any",
};

/**
 * What the question expects: its wording's answer type, unless that leaves it open ("gz hi-tech
 * output") or vague ("how much in loans" is money, not a count) and the question names outright a
 * property whose values are of one type.
 */
function expected(type: AnswerType, properties: readonly PropertyMatch[]): AnswerType {
  const outright = properties.filter((p) => p.share >= NAMED_OUTRIGHT);
  const types = new Set(outright.map((p) => ASKED_BY[p.property.type]));
  const [only] = types;
  if (only === undefined || types.size > 1) return type;
  if (type === "any") return only;
  return type === "count" && (only === "money" || only === "percent") ? only : type;
}

/** A question's frame: what it names, the kind of value it expects, its years and the properties it calls by name. */
export function frameOf(
  query: Query,
  claims: ClaimIndex,
  weight: (term: string) => number,
  carried?: { property: string; insists: boolean },
): Frame {
  const terms = new Set(query.terms.map((t) => t.term));
  const properties = claims.propertiesIn(
    query.terms.map((t) => ({ term: t.term, weight: weight(t.term) * (t.light ? LIGHT_QUESTION_WORD : 1) })),
    query.language,
  );
  return {
    subjects: query.entities,
    expects: expected(query.type, properties),
    years: query.years,
    properties,
    ...(carried === undefined ? {} : { carried: carried.property, insists: carried.insists }),
    terms,
  };
}

/**
 * Every claim of the facts that cover the question, held against its frame: those that agree on
 * subject, value type and time first, then by score. The first, when it agrees, answers.
 */
export function matchClaims(
  frame: Frame,
  passing: readonly Ranked[],
  tier: number,
  claims: ClaimIndex,
): Agreement[] {
  return passing
    .flatMap((r, rank) =>
      claims.ofFact(r.indexed.fact.id).map((c) => agreement(frame, c, rank, tier, claims)),
    )
    .sort((a, b) => Number(b.agrees) - Number(a.agrees) || b.score - a.score);
}

/**
 * When a follow-up asks the last turn's property of a new subject or time ("and Shenzhen?", "what
 * about 2019?") and the answer found is not that property's claim for them: the claims of that
 * property the sources do have, and which slot lacks one. Undefined when the answer holds.
 */
export function unmatched(
  frame: Frame,
  lead: IndexedClaim | undefined,
  claims: ClaimIndex,
): { known: IndexedClaim[]; lacks: "subject" | "time" } | undefined {
  if (frame.carried === undefined || !frame.insists || lead?.property.id === frame.carried) return undefined;
  const all = claims.ofProperty(frame.carried);
  const theirs = all.filter((c) => ["named", "within"].includes(claims.subjectFit(c, frame.subjects)));
  return theirs.length > 0 ? { known: theirs, lacks: "time" } : { known: [...all], lacks: "subject" };
}
