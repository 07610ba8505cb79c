import Fuse, { type IFuseOptions } from "fuse.js";
import type { KnowledgeBase } from "./loader.js";
import type { Entity, Fact, Source } from "./schema.js";
import { STOPWORDS } from "./stopwords.js";
import { compact, editDistance, inflection, isCjk, isNumber, normalise, stem, tokens } from "./text.js";

/** A fact with everything retrieval needs, computed once at load. */
export interface IndexedFact {
  fact: Fact;
  source: Source;
  /** Its entities and everything they sit within. */
  closure: ReadonlySet<string>;
  /** The terms a reader could find it by: its text, keywords, FAQ phrasings, entity names, topic, year. */
  bag: ReadonlySet<string>;
  /** The terms of its own text only. */
  own: ReadonlySet<string>;
  /** Its words as written, inflection aside: a term shared only through its stem counts for less. */
  forms: ReadonlySet<string>;
  /** What it counts: a cardinal count, share or amount; only an ordinal ("11th time"); or nothing. */
  quantity: "cardinal" | "ordinal" | "none";
  /** It states a date or a year. */
  dated: boolean;
  /** How often curators gave it as an FAQ answer, the principal answer counting most. */
  salience: number;
  /** The FAQ phrasings it answers. */
  phrasings: readonly Phrasing[];
}

/** An FAQ phrasing, reduced as a question is to entity keys and terms, and how strongly it leads to a fact. */
interface Phrasing {
  keys: ReadonlySet<string>;
  weight: number;
  /** 1 for the FAQ's first fact, less for the others. */
  strength: number;
}

/** Frozen fuse.js options for matching one mistyped word against the words the knowledge base uses. */
const FUZZY_OPTIONS: Readonly<IFuseOptions<string>> = Object.freeze({
  includeScore: true,
  threshold: 0.45,
  ignoreLocation: true,
  minMatchCharLength: 3,
});
const FUZZY_CANDIDATES = 8;
const MIN_FUZZY_LENGTH = 5;
/** The weight of an FAQ phrasing's link to the second and later facts it lists. */
const LATER_FACT = 0.85;

const MONTH = /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const YEAR = /\b(1[89]|20)\d{2}s?\b/;
const CARDINAL =
  /^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens?|hundreds?|thousands?|tens of thousands|millions?)\b/i;

function isDate(figure: string): boolean {
  return MONTH.test(figure) || (YEAR.test(figure) && !/%|percent|yuan|million|billion|\$/i.test(figure));
}

function isOrdinal(figure: string): boolean {
  return /^\d+(st|nd|rd|th)$/i.test(figure);
}

function isCardinal(figure: string): boolean {
  if (isDate(figure) || isOrdinal(figure) || figure.includes(":")) return false;
  return /\d/.test(figure) || CARDINAL.test(figure);
}

/** Edit distance a word of this length may have from the known word it is taken for. */
function allowedTypos(length: number): number {
  return length >= 8 ? 2 : 1;
}

/** The key an entity stands under among a question's terms. */
export function entityKey(id: string): string {
  return `@${id}`;
}

/**
 * Everything derived from the knowledge base that answering needs, built once at load:
 * canonical terms, the inverted indexes, term weights, entity names, FAQ phrasings and the
 * fuzzy index of known words.
 */
export class KnowledgeIndex {
  readonly facts: readonly IndexedFact[];
  /** Compact alias → entity. */
  readonly aliases = new Map<string, Entity>();
  /** The most words any alias has. */
  readonly longestAlias: number;
  /** Every word the knowledge base uses, as normalised. */
  private readonly words = new Set<string>();
  private readonly synonyms = new Map<string, string>();
  private readonly phrases: [RegExp, string][] = [];
  private readonly postings = new Map<string, IndexedFact[]>();
  private readonly byEntity = new Map<string, IndexedFact[]>();
  private readonly idfs = new Map<string, number>();
  /** Known words by first letter and length, each group with its own fuse.js index. */
  private readonly fuzzy = new Map<string, Fuse<string>>();
  private readonly termCache = new Map<string, string>();
  readonly unknownWeight: number;

  constructor(
    readonly kb: KnowledgeBase,
    /** Reduces a question (or an FAQ phrasing) to entity keys and terms. */
    analyse: (text: string, index: KnowledgeIndex) => { keys: string[] },
  ) {
    for (const group of kb.synonyms) {
      const [head = "", ...rest] = group.map(normalise);
      for (const word of rest) {
        if (word.includes(" ")) this.phrases.push([new RegExp(`\\b${word}\\b`, "g"), head]);
        else this.synonyms.set(stem(word), stem(head));
      }
    }
    let longest = 1;
    for (const entity of kb.entities.values()) {
      for (const name of [entity.name, ...entity.aliases]) {
        this.aliases.set(compact(name), entity);
        longest = Math.max(longest, tokens(name).length);
        this.learn(name);
      }
    }
    this.longestAlias = longest;

    const faqWords = new Map<string, string[]>();
    const salience = new Map<string, number>();
    for (const faq of kb.faqs) {
      faq.facts.forEach((id, i) => {
        push(faqWords, id, ...faq.questions);
        salience.set(id, (salience.get(id) ?? 0) + (i === 0 ? 1 : 1 - LATER_FACT));
      });
    }
    this.facts = [...kb.facts.values()].map((fact) =>
      this.indexFact(fact, faqWords.get(fact.id) ?? [], salience.get(fact.id) ?? 0),
    );
    const byId = new Map(this.facts.map((f) => [f.fact.id, f]));

    for (const f of this.facts) {
      for (const term of f.bag) push(this.postings, term, f);
      for (const id of f.closure) push(this.byEntity, id, f);
    }
    const n = this.facts.length;
    for (const [term, list] of this.postings) this.idfs.set(term, Math.log(1 + n / list.length));
    for (const [id, list] of this.byEntity) this.idfs.set(entityKey(id), Math.log(1 + n / list.length));
    this.unknownWeight = Math.log(1 + n / 0.5);
    const groups = new Map<string, string[]>();
    for (const word of this.words) {
      if (word.length >= MIN_FUZZY_LENGTH - 1 && !isCjk(word) && !isNumber(word))
        push(groups, fuzzyKey(word), word);
    }
    for (const [key, words] of groups) this.fuzzy.set(key, new Fuse(words, FUZZY_OPTIONS));

    for (const faq of kb.faqs) {
      for (const question of faq.questions) {
        const keys = new Set(analyse(question, this).keys);
        const weight = [...keys].reduce((sum, k) => sum + this.weight(k), 0);
        faq.facts.forEach((id, i) => {
          const phrasings = byId.get(id)?.phrasings as Phrasing[] | undefined;
          phrasings?.push({ keys, weight, strength: i === 0 ? 1 : LATER_FACT });
        });
      }
    }
  }

  private learn(text: string): void {
    for (const word of tokens(text)) this.words.add(word);
  }

  private indexFact(fact: Fact, faqQuestions: string[], salience: number): IndexedFact {
    const source = this.kb.sources.get(fact.source) as Source;
    const closure = new Set<string>();
    const names: string[] = [];
    for (const id of fact.entities) {
      for (let e = this.kb.entities.get(id); e !== undefined && !closure.has(e.id); ) {
        closure.add(e.id);
        names.push(e.name, ...e.aliases);
        e = e.within === undefined ? undefined : this.kb.entities.get(e.within);
      }
    }
    const year = (fact.asOf ?? source.date ?? "").slice(0, 4);
    const extra = [...fact.keywords, ...faqQuestions, ...names, fact.topic, year].join(" ");
    this.learn(`${fact.text} ${extra}`);
    const own = this.terms(fact.text);
    return {
      fact,
      source,
      closure,
      own,
      bag: new Set([...own, ...this.terms(extra)]),
      forms: this.forms(`${fact.text} ${extra}`),
      quantity: fact.figures.some(isCardinal)
        ? "cardinal"
        : fact.figures.some(isOrdinal)
          ? "ordinal"
          : "none",
      dated: fact.asOf !== undefined || fact.figures.some(isDate),
      salience,
      phrasings: [],
    };
  }

  /** The canonical form of one normalised word. */
  term(word: string): string {
    let term = this.termCache.get(word);
    if (term === undefined) {
      const s = stem(word);
      term = this.synonyms.get(s) ?? s;
      this.termCache.set(word, term);
    }
    return term;
  }

  /** Rewrites multi-word synonyms to their group's head word. */
  rewrite(normalised: string): string {
    return this.phrases.reduce((text, [pattern, head]) => text.replace(pattern, head), normalised);
  }

  /** The canonical terms of a text, stop words left out. */
  terms(text: string): Set<string> {
    const words = this.rewrite(normalise(text)).split(" ");
    return new Set(words.filter((w) => w && !STOPWORDS.has(w)).map((w) => this.term(w)));
  }

  /** A word as written, inflection aside; words of a synonym group share their group's form. */
  form(word: string): string {
    return this.synonyms.get(stem(word)) ?? inflection(word);
  }

  private forms(text: string): Set<string> {
    return new Set(
      this.rewrite(normalise(text))
        .split(" ")
        .map((w) => this.form(w)),
    );
  }

  /** A word the knowledge base uses somewhere, as written (normalised). */
  knowsWord(word: string): boolean {
    return this.words.has(word);
  }

  known(term: string): boolean {
    return this.postings.has(term);
  }

  /** How much a term or entity key says: rare ones say more; a term unknown to the knowledge base says most. */
  weight(key: string): number {
    return this.idfs.get(key) ?? this.unknownWeight;
  }

  withTerm(term: string): readonly IndexedFact[] {
    return this.postings.get(term) ?? [];
  }

  aboutEntity(id: string): readonly IndexedFact[] {
    return this.byEntity.get(id) ?? [];
  }

  /**
   * How closely a question's keys match the fact's closest FAQ phrasing: their weighted overlap over
   * their union (a weighted Jaccard), scaled by how strongly that phrasing leads to the fact.
   */
  faqSimilarity(keys: readonly string[], fact: IndexedFact): number {
    const total = keys.reduce((sum, k) => sum + this.weight(k), 0);
    let best = 0;
    for (const p of fact.phrasings) {
      const shared = keys.reduce((sum, k) => (p.keys.has(k) ? sum + this.weight(k) : sum), 0);
      if (shared > 0) best = Math.max(best, (p.strength * shared) / (total + p.weight - shared));
    }
    return best;
  }

  /** The known word a mistyped word most likely stands for, if it is close enough. */
  correct(word: string): string | undefined {
    if (word.length < MIN_FUZZY_LENGTH || isCjk(word) || isNumber(word)) return undefined;
    const limit = allowedTypos(word.length);
    let best: { word: string; distance: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      const group = this.fuzzy.get(fuzzyKey(word, length));
      for (const { item } of group?.search(word, { limit: FUZZY_CANDIDATES }) ?? []) {
        const distance = editDistance(word, item);
        if (distance <= limit && (best === undefined || distance < best.distance))
          best = { word: item, distance };
      }
    }
    return best?.word;
  }
}

/**
 * The group a known word is searched in: its first letter and its length. A typo is looked for only
 * among words that begin alike and are within the allowed edits in length, never the whole vocabulary.
 */
function fuzzyKey(word: string, length = word.length): string {
  return `${word[0]}${length}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, values);
  else list.push(...values);
}
