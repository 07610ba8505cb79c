import { createRequire } from "node:module";
import type MiniSearchClass from "minisearch";
import type { KnowledgeBase } from "../knowledge/loader.js";
import type { Fact, Source } from "../knowledge/schema.js";
import { classify } from "../language/answer-type.js";
import { normalise, tokens } from "../language/text.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { Postings } from "./postings.js";
import { type PostingsByPlace, type Resolved, type Scored, type ScoredTerm, Scoring } from "./scoring.js";

/**
 * Every constant of ranking and answering, each with its reason. BM25 itself keeps MiniSearch's
 * defaults (k1 1.2, b 0.7, d 0.5), which suit short documents like these facts.
 */
export const RANKING = Object.freeze({
  /** Field boosts: a fact's own sentence, in either language, says most; its curated FAQ questions next; keywords and names least. */
  boost: { text: 3, zh: 3, questions: 2, keywords: 1.5, names: 1, kinds: 1 },
  /** Share of the question's weight a fact must match to be given as an answer: the one decline threshold. */
  minCoverage: 0.55,
  /**
   * A question that names nothing is about a fact only if the fact holds this share of the weight
   * of all its words, light ones too: its nouns alone may be one stray word ("returnee" in "who is
   * the richest returnee", "letter" in "help me write a cover letter").
   */
  minWholeCoverage: 0.4,
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

/** A term a fact holds, and in which fields. */
export interface Matched {
  term: string;
  fields: readonly string[];
}

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
  /** The question's terms it matched, each with the fields it holds it in (a term and a context term alike count): for `--explain`, made when asked. */
  match: () => readonly Matched[];
  /** Its place among the facts, which breaks ties. */
  order: number;
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

/** The postings of a term no fact holds. */
const UNREACHED: PostingsByPlace = { list: [], at: [] };

/** The facts, their BM25 postings (from MiniSearch) and their term weights, built once at load. */
export class FactIndex implements Scored {
  readonly facts: readonly IndexedFact[];
  private readonly byEntity = new Map<string, IndexedFact[]>();
  /** The places of the facts about each entity, in the knowledge base's order. */
  private readonly placesByEntity = new Map<string, number[]>();
  /** The postings of the terms questions have used (only the knowledge base's own terms have any). */
  private readonly resolved = new Map<string, PostingsByPlace>();
  /** The weights of the terms questions have used. */
  private readonly weights = new Map<string, number>();
  /** Each fact's place in the knowledge base's order, by id. */
  private readonly order = new Map<string, number>();
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
    this.facts.forEach((indexed, position) => {
      this.order.set(indexed.fact.id, position);
      for (const id of indexed.closure) {
        const about = this.byEntity.get(id);
        if (about === undefined) {
          this.byEntity.set(id, [indexed]);
          this.placesByEntity.set(id, [position]);
        } else {
          about.push(indexed);
          this.placesByEntity.get(id)?.push(position);
        }
      }
    });
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

  placesAbout(id: string): readonly number[] {
    return this.placesByEntity.get(id) ?? [];
  }

  /** The facts about every one of these entities (or about what they sit in). */
  about(ids: readonly string[]): IndexedFact[] {
    const [first = []] = ids.map((id) => this.aboutEntity(id)).sort((a, b) => a.length - b.length);
    return first.filter((f) => ids.every((id) => f.closure.has(id)));
  }

  /** How much finding a term says: its inverse document frequency; a term no fact has weighs as a rare one. */
  weight(term: string): number {
    const known = this.weights.get(term);
    if (known !== undefined) return known;
    const df = this.postings.documentFrequency(term);
    const weight = Math.log(1 + this.facts.length / (df ?? RANKING.unknownDocuments));
    // Only the knowledge base's own terms are kept: a question's unknown words never grow the map.
    if (df !== undefined) this.weights.set(term, weight);
    return weight;
  }

  known(term: string): boolean {
    return this.postings.documentFrequency(term) !== undefined;
  }

  /** Whether exactly one fact has a term: a question naming it asks about that fact's matter. */
  once(term: string): boolean {
    return this.postings.documentFrequency(term) === 1;
  }

  /** The facts among these that the terms reach, best first (see score). */
  rank(terms: readonly string[], among: readonly IndexedFact[]): Ranked[] {
    const inside = new Set(among);
    return this.score(terms)
      .about([])
      .filter((r) => inside.has(r.indexed));
  }

  /** A term's postings by the place of their fact, resolved on its first question. */
  postingsOf(term: string): PostingsByPlace {
    const known = this.resolved.get(term);
    if (known !== undefined) return known;
    const results = this.postings.results(term);
    // Only the knowledge base's own terms are kept: a question's unknown words never grow the map.
    if (results.length === 0) return UNREACHED;
    const list: Resolved[] = [];
    // Filled only at the places reached: V8 keeps it a plain array while the facts are few, and
    // a sparse one for a rare term among many thousands, so it takes room by the postings.
    const at: (Resolved | undefined)[] = [];
    for (const p of results) {
      const order = this.order.get(p.id) ?? -1;
      const indexed = this.facts[order];
      if (indexed === undefined) continue;
      const resolved = { term, fields: p.fields, score: p.score, indexed, order };
      list.push(resolved);
      at[order] = resolved;
    }
    const resolved = { list, at };
    this.resolved.set(term, resolved);
    return resolved;
  }

  /**
   * BM25 over the boosted fields for these terms, context terms at their boost, of the facts they
   * reach that are about every entity given (or what it sits in): see Scoring.
   */
  score(terms: readonly string[], context: readonly string[] = [], about: readonly string[] = []): Scoring {
    const scored: ScoredTerm[] = [];
    for (const term of new Set(terms)) scored.push({ postings: this.postingsOf(term), boost: 1 });
    for (const term of new Set(context))
      scored.push({ postings: this.postingsOf(term), boost: RANKING.contextBoost });
    return new Scoring(this, scored, about);
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
