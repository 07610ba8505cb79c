import { type Agreement, agreement, type ClaimIndex, type Frame } from "./claims.js";
import type { Ranked } from "./search.js";
import type { Query } from "./understand.js";

/** A question's frame: what it names, the kind of value it expects, its years and the properties it calls by name. */
export function frameOf(query: Query, claims: ClaimIndex, carried?: string): Frame {
  const terms = new Set(query.terms.map((t) => t.term));
  return {
    subjects: query.entities,
    expects: query.type,
    years: query.years,
    properties: claims.propertiesIn(terms),
    ...(carried === undefined ? {} : { carried }),
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
