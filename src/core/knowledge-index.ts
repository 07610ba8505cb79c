import Fuse, { type IFuseOptions } from "fuse.js";
import type { KnowledgeBase } from "./loader.js";
import type { Entity, Fact, Source } from "./schema.js";
import { STOPWORDS } from "./stopwords.js";
import { compact, editDistance, isCjk, normalise, stem, tokens } from "./text.js";

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
}

/** A typo-tolerant match of one query word. */
export type FuzzyHit = { kind: "entity"; entity: Entity } | { kind: "term"; term: string };

/** Frozen fuse.js options for matching one mistyped word against known words and names. */
const FUZZY_OPTIONS: Readonly<IFuseOptions<FuzzyEntry>> = {
  keys: ["word"],
  includeScore: true,
  threshold: 0.34,
  ignoreLocation: true,
  minMatchCharLength: 3,
};
const FUZZY_CANDIDATES = 8;
const MIN_FUZZY_LENGTH = 5;

interface FuzzyEntry {
  word: string;
  hit: FuzzyHit;
}

/** Edit distance a word of this length may have from the known word it is taken for. */
function allowedTypos(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * Everything derived from the knowledge base that answering needs, built once at load:
 * canonical terms, the inverted index, term weights, entity names, and the fuzzy index.
 */
export class KnowledgeIndex {
  readonly facts: readonly IndexedFact[];
  readonly byId: ReadonlyMap<string, IndexedFact>;
  /** Compact alias → entity. */
  readonly aliases = new Map<string, Entity>();
  /** The most words any alias has. */
  readonly longestAlias: number;
  private readonly synonyms = new Map<string, string>();
  private readonly phrases: [RegExp, string][] = [];
  private readonly postings = new Map<string, IndexedFact[]>();
  private readonly byEntity = new Map<string, IndexedFact[]>();
  private readonly idfs = new Map<string, number>();
  private readonly fuzzy: Fuse<FuzzyEntry>;
  readonly unknownWeight: number;

  constructor(readonly kb: KnowledgeBase) {
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
      }
    }
    this.longestAlias = longest;

    const faqWords = new Map<string, string[]>();
    for (const faq of kb.faqs) {
      for (const id of faq.facts) faqWords.set(id, [...(faqWords.get(id) ?? []), ...faq.questions]);
    }
    this.facts = [...kb.facts.values()].map((fact) => this.indexFact(fact, faqWords.get(fact.id) ?? []));
    this.byId = new Map(this.facts.map((f) => [f.fact.id, f]));

    for (const f of this.facts) {
      for (const term of f.bag) push(this.postings, term, f);
      for (const id of f.closure) push(this.byEntity, id, f);
    }
    const n = this.facts.length;
    for (const [term, list] of this.postings) this.idfs.set(term, Math.log(1 + n / list.length));
    this.unknownWeight = Math.log(1 + n / 0.5);

    const entries: FuzzyEntry[] = [];
    for (const [word, entity] of this.aliases) {
      if (!isCjk(word) && word.length >= MIN_FUZZY_LENGTH - 1)
        entries.push({ word, hit: { kind: "entity", entity } });
    }
    const seen = new Set<string>();
    for (const f of this.facts) {
      for (const word of tokens(`${f.fact.text} ${f.fact.keywords.join(" ")}`)) {
        if (
          word.length < MIN_FUZZY_LENGTH - 1 ||
          seen.has(word) ||
          STOPWORDS.has(word) ||
          this.aliases.has(word)
        )
          continue;
        seen.add(word);
        entries.push({ word, hit: { kind: "term", term: this.term(word) } });
      }
    }
    this.fuzzy = new Fuse(entries, FUZZY_OPTIONS);
  }

  private indexFact(fact: Fact, faqQuestions: string[]): IndexedFact {
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
    const own = this.terms(fact.text);
    const bag = new Set([
      ...own,
      ...this.terms([...fact.keywords, ...faqQuestions, ...names, fact.topic, year].join(" ")),
    ]);
    return { fact, source, closure, bag, own };
  }

  /** The canonical form of one normalised word. */
  term(word: string): string {
    const s = stem(word);
    return this.synonyms.get(s) ?? s;
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

  known(term: string): boolean {
    return this.postings.has(term);
  }

  /** How much a term says: rare terms say more; a term unknown to the knowledge base says most. */
  weight(term: string): number {
    return this.idfs.get(term) ?? this.unknownWeight;
  }

  withTerm(term: string): readonly IndexedFact[] {
    return this.postings.get(term) ?? [];
  }

  aboutEntity(id: string): readonly IndexedFact[] {
    return this.byEntity.get(id) ?? [];
  }

  /** The known name or word a mistyped word most likely stands for, if it is close enough. */
  correct(word: string): FuzzyHit | undefined {
    if (word.length < MIN_FUZZY_LENGTH || isCjk(word)) return undefined;
    const limit = allowedTypos(word.length);
    let best: { hit: FuzzyHit; distance: number } | undefined;
    for (const { item } of this.fuzzy.search(word, { limit: FUZZY_CANDIDATES })) {
      const distance = editDistance(word, item.word);
      const better =
        best === undefined ||
        distance < best.distance ||
        (distance === best.distance && item.hit.kind === "entity" && best.hit.kind === "term");
      if (distance <= limit && better) best = { hit: item.hit, distance };
    }
    return best?.hit;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
