import type { IndexedFact, Matched, Ranked } from "./search.js";

/** A posting with its term and fact. */
export interface Resolved extends Matched {
  score: number;
  indexed: IndexedFact;
  order: number;
}

/**
 * A term's postings: as a list, and by the place of their fact, where a fact without the term has
 * none. Looking a fact up is then one read of an array, not of a map.
 */
export interface PostingsByPlace {
  readonly list: readonly Resolved[];
  readonly at: readonly (Resolved | undefined)[];
}

/** One term of a scoring: its postings, and the boost they rank at. */
export interface ScoredTerm {
  postings: PostingsByPlace;
  boost: number;
}

/** What a scoring reads of the fact index. */
export interface Scored {
  readonly facts: readonly IndexedFact[];
  /** The places of the facts about an entity (or about what sits in it). */
  placesAbout(id: string): readonly number[];
  postingsOf(term: string): PostingsByPlace;
}

/** A fact as one scoring ranks it; the terms it matched are listed only when asked (`--explain`). */
class RankedFact implements Ranked {
  constructor(
    readonly indexed: IndexedFact,
    readonly score: number,
    readonly order: number,
    private readonly terms: readonly ScoredTerm[],
  ) {}

  match(): readonly Matched[] {
    const matched: Matched[] = [];
    for (const { postings } of this.terms) {
      const posting = postings.at[this.order];
      if (posting !== undefined) matched.push(posting);
    }
    return matched;
  }
}

/** An entity, and the places of the facts about it. */
interface Rarest {
  id: string;
  places: readonly number[];
}

const KEEP_ALL = (_indexed: IndexedFact): boolean => true;

/**
 * BM25 over the boosted fields for some terms, of the facts they reach that are about every entity
 * given (or what it sits in). MiniSearch's score for each term, summed, context terms at their
 * boost, times how many of the terms a fact matches (as MiniSearch itself combines a query's
 * terms). Nothing is scored until asked for: a fact asked about is scored by reading each term's
 * posting at its place, its terms always summed in the same order, so its score is the same to
 * the last bit whichever way it was reached.
 */
export class Scoring {
  constructor(
    private readonly index: Scored,
    private readonly terms: readonly ScoredTerm[],
    /** The entities every fact given must be about. */
    private readonly within: readonly string[],
  ) {}

  /**
   * The facts reached that are about every one of these entities, reached by one of these terms
   * when any are given, and kept, best first (see bestFirst).
   */
  about(
    ids: readonly string[],
    keep: (indexed: IndexedFact) => boolean = KEEP_ALL,
    reachedBy?: readonly string[],
  ): Ranked[] {
    const within = this.withinAnd(ids);
    const by = reachedBy?.map((term) => this.index.postingsOf(term));
    const rarest = this.rarest(within);
    const places = this.candidates(rarest, by);
    const sure = places === rarest?.places ? rarest.id : undefined;
    const kept: Ranked[] = [];
    for (const order of places) {
      const indexed = this.index.facts[order] as IndexedFact;
      if (!aboutAll(indexed, within, sure) || (by !== undefined && !reachedIn(by, order)) || !keep(indexed))
        continue;
      const ranked = this.ranked(order);
      if (ranked !== undefined) kept.push(ranked);
    }
    return kept.sort(bestFirst);
  }

  /**
   * Every fact about every one of these entities, kept, best first: those the terms reach by their
   * score, then the others at 0 in the knowledge base's order (for a question with no word to match,
   * which every fact about its names covers). Most are the others, so a sort that follows has little to do.
   */
  everyAbout(ids: readonly string[], keep: (indexed: IndexedFact) => boolean = KEEP_ALL): Ranked[] {
    const within = this.withinAnd(ids);
    const rarest = this.rarest(within);
    if (rarest === undefined) return [];
    const reached: Ranked[] = [];
    const unreached: Ranked[] = [];
    for (const order of rarest.places) {
      const indexed = this.index.facts[order] as IndexedFact;
      if (!aboutAll(indexed, within, rarest.id) || !keep(indexed)) continue;
      const ranked = this.ranked(order);
      if (ranked === undefined) unreached.push(new RankedFact(indexed, 0, order, []));
      else reached.push(ranked);
    }
    return [...reached.sort(bestFirst), ...unreached];
  }

  /** These entities and those the scoring is within. */
  private withinAnd(ids: readonly string[]): readonly string[] {
    return ids.length === 0 ? this.within : this.within.length === 0 ? ids : [...this.within, ...ids];
  }

  /** The one of these entities with the fewest facts about it, and their places; undefined for none. */
  private rarest(within: readonly string[]): Rarest | undefined {
    let rarest: Rarest | undefined;
    for (const id of within) {
      const places = this.index.placesAbout(id);
      if (rarest === undefined || places.length < rarest.places.length) rarest = { id, places };
    }
    return rarest;
  }

  /**
   * The places of the fewer facts that hold every one asked for: those about the rarest entity, or
   * those reached by the terms asked for (by every term when none is).
   */
  private candidates(
    rarest: Rarest | undefined,
    by: readonly PostingsByPlace[] | undefined,
  ): readonly number[] {
    const reaching = by ?? this.terms.map((t) => t.postings);
    let postings = 0;
    for (const p of reaching) postings += p.list.length;
    if (rarest !== undefined && rarest.places.length <= postings) return rarest.places;
    return placesReached(reaching);
  }

  private ranked(order: number): Ranked | undefined {
    let sum = 0;
    let count = 0;
    for (const { postings, boost } of this.terms) {
      const posting = postings.at[order];
      if (posting === undefined) continue;
      sum += boost * posting.score;
      count++;
    }
    if (count === 0) return undefined;
    return new RankedFact(this.index.facts[order] as IndexedFact, sum * count, order, this.terms);
  }
}

/** Best score first; ties in the knowledge base's order. */
export function bestFirst(a: Ranked, b: Ranked): number {
  return b.score - a.score || a.order - b.order;
}

/** Whether a fact is about every one of these entities (or what they sit in), one known to be aside. */
function aboutAll(indexed: IndexedFact, ids: readonly string[], sure: string | undefined): boolean {
  for (const id of ids) if (id !== sure && !indexed.closure.has(id)) return false;
  return true;
}

/** Whether one of these terms' postings reaches the fact at this place. */
function reachedIn(by: readonly PostingsByPlace[], order: number): boolean {
  for (const postings of by) if (postings.at[order] !== undefined) return true;
  return false;
}

/** The places of the facts these postings reach, each once, in the order first met. */
function placesReached(postings: readonly PostingsByPlace[]): number[] {
  const reached = new Set<number>();
  for (const p of postings) for (const { order } of p.list) reached.add(order);
  return [...reached];
}
