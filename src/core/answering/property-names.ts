import type { Property } from "../knowledge/schema.js";
import type { Language } from "../types.js";

/** One name of a property (its name or an alias, in one language) and what each of its words weighs. */
export interface PropertyName {
  /** Its place among all names: ties between names go to the first. */
  order: number;
  property: Property;
  text: string;
  terms: { term: string; weight: number }[];
  /** The weight of all its words. */
  named: number;
}

/** Names by each of their words, for one language. */
type NamesByTerm = ReadonlyMap<string, readonly PropertyName[]>;

/** The words that name each property, by language: what the knowledge cache keeps of a claim index. */
export type PropertyNames = ReadonlyMap<Language, NamesByTerm>;

/** A name with its words as numbers, in the name's own order, and its own number. */
interface NumberedName {
  name: PropertyName;
  words: Int32Array;
  /** What each of its words weighs, in its order. */
  weights: Float64Array;
  number: number;
}

/**
 * How much a question's words name each property name that shares one with it. The names' words
 * are numbered once, so that a question's words are looked up once each, not once for every word
 * of every name they share; each name's words are still summed in its own order.
 */
export class NameShares {
  private readonly numbers = new Map<string, number>();
  private readonly byLanguage = new Map<Language, Map<string, NumberedName[]>>();
  /** The weight the question being scored gives each word, valid where its stamp is the question's. */
  private readonly weights: Float64Array;
  private readonly stamps: Uint32Array;
  /** Which names the question being scored has reached, valid where their stamp is the question's. */
  private readonly reached: Uint32Array;
  private stamp = 0;

  constructor(names: PropertyNames) {
    const numbered = new Map<PropertyName, NumberedName>();
    const numberOf = (term: string) => {
      let n = this.numbers.get(term);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(term, n);
      }
      return n;
    };
    for (const [language, byTerm] of names) {
      const own = new Map<string, NumberedName[]>();
      for (const [term, list] of byTerm) {
        own.set(
          term,
          list.map((name) => {
            let entry = numbered.get(name);
            if (entry === undefined) {
              const words = Int32Array.from(name.terms, (w) => numberOf(w.term));
              const weights = Float64Array.from(name.terms, (w) => w.weight);
              entry = { name, words, weights, number: numbered.size };
              numbered.set(name, entry);
            }
            return entry;
          }),
        );
      }
      this.byLanguage.set(language, own);
    }
    this.weights = new Float64Array(this.numbers.size);
    this.stamps = new Uint32Array(this.numbers.size);
    this.reached = new Uint32Array(numbered.size);
  }

  /**
   * Each name sharing a word with the question, with its share: the weight of the question's words
   * it has, of `total`, times the weight of its words the question has, of all of them. A name
   * sharing several words comes once, when its first is met. A word the question gives twice weighs
   * as it last does.
   * A name whose share falls below `atLeast` is left out.
   */
  of(
    question: readonly { term: string; weight: number }[],
    total: number,
    language: Language,
    atLeast = 0,
  ): { name: PropertyName; share: number }[] {
    const byTerm = this.byLanguage.get(language);
    if (byTerm === undefined) return [];
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.reached.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
    for (const q of question) {
      const n = this.numbers.get(q.term);
      if (n === undefined) continue;
      this.weights[n] = q.weight;
      this.stamps[n] = this.stamp;
    }
    const shares: { name: PropertyName; share: number }[] = [];
    for (const q of question) {
      for (const { name, words, weights, number } of byTerm.get(q.term) ?? []) {
        if (this.reached[number] === this.stamp) continue;
        this.reached[number] = this.stamp;
        let accounted = 0;
        let had = 0;
        for (let i = 0; i < words.length; i++) {
          const n = words[i] as number;
          if (this.stamps[n] !== this.stamp) continue;
          accounted += this.weights[n] as number;
          had += weights[i] as number;
        }
        const share = (accounted / total) * (had / name.named);
        if (share >= atLeast) shares.push({ name, share });
      }
    }
    return shares;
  }
}
