import { createRequire } from "node:module";
import type MiniSearchClass from "minisearch";
import type { KnowledgeBase } from "../knowledge/loader.js";
import type { Fact, Source } from "../knowledge/schema.js";
import { classify } from "../language/answer-type.js";
import { normalise, tokens } from "../language/text.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { Postings, type Scored } from "./postings.js";

/**
 * Every constant of ranking and answering, each with its reason. BM25 itself keeps MiniSearch's
 * defaults (k1 1.2, b 0.7, d 0.5), which suit short documents like these facts.
 */
export const RANKING = Object.freeze({
  /** Field boosts: a fact's own sentence, in either language, says most; its curated FAQ questions next; keywords and names least. */
  boost: { text: 3, zh: 3, questions: 2, keywords: 1.5, names: 1, kinds: 1 },
  /** Share of the question's weight a fact must match to be given as an answer: the one decline threshold. */
  minCoverage: 0.55,
  /** A word matched only through a WordNet synonym is a guess: it earns half its weight. */
  guessCredit: 0.5,
  /** A noun the knowledge base never uses weighs as a term found in one fact: it is likely the point of the question. */
  unknownDocuments: 1,
  /** Companion facts shown beside the best one must score at least this share of its BM25 score. */
  companionShare: 0.8,
  /** Supporting facts under the answer: the lead and at most three more. */
  maxFacts: 3,
  /** Facts that cover the question and are held against its frame, claim by claim, to find the one that answers. */
  maxCandidates: 8,
  /** Words of a comparison's other part, or of a follow-up's earlier question, rank at this boost without being required. */
  contextBoost: 0.5,
});

/** A fact with what answering needs, computed once at load. */
export interface IndexedFact {
  fact: Fact;
  source: Source;
  /** Its entities and everything they sit within. */
  closure: ReadonlySet<string>;
  /** The terms of what it says: its text in either language, its FAQ questions and keywords (not names). */
  terms: ReadonlySet<string>;
  /** The years it holds for or names. */
  years: ReadonlySet<string>;
  /** The terms of its own sentence, in either language: what it counts is named there. */
  own: ReadonlySet<string>;
}

export interface Ranked {
  indexed: IndexedFact;
  /** BM25 over the boosted fields. */
  score: number;
  /** Query terms it matched, and in which fields. */
  match: Readonly<Record<string, string[]>>;
}

interface FactDocument {
  id: string;
  text: string;
  zh: string;
  questions: string;
  keywords: string;
  names: string;
  kinds: string;
}

const FIELDS = ["text", "zh", "questions", "keywords", "names", "kinds"] as const;
/** The fields that say what a fact is about; names and answer kinds only help to rank. */
const CONTENT = ["text", "zh", "questions", "keywords"] as const;
const YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * The index as the knowledge cache keeps it: the facts as indexed, and as UTF-8 text, decoded only
 * when a question first needs them, the words typos are corrected to and the postings (see Postings).
 * Kept as bytes, they cost a start that never asks for them (a command) one copy.
 */
export interface SavedIndex {
  facts: readonly IndexedFact[];
  /** The typo words, space-separated, then a newline, then the postings. */
  text: Uint8Array;
}

/** What the index reads from its text: built with the index, or parsed from the cache on first need. */
interface Terms {
  words: readonly string[];
  postings: Postings;
}

/**
 * MiniSearch builds the index and its postings; a start from the knowledge cache never needs it,
 * so it is loaded (its CommonJS build) only then, and stays off the start path.
 */
const loadMiniSearch = () => createRequire(import.meta.url)("minisearch") as typeof MiniSearchClass;

/** The pseudo-term that marks a fact as the curated answer to questions of one answer type. */
export function kindTerm(type: string): string {
  return `kind:${type.replace(" ", "-")}`;
}

/** The facts, their BM25 postings (from MiniSearch) and their term weights, built once at load. */
export class FactIndex {
  readonly facts: readonly IndexedFact[];
  private readonly byEntity = new Map<string, IndexedFact[]>();
  private readonly terms: () => Terms;

  /** Built from the knowledge base, or restored from the index saved with it. */
  constructor(
    readonly kb: KnowledgeBase,
    private readonly vocabulary: Vocabulary,
    saved?: SavedIndex,
  ) {
    if (saved === undefined) {
      const built = this.build();
      this.facts = built.facts;
      this.terms = () => built;
    } else {
      this.facts = saved.facts;
      let terms: Terms | undefined;
      this.terms = () => (terms ??= readTerms(new TextDecoder().decode(saved.text)));
    }
    for (const indexed of this.facts) {
      for (const id of indexed.closure) this.byEntity.set(id, [...(this.byEntity.get(id) ?? []), indexed]);
    }
    vocabulary.learn(
      (term) => this.known(term),
      () => this.terms().words,
    );
  }

  private get postings(): Postings {
    return this.terms().postings;
  }

  /** Reads every fact, its FAQ phrasings, keywords and names, and indexes them with MiniSearch. */
  private build(): Terms & { facts: IndexedFact[] } {
    const { kb, vocabulary } = this;
    const faqQuestions = new Map<string, string[]>();
    for (const faq of kb.faqs) {
      const questions = [...faq.questions, ...(kb.zh.faqs.get(faq.id) ?? [])];
      for (const id of faq.facts) faqQuestions.set(id, [...(faqQuestions.get(id) ?? []), ...questions]);
    }
    const documents: FactDocument[] = [];
    const facts: IndexedFact[] = [];
    const documentFrequency = new Map<string, number>();
    for (const fact of kb.facts.values()) {
      const source = kb.sources.get(fact.source) as Source;
      const closure = new Set<string>();
      const names: string[] = [];
      for (const id of fact.entities) {
        for (let e = kb.entities.get(id); e !== undefined && !closure.has(e.id); ) {
          closure.add(e.id);
          names.push(e.name, ...e.aliases, kb.zh.entities.get(e.id)?.name ?? "");
          e = e.within === undefined ? undefined : kb.entities.get(e.within);
        }
      }
      const questions = faqQuestions.get(fact.id) ?? [];
      const zh = kb.zh.facts.get(fact.id) ?? "";
      const document: FactDocument = {
        id: fact.id,
        text: this.termsOf(fact.text),
        zh: this.termsOf(zh),
        questions: this.termsOf(questions.join(" \n ")),
        keywords: this.termsOf(fact.keywords.join(" ")),
        names: this.termsOf(names.join(" ")),
        kinds: questions
          .map((q) => kindTerm(classify(vocabulary.grammar.answers, normalise(q), vocabulary.read(q).cues)))
          .join(" "),
      };
      documents.push(document);
      const every = new Set(FIELDS.flatMap((f) => document[f].split(" ").filter(Boolean)));
      for (const term of every) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      const terms = new Set(CONTENT.flatMap((f) => document[f].split(" ").filter(Boolean)));
      const dated = fact.asOf ?? source.date ?? String(source.estimatedYear);
      const years = new Set([
        dated.slice(0, 4),
        ...Array.from(`${fact.text} ${zh}`.matchAll(YEAR), (m) => m[0]),
      ]);
      const own = new Set(`${document.text} ${document.zh}`.split(" ").filter(Boolean));
      facts.push({ fact, source, closure, terms, years, own });
    }
    const texts = [...kb.facts.values()].flatMap((f) => [f.text, ...f.keywords]);
    const names = [...kb.entities.values()].flatMap((e) => [e.name, ...e.aliases]);
    const questions = kb.faqs.flatMap((q) => q.questions);
    const MiniSearch = loadMiniSearch();
    const engine = new MiniSearch<FactDocument>({
      fields: [...FIELDS],
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term || null,
      searchOptions: { boost: RANKING.boost, combineWith: "OR" },
    });
    engine.addAll(documents);
    return {
      facts,
      postings: Postings.fromEngine(engine, documentFrequency),
      words: [...new Set(tokens([...texts, ...names, ...questions].join(" ")))],
    };
  }

  /** The index, for the knowledge cache. */
  saved(): SavedIndex {
    const { words, postings } = this.terms();
    return { facts: this.facts, text: new TextEncoder().encode(`${words.join(" ")}\n${postings.saved()}`) };
  }

  /** A text's canonical terms, space-separated, as the index stores them. */
  private termsOf(text: string): string {
    return this.vocabulary
      .read(text, { namesAsWords: true })
      .terms.map((t) => t.term)
      .join(" ");
  }

  aboutEntity(id: string): readonly IndexedFact[] {
    return this.byEntity.get(id) ?? [];
  }

  /** The facts about every one of these entities (or about what they sit in). */
  about(ids: readonly string[]): IndexedFact[] {
    const [first = [], ...rest] = ids.map((id) => this.aboutEntity(id)).sort((a, b) => a.length - b.length);
    return first.filter((f) => rest.every((list) => list.includes(f)));
  }

  /** How much finding a term says: its inverse document frequency; a term no fact has weighs as a rare one. */
  weight(term: string): number {
    const n = this.facts.length;
    const df = this.postings.documentFrequency(term) ?? RANKING.unknownDocuments;
    return Math.log(1 + n / df);
  }

  known(term: string): boolean {
    return this.postings.documentFrequency(term) !== undefined;
  }

  /**
   * BM25 over the boosted fields for these terms, among the given facts only; context terms rank
   * at a lower boost. Best first; facts matching no term at all come last with score 0.
   */
  rank(terms: readonly string[], among: readonly IndexedFact[], context: readonly string[] = []): Ranked[] {
    const results = this.search(terms, context);
    // Only the facts that match some term need sorting; the rest follow in the order given.
    const matching: Ranked[] = [];
    const rest: Ranked[] = [];
    for (const indexed of among) {
      const r = results.get(indexed.fact.id);
      if (r === undefined) rest.push({ indexed, score: 0, match: {} });
      else matching.push({ indexed, score: r.score, match: r.match });
    }
    return [...matching.sort((a, b) => b.score - a.score), ...rest];
  }

  /**
   * BM25 over every fact for these terms, by fact id: MiniSearch's score for each term, summed,
   * context terms at their boost, times how many of the terms a fact matches (as MiniSearch itself
   * combines the terms of a query). Each term's results are kept, so a question costs lookups.
   */
  private search(terms: readonly string[], context: readonly string[]): ReadonlyMap<string, Scored> {
    const results = new Map<string, Scored & { matched: number }>();
    const add = (term: string, boost: number) => {
      for (const [id, r] of this.postings.results(term)) {
        const found = results.get(id) ?? { score: 0, match: {}, matched: 0 };
        found.score += boost * r.score;
        found.match = { ...found.match, ...r.match };
        found.matched += 1;
        results.set(id, found);
      }
    };
    for (const term of new Set(terms)) add(term, 1);
    for (const term of new Set(context)) add(term, RANKING.contextBoost);
    for (const found of results.values()) found.score *= found.matched;
    return results;
  }
}

function readTerms(text: string): Terms {
  const newline = text.indexOf("\n");
  const words = text.slice(0, newline);
  return {
    words: words === "" ? [] : words.split(" "),
    postings: Postings.fromSaved(text.slice(newline + 1)),
  };
}
