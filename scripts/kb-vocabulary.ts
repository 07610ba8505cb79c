import type { KnowledgeBase } from "../src/core/knowledge/loader.js";
import { lemma } from "../src/core/language/lemma.js";

/** The knowledge base's own words, as lemmas, with how often each is used. */
export interface Vocabulary {
  /** Occurrences of each lemma in fact texts, fact keywords and FAQ questions together. */
  readonly occurrences: ReadonlyMap<string, number>;
  /** How many facts (text or keywords) use each lemma at least once. */
  readonly factCounts: ReadonlyMap<string, number>;
  readonly factTotal: number;
}

/** English words of a text, lower-cased: everything but Latin letters separates them. */
export function englishWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

function lemmas(texts: readonly string[]): string[] {
  return texts.flatMap(englishWords).map(lemma);
}

export function vocabulary(kb: KnowledgeBase): Vocabulary {
  const occurrences = new Map<string, number>();
  const factCounts = new Map<string, number>();
  const count = (map: Map<string, number>, word: string) => map.set(word, (map.get(word) ?? 0) + 1);
  for (const fact of kb.facts.values()) {
    const words = lemmas([fact.text, ...fact.keywords]);
    for (const word of words) count(occurrences, word);
    for (const word of new Set(words)) count(factCounts, word);
  }
  for (const faq of kb.faqs) for (const word of lemmas(faq.questions)) count(occurrences, word);
  return { occurrences, factCounts, factTotal: kb.facts.size };
}
