import type { IndexedFact, KnowledgeIndex } from "./knowledge-index.js";
import type { Query } from "./query.js";
import type { Entity, EntityKind } from "./schema.js";

/** How retrieval weighs what a fact shares with a question. Frozen here, tuned nowhere else. */
export const RANKING = Object.freeze({
  /** Share of the question's weight a fact must cover to be given as an answer. */
  minCoverage: 0.5,
  /** The same when the question names no entity at all, so nothing anchors it. */
  minCoverageUnanchored: 0.6,
  /** The same when the question names a specific programme, event, organisation, person or publication. */
  minCoverageSpecific: 0.3,
  /** A fact that counts nothing covers this much less of a "how many" question. */
  noQuantityFactor: 0.25,
  /** A fact that only gives an ordinal ("for the 11th time") covers this much less of one. */
  ordinalFactor: 0.7,
  /** Credit for a term the fact shares only through its stem ("population" and "populous"). */
  stemOnlyCredit: 0.45,
  /** Bonus for terms found in the fact's own sentence rather than only its keywords or FAQ. */
  ownTextBonus: 0.15,
  /** Bonus for common words of the question that the fact shares. */
  lightBonus: 0.05,
  /** Bonus scaled by how closely the question matches one of the fact's FAQ phrasings. */
  faqBonus: 0.3,
  /** Bonus for a fact of the kind the question asks for: a date for "when", a person for "who". */
  kindBonus: 0.1,
  /** Bonus for naming the question's entities directly rather than through what they sit in. */
  directBonus: 0.05,
  /** Facts about many things at once rank slightly below focused ones. */
  breadthPenalty: 0.002,
  /** Facts whose score is this close to the best one's are given alongside it. */
  companionMargin: 0.08,
  maxFacts: 3,
  /** How many facts answer a question that names things but asks nothing narrower about them. */
  maxOverviewFacts: 6,
});

const PLACE_KINDS: readonly EntityKind[] = ["city", "place"];
const PEOPLE: readonly EntityKind[] = ["person", "organisation", "company"];
const PLACES: readonly EntityKind[] = ["city", "place", "organisation", "company"];

const QUANTITY_FACTOR = {
  cardinal: 1,
  ordinal: RANKING.ordinalFactor,
  none: RANKING.noQuantityFactor,
} as const;

export interface Scored {
  indexed: IndexedFact;
  /** Share of the question's term weight the fact covers, 0 to 1. */
  coverage: number;
  score: number;
}

function intersect(lists: (readonly IndexedFact[])[]): IndexedFact[] {
  const [first = [], ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const others = rest.map((list) => new Set(list));
  return first.filter((f) => others.every((set) => set.has(f)));
}

/** The facts about every one of the entities. */
export function about(entities: readonly Entity[], index: KnowledgeIndex): IndexedFact[] {
  return intersect(entities.map((e) => index.aboutEntity(e.id)));
}

/**
 * The facts that could cover enough of the question's terms: a fact lacking all of its rarest terms,
 * whose weights add up to more than the share a fact may miss, cannot reach the threshold, so only
 * those terms' postings are read (MaxScore pruning). Undefined when the question has no required term.
 */
function sharingRareTerms(query: Query, index: KnowledgeIndex): Set<IndexedFact> | undefined {
  const required = query.terms.filter((t) => !t.light).sort((a, b) => b.weight - a.weight);
  if (required.length === 0) return undefined;
  const total = required.reduce((sum, t) => sum + t.weight, 0);
  const missable = (1 - minCoverage(query)) * total;
  const found = new Set<IndexedFact>();
  let covered = 0;
  for (const { term, weight } of required) {
    for (const f of index.withTerm(term)) found.add(f);
    covered += weight;
    if (covered > missable) break;
  }
  return found;
}

/** Facts that could answer the question: about all its entities and sharing enough of its terms. */
export function candidates(query: Query, index: KnowledgeIndex): IndexedFact[] {
  const sharing = sharingRareTerms(query, index);
  if (query.entities.length === 0) return sharing === undefined ? [] : [...sharing];
  const facts = about(query.entities, index);
  return sharing === undefined ? facts : facts.filter((f) => sharing.has(f));
}

/** Whether a fact names something of the given kinds beyond what the question named. */
function namesOther(
  f: IndexedFact,
  kinds: readonly EntityKind[],
  query: Query,
  index: KnowledgeIndex,
): boolean {
  return f.fact.entities.some(
    (id) =>
      !query.entities.some((e) => e.id === id) && kinds.includes(index.kb.entities.get(id)?.kind ?? "city"),
  );
}

function fitsKind(f: IndexedFact, query: Query, index: KnowledgeIndex): boolean {
  switch (query.asks) {
    case "time":
      return f.dated;
    case "person":
      return namesOther(f, PEOPLE, query, index);
    case "place":
      return namesOther(f, PLACES, query, index);
    default:
      return false;
  }
}

/** Scores candidate facts against the question, best first. */
export function rank(query: Query, facts: Iterable<IndexedFact>, index: KnowledgeIndex): Scored[] {
  const required = query.terms.filter((t) => !t.light);
  const light = query.terms.filter((t) => t.light);
  const total = required.reduce((sum, t) => sum + t.weight, 0);
  const lightTotal = light.reduce((sum, t) => sum + t.weight, 0);
  const scored: Scored[] = [];
  for (const indexed of facts) {
    if (!query.numbers.every((n) => indexed.bag.has(n))) continue;
    let matched = 0;
    let own = 0;
    let lightMatched = 0;
    for (const { term, form, weight } of required) {
      if (indexed.bag.has(term)) matched += weight * (indexed.forms.has(form) ? 1 : RANKING.stemOnlyCredit);
      if (indexed.own.has(term)) own += weight;
    }
    for (const { term, weight } of light) if (indexed.bag.has(term)) lightMatched += weight;
    let coverage = total === 0 ? 1 : matched / total;
    if (query.asks === "quantity") coverage *= QUANTITY_FACTOR[indexed.quantity];
    const direct =
      query.entities.length === 0
        ? 0
        : query.entities.filter((e) => indexed.fact.entities.includes(e.id)).length / query.entities.length;
    const score =
      coverage +
      (total === 0 ? 0 : (RANKING.ownTextBonus * own) / total) +
      (lightTotal === 0 ? 0 : (RANKING.lightBonus * lightMatched) / lightTotal) +
      RANKING.faqBonus * index.faqSimilarity(query.keys, indexed) +
      (fitsKind(indexed, query, index) ? RANKING.kindBonus : 0) +
      RANKING.directBonus * direct -
      RANKING.breadthPenalty * indexed.fact.entities.length;
    scored.push({ indexed, coverage, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

export function isPlace(entity: Entity): boolean {
  return PLACE_KINDS.includes(entity.kind);
}

/** The share of a question a fact must cover: less when the question names something specific. */
export function minCoverage(query: Query): number {
  if (query.entities.length === 0) return RANKING.minCoverageUnanchored;
  return query.entities.some((e) => !isPlace(e)) ? RANKING.minCoverageSpecific : RANKING.minCoverage;
}

/**
 * The best fact and those close enough behind it to be worth giving too; for a question that
 * asks nothing narrower than its entities, the best few facts about them.
 */
export function best(ranked: Scored[], query: Query): Scored[] {
  const threshold = minCoverage(query);
  const overview = query.terms.every((t) => t.light);
  const [top] = ranked;
  if (top === undefined || top.coverage < threshold || (overview && query.entities.length === 0)) return [];
  return ranked
    .filter((s) => s.coverage >= threshold && (overview || s.score >= top.score - RANKING.companionMargin))
    .slice(0, overview ? RANKING.maxOverviewFacts : RANKING.maxFacts);
}
