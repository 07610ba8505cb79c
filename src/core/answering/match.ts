import { FIGURE_TYPES, PLACE_KINDS, type ValueType } from "../knowledge/schema.js";
import type { AnswerType } from "../language/answer-type.js";
import type { Query } from "../language/query.js";
import type { PropertyMatch } from "./claims.js";
import {
  type Agreement,
  agreement,
  type ClaimIndex,
  type Frame,
  type IndexedClaim,
  NAMED_AT_ALL,
  NAMED_OUTRIGHT,
  PICKED_AMONG,
  wanted,
} from "./claims.js";
import type { Ranked } from "./search.js";

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
  measure: "measure",
  contact: "contact",
  person: "person",
  organisation: "organisation",
  place: "place",
  name: "any",
  phrase: "any",
};

const isFigure = (type: string) => (FIGURE_TYPES as readonly string[]).includes(type);

/**
 * What the question expects: its wording's answer type, unless that leaves it open ("gz hi-tech
 * output") or vague ("how much in loans" is money, not a count) and the question names outright a
 * property whose values are of one type; "who" naming outright a property of places asks a place.
 * "How many companies reached loan deals" counts companies, whatever sum the loans came to.
 */
function expected(type: AnswerType, properties: readonly PropertyMatch[], counts: boolean): AnswerType {
  const outright = properties.filter((p) => p.share >= NAMED_OUTRIGHT);
  const types = new Set(outright.map((p) => ASKED_BY[p.property.type]));
  const [only] = types;
  if (only === undefined || types.size > 1) return type;
  if (type === "any") return only;
  // "Who was ahead of it?": "who" asks for a place when the property it names outright takes places.
  if (type === "person" && only === "place") return only;
  return type === "count" && !counts && (only === "money" || only === "percent") ? only : type;
}

/**
 * The properties a question names outright (see NAMED_OUTRIGHT) in its own words: a word only
 * WordNet's guess brought ("take care of" read as "attend") names none.
 */
export function namedOutright(frame: Frame, query: Pick<Query, "terms">): PropertyMatch[] {
  const own = new Set(query.terms.filter((t) => !t.guessed).map((t) => t.term));
  return frame.properties.filter((p) => p.share >= NAMED_OUTRIGHT && p.words.some((w) => own.has(w)));
}

/** A question's frame: what it names, the kind of value it expects, its years and the properties it calls by name. */
export function frameOf(
  query: Query,
  claims: ClaimIndex,
  weight: (term: string) => number,
  carried?: { property: string; insists: boolean },
): Frame {
  const weighed = query.terms.map((t) => ({
    term: t.term,
    weight: weight(t.term) * (t.light ? LIGHT_QUESTION_WORD : 1),
  }));
  const terms = new Map<string, number>();
  for (const t of weighed) terms.set(t.term, t.weight);
  // The word of the kind of answer ("which company") names no property: any claim of that kind answers.
  const properties = claims.propertiesIn(
    weighed.filter((t) => t.term !== query.kind),
    query.language,
  );
  // A turn that names another property outright asks that one ("what did that office become?" after
  // when it opened): the last one is carried only when it insists or the turn names none.
  const another = properties.some((p) => p.share >= NAMED_OUTRIGHT && p.property.id !== carried?.property);
  const carries = carried !== undefined && (carried.insists || !another);
  const expects = expected(query.type, properties, query.counted !== undefined);
  const through = claims.roleWords(properties, query.entities, expects);
  return {
    language: query.language,
    subjects: query.entities,
    expects,
    worded: query.type,
    years: query.years,
    properties,
    terms,
    asks: query.terms
      .filter((t) => !t.light && t.term !== query.kind && (terms.get(t.term) ?? 0) > 0)
      .map((t) => t.term),
    carried: carries ? carried.property : undefined,
    insists: carries ? carried.insists : undefined,
    superlative: query.superlative,
    quotes: query.quotes,
    wholeYear: query.wholeYear,
    through: through.length > 0 ? through : undefined,
    kind: query.kind,
    picks: query.picks,
    also: query.also,
    excluded: query.excluded,
    counted: query.counted,
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
  // One array for every fact's claims, not one per fact joined afterwards.
  const held: Agreement[] = [];
  passing.forEach((r, rank) => {
    for (const c of claims.ofFact(r.indexed.fact.id)) held.push(agreement(frame, c, rank, tier, claims));
  });
  return held.sort((a, b) => Number(b.agrees) - Number(a.agrees) || b.score - a.score);
}

/**
 * The property that must answer, if any: the one a follow-up asks again of a new subject or time
 * ("and Shenzhen?", "what about 2019?"), or one a question about something named calls by name
 * outright, or by every word that says what it asks, when it is of the type the question asks for
 * first ("how many returnees live in Chengdu" is not answered by Chengdu's share of returnee founders).
 */
function insisted(
  frame: Frame,
  top: PropertyMatch | undefined,
): { property: string; carried: boolean } | undefined {
  if (frame.carried !== undefined)
    return frame.insists ? { property: frame.carried, carried: true } : undefined;
  if (frame.worded === "any" || frame.subjects.length === 0) return undefined;
  // The best named of the type the wording asks (see topNamed): "when" naming agreements, or
  // "ranking for foreigners" (asking nothing by its wording), does not insist.
  if (top === undefined) return undefined;
  // Named by every word that says what is asked, light words ("live", "total") lowering only its share.
  const namedByAll = frame.asks.length > 0 && frame.asks.every((w) => top.words.includes(w));
  return top.share >= NAMED_OUTRIGHT || namedByAll
    ? { property: top.property.id, carried: false }
    : undefined;
}

/**
 * The best named property of the type the wording asks, of what the question names: one curated as
 * asked of things of another kind is not (see Property.of), and one curated as asked of its kind
 * is asked rather than one whose claims are all of other kinds ("how old" of a person asks an age,
 * not a convention's years running).
 */
function topNamed(frame: Frame, claims: ClaimIndex): PropertyMatch | undefined {
  const { worded, subjects } = frame;
  const ofKind = (kinds: readonly string[]) => subjects.some((e) => kinds.includes(e.kind));
  const named = frame.properties.filter(
    ({ property }) =>
      wanted(worded, 0, property.type) &&
      (property.of === undefined || subjects.length === 0 || ofKind(property.of)),
  );
  const [first] = named;
  const curated = named.find(({ property }) => property.of !== undefined && ofKind(property.of));
  if (first === undefined || curated === undefined || first === curated) return first;
  const kinds = claims
    .ofProperty(first.property.id)
    .flatMap((c) => [
      claims.kindOf(c.claim.subject),
      c.claim.entity === undefined ? undefined : claims.kindOf(c.claim.entity),
    ]);
  return ofKind(kinds.filter((k) => k !== undefined)) ? first : curated;
}

/**
 * Whether the answer found says what the question names as well as the property named outright:
 * its own property is named as fully (a name not answering a figure asked), or its qualifier has
 * the words that named the other, beyond those that named its own ("education" names the share with
 * a master's degree, and "17.8% in education" answers it; "Over 70% of returnee founders" does not
 * answer "how many returnees").
 */
function answersAsWell(frame: Frame, must: string, lead: IndexedClaim, claims: ClaimIndex): boolean {
  const top = frame.properties.find((p) => p.property.id === must);
  if (top === undefined) return true;
  const own = frame.properties.find((p) => p.property.id === lead.property.id);
  // Named as fully, it answers unless the wording asks a figure and it gives a name: "when was it
  // founded" names the founder as fully as the founding date, but asks a date.
  if (own !== undefined && own.share >= top.share)
    return !isFigure(frame.worded) || isFigure(lead.property.type);
  // Words its own property's name already took ("returnees" in "returnees working in") explain nothing more.
  const qualifier = claims.qualifierTerms(lead, frame.language);
  const more = top.words.filter((w) => !own?.words.includes(w));
  return more.length > 0 && top.words.every((w) => qualifier.includes(w));
}

/**
 * When the property that must answer (see insisted) is not the answer found: the claims of that
 * property the sources do have, and which slot lacks one. A property named outright but held for
 * the things named declines only for a year they lack: which of their claims answers is matching's
 * business. Undefined when the answer holds.
 */
export function unmatched(
  frame: Frame,
  lead: IndexedClaim | undefined,
  claims: ClaimIndex,
): { property: string; known: IndexedClaim[]; lacks: "subject" | "time" } | undefined {
  // A property no source gives (a city's population), when every word of the question names it, is
  // asked of nothing known, whatever the wording and the subjects; a word of its own ("how many
  // people returned to live there") asks something else, unless the question names nothing known
  // and the answer found is of a property it does not name at all ("how many people live in China":
  // no convention's job count).
  // The best named of a kind the wording asks: "where was he born" asks a hometown, not a date of birth.
  const top = topNamed(frame, claims);
  if (frame.carried === undefined && top?.property.unsourced) {
    // Every word names it, or one of its names is said whole and every other word is light ("what
    // year was he born"; "how many people returned to live there" only half says "people live").
    const onlyIt =
      [...frame.terms].every(([term, weight]) => weight === 0 || top.words.includes(term)) ||
      (top.share >= 1 && frame.asks.every((term) => top.words.includes(term)));
    const unnamed =
      lead !== undefined &&
      frame.subjects.length === 0 &&
      top.share >= NAMED_AT_ALL &&
      !frame.properties.some((p) => p.property.id === lead.property.id);
    if (onlyIt || unnamed) return { property: top.property.id, known: [], lacks: "subject" };
  }
  // "Guangzhou's high-tech output for the whole of 2017": the property named best, outright, held for
  // the things named only for part of a year, lacks the time asked, whatever the wording or the type
  // it asks (多少 may ask a sum).
  const [best] = frame.properties;
  if (frame.wholeYear && best !== undefined && best.share >= NAMED_OUTRIGHT) {
    const held = claims
      .ofProperty(best.property.id)
      .filter((c) => ["named", "within"].includes(claims.subjectFit(c, frame.subjects)));
    if (held.length > 0 && held.every((c) => claims.missesWholeYear(frame, c)))
      return { property: best.property.id, known: held, lacks: "time" };
  }
  const must = insisted(frame, top);
  if (must === undefined || lead?.property.id === must.property) return undefined;
  if (!must.carried && lead !== undefined && answersAsWell(frame, must.property, lead, claims))
    return undefined;
  const all = claims.ofProperty(must.property);
  const theirs = all.filter((c) => ["named", "within"].includes(claims.subjectFit(c, frame.subjects)));
  if (theirs.length === 0) {
    // Named outright of things of the kind it is said of (cities for a city's returnees); with other
    // things named ("Thousand Talents experts in Guangzhou"), what is asked is not that slot alone.
    const kinds = new Set(all.map((c) => claims.kindOf(c.claim.subject)));
    if (!must.carried && !frame.subjects.every((e) => kinds.has(e.kind))) return undefined;
    return { property: must.property, known: [...all], lacks: "subject" };
  }
  // "The whole of 2017" is not held by a figure for its first half.
  const inTime = theirs.some(
    (c) =>
      (frame.years.length === 0 || frame.years.some((y) => c.when.when.startsWith(y))) &&
      !claims.missesWholeYear(frame, c),
  );
  return must.carried || !inTime ? { property: must.property, known: theirs, lacks: "time" } : undefined;
}

/**
 * Why the claim found says nothing the question asks, its property not named at all, or undefined
 * when it may answer. Either it asks for a kind of thing ("which bureau") its value does not say,
 * and the words that say what is asked all name another property of its fact, of another type
 * ("which bureau issues driving licences": the CEOT website's ICP licence, not its maintainer); or
 * it asks the best of a kind of thing its value does not say ("which university is best for AI");
 * or it counts nothing but in the places it names, and the claim is of something inside them ("how
 * many people live in Guangzhou" is not a convention's attendance).
 */
export function saysNothingAsked(
  frame: Frame,
  lead: IndexedClaim,
  claims: ClaimIndex,
  namedKinds: ReadonlySet<string>,
): string | undefined {
  if (lead.property.id === frame.carried) return undefined;
  const { kind } = frame;
  // A figure of the type a kind of figure asks ("fourth place" for "what position") says that kind;
  // a kind of thing ("which bureau") its value must say.
  const picksThing = frame.picks !== undefined && PICKED_AMONG[frame.picks] !== undefined;
  const saidByType = !picksThing && ASKED_BY[lead.property.type] === frame.picks;
  const kindUnsaid =
    kind !== undefined && !saidByType && !claims.valueTerms(lead, frame.language).includes(kind);
  // "Which university in Guangzhou is best for AI": the best of a kind, by a property no claim of
  // that kind has, though "best" half names one of something elsewhere (Iflytek's "best known for").
  const named = frame.properties.find((p) => p.property.id === lead.property.id);
  const unranked =
    named === undefined ||
    (named.share < NAMED_OUTRIGHT && claims.subjectFit(lead, frame.subjects) === "other");
  if (frame.superlative && picksThing && kindUnsaid && unranked)
    return `it asks the best ${kind}, and no claim ranks one`;
  if (named !== undefined) return undefined;
  // "Which university gave Shi Zhongmin his PhD?": a thing of a kind whose names carry its word
  // (Zhejiang University) is not a value without it (his company; a country).
  if (kindUnsaid && kind !== undefined && namedKinds.has(kind))
    return `it asks a ${kind}, and the value found is none`;
  const other =
    kindUnsaid && frame.asks.length > 0
      ? frame.properties.find(
          (p) =>
            frame.asks.every((w) => p.words.includes(w)) &&
            claims.ofFact(lead.fact.fact.id).some((c) => c.property.id === p.property.id),
        )
      : undefined;
  if (other !== undefined) return `what is asked names ${other.property.id}, not ${lead.property.id}`;
  const ofPlaces =
    frame.worded === "count" &&
    frame.asks.length === 0 &&
    frame.subjects.length > 0 &&
    frame.subjects.every((e) => PLACE_KINDS.includes(e.kind)) &&
    claims.subjectFit(lead, frame.subjects) !== "named";
  return ofPlaces ? `it asks a figure of the places named, and ${lead.claim.subject} is not one` : undefined;
}
