import { PLACE_KINDS } from "../knowledge/schema.js";
import { changedQuery, type Query } from "../language/query.js";
import { type Split, understand, withYears } from "../language/understand.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { type ClaimIndex, type Frame, NAMED_OUTRIGHT, type PropertyMatch } from "./claims.js";
import { matchClaims } from "./match.js";
import type { IndexedFact, Ranked } from "./search.js";

/** Answer types that are a name: in a comparison of names they are the comparison itself. */
const ENTITY_ANSWERS: readonly Query["type"][] = ["person", "organisation", "place"];

/**
 * The two queries of a question that asks two things. Names of one kind on both sides ("beijing or
 * shanghai") make a comparison of those names over the whole question, unless each side asks
 * something in words of its own; otherwise each side keeps its own words, with the shared lead's,
 * and borrows what it lacks (places, years, the answer type) from the whole question; the other
 * side's words only help it rank. `named` gives the properties a side names outright.
 */
export function partsOf(
  split: Split,
  whole: Query,
  vocabulary: Vocabulary,
  named: (side: Query) => readonly PropertyMatch[],
): { sides: Query[]; byName: boolean } | undefined {
  const read = (text: string) => understand(text, vocabulary, whole.language);
  const asked = split.segments.map(read) as [Query, Query];
  // A side asked of its own year holds for its own years only, not the whole question's.
  const ofYears = ofItsYears(split.segments, asked, read, named);
  const [a, b] = ofYears ?? asked;
  const yearsOf = (side: Query) =>
    ofYears !== undefined || side.years.length > 0 ? side.years : whole.years;
  // The first side never borrows what only the second says ("when was it first held, and how many
  // sessions before the 2018 edition?"); the second may borrow the first's year.
  const firstYears = (side: Query) =>
    yearsOf(side).filter((y) => side.years.includes(y) || !b.years.includes(y));
  const lead = understand(split.lead, vocabulary, whole.language);
  const common = a.entities.filter((e) => b.entities.some((o) => o.kind === e.kind)).map((e) => e.kind);
  if (common.length > 0 && split.apart === undefined && !asksApart(a, b)) {
    // Each side drops the names of the compared kind that the other side gives; shared names stay.
    // "Which city …, X or Y?" asks which of the named: each side asks what the question asks of it.
    const type = ENTITY_ANSWERS.includes(whole.type) ? "any" : whole.type;
    const sideOf = (side: Query, other: Query) =>
      changedQuery(whole, {
        type,
        entities: [
          ...whole.entities.filter(
            (e) => !common.includes(e.kind) || !other.entities.includes(e) || side.entities.includes(e),
          ),
          ...side.entities.filter((e) => !whole.entities.includes(e)),
        ],
        years: ofYears === undefined ? whole.years : side.years,
      });
    return { sides: [sideOf(a, b), sideOf(b, a)], byName: true };
  }
  // A side without names of its own takes the whole question's places; the other side's other
  // names only when it points back to them ("how many projects did they bring").
  const side = (own: Query, other: Query, text: string): Query => {
    const named = [...lead.entities, ...own.entities];
    const standsAlone = own.terms.some((t) => !t.light);
    const borrowed =
      vocabulary.grammar.followUp.refersBack.test(text) || !standsAlone
        ? whole.entities
        : whole.entities.filter((e) => PLACE_KINDS.includes(e.kind));
    return changedQuery(own, {
      language: whole.language,
      entities: named.length > 0 ? named : borrowed,
      terms: [...lead.terms, ...own.terms],
      years: yearsOf(own),
      type: own.type !== "any" ? own.type : whole.type,
      context: other.terms.map((t) => t.term),
    });
  };
  // The second side often leaves out what the first said ("incubators total vs just the high-tech
  // ones"), so it ranks with the first side's words too; the first side never borrows the second's.
  const [first, second] = split.segments;
  const parts = [changedQuery(side(a, b, first), { context: [], years: firstYears(a) }), side(b, a, second)];
  const asksSomething = (side: Query, own: Query) => own.entities.length > 0 || side.terms.length > 0;
  return asksSomething(parts[0] as Query, a) && asksSomething(parts[1] as Query, b)
    ? { sides: parts, byName: false }
    : undefined;
}

/**
 * Whether two sides ask different things, each in words of its own ("Guangzhou's incubators or
 * Hangzhou's talent clubs"): then each is its own question, even of names of one kind.
 */
function asksApart(a: Query, b: Query): boolean {
  const own = (side: Query) => new Set(side.terms.filter((t) => !t.light).map((t) => t.term));
  const [ofA, ofB] = [own(a), own(b)];
  return [...ofA].some((t) => !ofB.has(t)) && [...ofB].some((t) => !ofA.has(t));
}

/**
 * A side that says nothing but a year ("the 2018 one", "the number expected for 2018"): no names,
 * and only light words, which name no property of their own in more than one word ("studied
 * abroad in 2020" beside "overseas talents" asks something; "those expected" does not).
 */
function onlyYears(side: Query, other: Query, named: (side: Query) => readonly PropertyMatch[]): boolean {
  if (side.years.length === 0 || side.entities.length > 0 || side.terms.some((t) => !t.light)) return false;
  const others = new Set(named(other).map((p) => p.property.id));
  return !named(side).some((p) => p.words.length > 1 && !others.has(p.property.id));
}

/**
 * "Overseas talents at the 2017 CEOT vs the 2018 one": a side that gives only a year asks the other
 * side's question of that year, read again with its year in place of the other's ("the 2018 CEOT").
 * Undefined when neither side gives only a year.
 */
function ofItsYears(
  texts: readonly [string, string],
  [a, b]: readonly [Query, Query],
  read: (text: string) => Query,
  named: (side: Query) => readonly PropertyMatch[],
): [Query, Query] | undefined {
  const [yearOfA, yearOfB] = [onlyYears(a, b, named), onlyYears(b, a, named)];
  if (yearOfB && !yearOfA) return [a, read(withYears(texts[0], b.years))];
  if (yearOfA && !yearOfB) return [read(withYears(texts[1], a.years)), b];
  return undefined;
}

/**
 * One fact per part: the part with the fewest candidates chooses first, then each takes its best
 * fact that no other part took, or its best when every one is taken or it names that fact's claim
 * outright (one fact may answer both: "what was it first called, and when did it start?").
 */
export function distinct(lists: readonly Agreed[]): (Ranked | undefined)[] {
  const taken = new Set<IndexedFact>();
  const picks: (Ranked | undefined)[] = lists.map(() => undefined);
  const order = lists.map((list, i) => ({ ...list, i })).sort((x, y) => x.ranked.length - y.ranked.length);
  for (const { ranked: list, named, i } of order) {
    const [best] = list;
    const pick = named ? best : (list.find((r) => !taken.has(r.indexed)) ?? best);
    if (pick !== undefined) taken.add(pick.indexed);
    picks[i] = pick;
  }
  return picks;
}

/** A side's facts in order, and whether the first holds a claim of a property the side names outright. */
export interface Agreed {
  ranked: Ranked[];
  named: boolean;
}

/**
 * A side's facts in the order their claims agree with it, naming a property it asks: a fact whose
 * claim answers the side best comes first ("incubators of every kind" is the count of all
 * incubators, not a fact that only names an incubator), then its best-ranked facts.
 */
export function byAgreement(
  frame: Frame,
  found: { best: readonly Ranked[]; passing: readonly Ranked[]; tier: number },
  claims: ClaimIndex,
): Agreed {
  const agreements = matchClaims(frame, found.passing, found.tier, claims).filter(
    (a) => a.agrees && a.property > 0,
  );
  const agreeing = agreements.flatMap(
    (a) => found.passing.find((r) => r.indexed.fact.id === a.claim.fact.fact.id) ?? [],
  );
  return {
    ranked: [...new Set([...agreeing, ...found.best])],
    named: (agreements[0]?.property ?? 0) >= NAMED_OUTRIGHT,
  };
}
