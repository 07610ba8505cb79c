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

/**
 * How much a question's words name each property name that shares one with it. The names' words
 * are numbered once, so that a question's words are looked up once each, not once for every word
 * of every name they share; each name's words are still summed in its own order. The names are
 * numbered too, and all their words and weights laid end to end in one array each, so that
 * scoring a name reads a few neighbouring numbers rather than objects scattered over the heap.
 */
export class NameShares {
  private readonly numbers = new Map<string, number>();
  /** By language, the numbers of the names that have each word. */
  private readonly byLanguage = new Map<Language, Map<string, Int32Array>>();
  private readonly names: PropertyName[] = [];
  /** Name n's words (as numbers) and their weights are at starts[n] up to starts[n + 1], in its order. */
  private readonly starts: Int32Array;
  private readonly words: Int32Array;
  private readonly wordWeights: Float64Array;
  /** The weight of all of name n's words. */
  private readonly named: Float64Array;
  /** The weight the question being scored gives each word, valid where its stamp is the question's. */
  private readonly weights: Float64Array;
  private readonly stamps: Uint32Array;
  /** Which names the question being scored has reached, valid where their stamp is the question's. */
  private readonly reached: Uint32Array;
  private stamp = 0;

  constructor(names: PropertyNames) {
    const numbered = new Map<PropertyName, number>();
    const nameNumber = (name: PropertyName) => {
      let n = numbered.get(name);
      if (n === undefined) {
        n = this.names.length;
        numbered.set(name, n);
        this.names.push(name);
      }
      return n;
    };
    for (const [language, byTerm] of names) {
      const own = new Map<string, Int32Array>();
      for (const [term, list] of byTerm) own.set(term, Int32Array.from(list, nameNumber));
      this.byLanguage.set(language, own);
    }
    const count = this.names.reduce((sum, name) => sum + name.terms.length, 0);
    this.starts = new Int32Array(this.names.length + 1);
    this.words = new Int32Array(count);
    this.wordWeights = new Float64Array(count);
    this.named = Float64Array.from(this.names, (name) => name.named);
    let at = 0;
    this.names.forEach((name, n) => {
      this.starts[n] = at;
      for (const { term, weight } of name.terms) {
        let number = this.numbers.get(term);
        if (number === undefined) {
          number = this.numbers.size;
          this.numbers.set(term, number);
        }
        this.words[at] = number;
        this.wordWeights[at] = weight;
        at++;
      }
    });
    this.starts[this.names.length] = at;
    this.weights = new Float64Array(this.numbers.size);
    this.stamps = new Uint32Array(this.numbers.size);
    this.reached = new Uint32Array(this.names.length);
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
      for (const number of byTerm.get(q.term) ?? NONE) {
        if (this.reached[number] === this.stamp) continue;
        this.reached[number] = this.stamp;
        let accounted = 0;
        let had = 0;
        const end = this.starts[number + 1] as number;
        for (let i = this.starts[number] as number; i < end; i++) {
          const n = this.words[i] as number;
          if (this.stamps[n] !== this.stamp) continue;
          accounted += this.weights[n] as number;
          had += this.wordWeights[i] as number;
        }
        const share = (accounted / total) * (had / (this.named[number] as number));
        if (share >= atLeast) shares.push({ name: this.names[number] as PropertyName, share });
      }
    }
    return shares;
  }
}

/** No names. */
const NONE = new Int32Array(0);
