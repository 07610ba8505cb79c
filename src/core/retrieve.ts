import type { IndexedFact, KnowledgeIndex } from "./knowledge-index.js";
import type { Query } from "./query.js";

/** How retrieval weighs what a fact shares with a question. Frozen here, tuned nowhere else. */
export const RANKING = Object.freeze({
  /** Share of the question's weight a fact must cover to be given as an answer. */
  minCoverage: 0.55,
  /** Bonus for terms found in the fact's own sentence rather than only its keywords or FAQ. */
  ownTextBonus: 0.15,
  /** Bonus for naming the question's entities directly rather than through what they sit in. */
  directBonus: 0.05,
  /** Facts about many things at once rank slightly below focused ones. */
  breadthPenalty: 0.002,
  /** Facts whose score is this close to the best one's are given alongside it. */
  companionMargin: 0.08,
  maxFacts: 3,
});

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

/** Facts that could answer the question: those about all its entities, or else those sharing a term. */
export function candidates(query: Query, index: KnowledgeIndex): IndexedFact[] {
  if (query.entities.length > 0) return intersect(query.entities.map((e) => index.aboutEntity(e.id)));
  const set = new Set<IndexedFact>();
  for (const { term } of query.terms) for (const f of index.withTerm(term)) set.add(f);
  return [...set];
}

/** Scores candidate facts against the question, best first. */
export function rank(query: Query, facts: Iterable<IndexedFact>): Scored[] {
  const total = query.terms.reduce((sum, t) => sum + t.weight, 0);
  const scored: Scored[] = [];
  for (const indexed of facts) {
    let matched = 0;
    let own = 0;
    for (const { term, weight } of query.terms) {
      if (indexed.bag.has(term)) matched += weight;
      if (indexed.own.has(term)) own += weight;
    }
    const coverage = total === 0 ? 1 : matched / total;
    const direct =
      query.entities.length === 0
        ? 0
        : query.entities.filter((e) => indexed.fact.entities.includes(e.id)).length / query.entities.length;
    const score =
      coverage +
      (total === 0 ? 0 : (RANKING.ownTextBonus * own) / total) +
      RANKING.directBonus * direct -
      RANKING.breadthPenalty * indexed.fact.entities.length;
    scored.push({ indexed, coverage, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

/** The best fact and those close enough behind it to be worth giving too. */
export function best(ranked: Scored[]): Scored[] {
  const [top] = ranked;
  if (top === undefined || top.coverage < RANKING.minCoverage) return [];
  return ranked
    .filter((s) => s.coverage >= RANKING.minCoverage && s.score >= top.score - RANKING.companionMargin)
    .slice(0, RANKING.maxFacts);
}
