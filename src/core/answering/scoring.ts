import type { IndexedFact, Matched, Ranked } from "./search.js";

/** A posting with its term and fact. */
export interface Resolved extends Matched {
  score: number;
  indexed: IndexedFact;
  order: number;
}

/** A term's postings by the place of their fact. */
export type PostingsByPlace = ReadonlyMap<number, Resolved>;

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
      const posting = postings.get(this.order);
      if (posting !== undefined) matched.push(posting);
    }
    return matched;
  }
}

/** Every posting of a scoring, read into arrays by fact. */
interface Merged {
  sums: Float64Array;
  counts: Uint16Array;
  /** The facts reached, in the order first met. */
  reached: number[];
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
 * terms). Nothing is scored until asked for: a fact asked about is scored by looking up each term's
 * posting for it, and only a question asking for more facts than its terms' postings hold has them
 * all read, once, into arrays by fact. Either way a fact's terms are summed in the same order, so
 * its score is the same to the last bit.
 */
export class Scoring {
  /** How many postings the terms hold in all. */
  private readonly postings: number;
  private merged: Merged | undefined;

  constructor(
    private readonly index: Scored,
    private readonly terms: readonly ScoredTerm[],
    /** The entities every fact given must be about. */
    private readonly within: readonly string[],
  ) {
    let postings = 0;
    for (const term of terms) postings += term.postings.size;
    this.postings = postings;
  }

  /**
   * The facts reached that are about every one of these entities, reached by one of these terms
   * when any are given, and kept, in no order (see bestFirst).
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
    return kept;
  }

  /**
   * Every fact about every one of these entities, kept, in no order: those the terms reach scored,
   * the others at 0 (for a question with no word to match, which every fact about its names covers).
   */
  everyAbout(ids: readonly string[], keep: (indexed: IndexedFact) => boolean = KEEP_ALL): Ranked[] {
    const within = this.withinAnd(ids);
    const rarest = this.rarest(within);
    if (rarest === undefined) return [];
    this.mergeFor(rarest.places.length);
    const kept: Ranked[] = [];
    for (const order of rarest.places) {
      const indexed = this.index.facts[order] as IndexedFact;
      if (!aboutAll(indexed, within, rarest.id) || !keep(indexed)) continue;
      kept.push(this.ranked(order) ?? new RankedFact(indexed, 0, order, []));
    }
    return kept;
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
   * The places of the fewest facts that hold every one asked for: those about the rarest entity,
   * those reached by the terms asked for, or every fact reached.
   */
  private candidates(
    rarest: Rarest | undefined,
    by: readonly PostingsByPlace[] | undefined,
  ): readonly number[] {
    let reaching = Number.POSITIVE_INFINITY;
    if (by !== undefined) {
      reaching = 0;
      for (const p of by) reaching += p.size;
    }
    const fewest = Math.min(rarest?.places.length ?? Number.POSITIVE_INFINITY, reaching);
    this.mergeFor(fewest);
    if (this.merged !== undefined && this.merged.reached.length <= fewest) return this.merged.reached;
    if (rarest !== undefined && rarest.places.length === fewest) return rarest.places;
    return placesReached(by ?? []);
  }

  /** Reads every posting once (see merge) when scoring this many facts one by one would look up more. */
  private mergeFor(facts: number): void {
    if (this.merged === undefined && facts * this.terms.length > this.postings) this.merged = this.merge();
  }

  /** Every posting read once: each fact's sum and count, and the facts reached in the order first met. */
  private merge(): Merged {
    const size = this.index.facts.length;
    const sums = new Float64Array(size);
    const counts = new Uint16Array(size);
    const reached: number[] = [];
    for (const { postings, boost } of this.terms) {
      for (const { order, score } of postings.values()) {
        if (counts[order] === 0) reached.push(order);
        sums[order] = (sums[order] as number) + boost * score;
        counts[order] = (counts[order] as number) + 1;
      }
    }
    return { sums, counts, reached };
  }

  private ranked(order: number): Ranked | undefined {
    let sum = 0;
    let count = 0;
    if (this.merged === undefined) {
      for (const { postings, boost } of this.terms) {
        const posting = postings.get(order);
        if (posting === undefined) continue;
        sum += boost * posting.score;
        count++;
      }
    } else {
      sum = this.merged.sums[order] as number;
      count = this.merged.counts[order] as number;
    }
    if (count === 0) return undefined;
    return new RankedFact(this.index.facts[order] as IndexedFact, sum * count, order, this.terms);
  }
}

/** Whether a fact is about every one of these entities (or what they sit in), one known to be aside. */
function aboutAll(indexed: IndexedFact, ids: readonly string[], sure: string | undefined): boolean {
  for (const id of ids) if (id !== sure && !indexed.closure.has(id)) return false;
  return true;
}

/** Whether one of these terms' postings reaches the fact at this place. */
function reachedIn(by: readonly PostingsByPlace[], order: number): boolean {
  for (const postings of by) if (postings.has(order)) return true;
  return false;
}

/** The places of the facts these postings reach, each once, in the order first met. */
function placesReached(postings: readonly PostingsByPlace[]): number[] {
  const reached = new Set<number>();
  for (const p of postings) for (const order of p.keys()) reached.add(order);
  return [...reached];
}
