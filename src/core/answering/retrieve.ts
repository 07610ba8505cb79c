import { fits } from "../language/answer-type.js";
import type { Query } from "../language/understand.js";
import { type ClaimIndex, tiers, wanted } from "./claims.js";
import { type FactIndex, type IndexedFact, kindTerm, RANKING, type Ranked } from "./search.js";

/** How much of a question a fact matches, and why: the numbers `--explain` shows. */
export interface Coverage {
  /** Share of the question's weight matched, 0 to 1. */
  share: number;
  /** The question's words that say what it is about (entities aside), and how many of them the fact has. */
  terms: number;
  matched: number;
  /** The question's terms the fact does not have. */
  missing: string[];
}

export type Retrieved =
  | {
      found: true;
      best: Ranked[];
      coverage: Coverage;
      /** Every fact that covers the question at the tier that answered, best first: where matching looks for the claim. */
      passing: Ranked[];
      /** The tier of answer types that answered. */
      tier: number;
    }
  | {
      found: false;
      /** The best fact it considered, if any came near. */
      nearest?: Ranked;
      /** A passing answer the question's years excluded: "my sources give 2017, not 2023". */
      otherYear?: Ranked;
    };

/** Inspects each fact retrieval looks at, for `--explain`. */
export type Tracer = (step: string, ranked: readonly Ranked[], coverage: (r: Ranked) => Coverage) => void;

/**
 * How much of the question a fact matches. The entities it names only narrow the candidates
 * (retrieval looks only at facts about them); what decides is its words that say what it asks
 * about (nouns, numbers, names), each weighing its inverse document frequency. Verbs, adjectives
 * and common words ("bring", "good") only help to rank.
 */
export function coverage(query: Query, ranked: Ranked, index: FactIndex): Coverage {
  let total = 0;
  let matched = 0;
  let terms = 0;
  let termsMatched = 0;
  const missing: string[] = [];
  for (const { term, guessed } of query.terms.filter((t) => !t.light)) {
    const weight = index.weight(term);
    total += weight;
    terms++;
    if (ranked.indexed.terms.has(term)) {
      matched += guessed ? weight * RANKING.guessCredit : weight;
      termsMatched++;
    } else missing.push(term);
  }
  // A question that names things and asks nothing narrower is covered by any fact about them.
  const share = total === 0 ? (query.entities.length > 0 ? 1 : 0) : matched / total;
  return { share, terms, matched: termsMatched, missing };
}

/**
 * Whether a fact answers enough of the question: the one calibrated threshold on coverage; a
 * question about something (not only a name) has some of its words in the fact; and when no name
 * anchors the question, two of its words when it has two, so that one stray shared word
 * ("president" in "president of China") is not an answer.
 */
export function passes(c: Coverage, anchored: boolean): boolean {
  const needed = anchored ? Math.min(1, c.terms) : Math.min(2, c.terms);
  return c.share >= RANKING.minCoverage && c.matched >= needed;
}

/** The facts a question could be about: those about every entity it names, best-known first. */
function pool(query: Query, index: FactIndex): readonly IndexedFact[] {
  return query.entities.length > 0 ? index.about(query.entities.map((e) => e.id)) : index.facts;
}

/** The question's terms, and the kind of answer it wants unless it wants any (which says nothing). */
function searchTerms(query: Query): string[] {
  const terms = query.terms.map((t) => t.term);
  return query.type === "any" ? terms : [...terms, kindTerm(query.type)];
}

/**
 * Finds the facts that answer a question. The answer type filters the candidates (a "when" is
 * answered by a date), tier by tier; BM25 ranks what is left; the threshold decides.
 */
export function retrieve(query: Query, index: FactIndex, claims: ClaimIndex, trace?: Tracer): Retrieved {
  const candidates = pool(query, index);
  const counted = query.counted !== undefined && index.known(query.counted) ? query.counted : undefined;
  const inYears = candidates.filter(
    (f) => query.years.every((y) => f.years.has(y)) && (counted === undefined || f.own.has(counted)),
  );
  const named = (id: string) => index.kb.entities.get(id);
  const measure = (r: Ranked) => coverage(query, r, index);
  let nearest: Ranked | undefined;
  for (let tier = 0; tier < tiers(query.type); tier++) {
    const typed = inYears.filter((f) => typedFor(query, tier, f, claims, named));
    const ranked = index.rank(searchTerms(query), typed, query.context);
    trace?.(`answer type ${query.type}, tier ${tier + 1}`, ranked, measure);
    // The best-ranked fact that covers the question answers it; those close behind it come along.
    const anchored = query.entities.length > 0;
    const passing = ranked.filter((r) => passes(measure(r), anchored)).slice(0, RANKING.maxCandidates);
    const [top] = passing;
    if (top !== undefined) {
      const best = passing
        .filter((r) => r === top || r.score >= top.score * RANKING.companionShare)
        .slice(0, RANKING.maxFacts);
      return { found: true, best, coverage: measure(top), passing, tier };
    }
    const first = ranked[0];
    if (first !== undefined && (nearest === undefined || first.score > nearest.score)) nearest = first;
  }
  if (query.years.length > 0) {
    const anyYear = retrieve({ ...query, years: [] }, index, claims);
    if (anyYear.found)
      return { found: false, otherYear: anyYear.best[0] as Ranked, ...(nearest ? { nearest } : {}) };
  }
  nearest ??= index.rank(searchTerms(query), candidates, query.context)[0];
  return nearest === undefined || nearest.score === 0 ? { found: false } : { found: false, nearest };
}

/**
 * Whether a fact can answer at this tier: it has a claim with a value of a wanted type whose
 * subject fits what the question names, or, as a fact without claims is judged, a figure of a
 * wanted type or a person, organisation or place beyond those named. Matching then looks for the
 * claim that agrees.
 */
function typedFor(
  query: Query,
  tier: number,
  indexed: IndexedFact,
  claims: ClaimIndex,
  named: (id: string) => ReturnType<FactIndex["kb"]["entities"]["get"]>,
): boolean {
  const own = claims.ofFact(indexed.fact.id);
  if (own.length === 0) return fits(query.type, tier, indexed.fact, named, query.entities);
  return own.some(
    (c) => wanted(query.type, tier, c.property.type) && claims.subjectFit(c, query.entities) !== "other",
  );
}
