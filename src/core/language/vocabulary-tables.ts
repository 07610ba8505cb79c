import type { KnowledgeBase } from "../knowledge/loader.js";
import type { Entity } from "../knowledge/schema.js";
import type { Grammar } from "./grammar.js";
import { lemma } from "./lemma.js";
import { compact, isCjk, normalise } from "./text.js";

export interface Phrase {
  terms: string[];
  /** From WordNet (such as "come to"): it only ranks, since it is mostly a verb and its particle. */
  guessed: boolean;
}

/**
 * The phrases that begin with some lemmas, as a tree: the phrase those lemmas spell, if any, and
 * by each lemma that goes on one, the phrases that begin with it too. A reader walks it word by
 * word, with no phrase text to build and look up.
 */
export interface PhraseNode {
  phrase: Phrase | undefined;
  next: Map<string, PhraseNode>;
}

/**
 * What a vocabulary derives from the knowledge base before it reads anything: names, synonyms,
 * phrases and the Chinese lexicon, each brought to canonical terms (lemmas). Built once from the
 * knowledge base, then saved with it in the knowledge cache.
 */
export interface VocabularyTables {
  /** Compact alias → entity. */
  aliases: Map<string, Entity>;
  /** The most words an alias has. */
  longestAlias: number;
  /** Lemma → the head lemma of its synonym group. */
  synonyms: Map<string, string>;
  /** Every curated phrase, by its lemmas, with the terms it stands for. */
  phrases: PhraseNode;
  /** Chinese word → the English terms, or the question cue, it stands for. */
  chinese: Map<string, { terms: string[] } | { cue: string }>;
  /** The Chinese words of each question cue, to find them inside longer words. */
  cueWords: Map<string, string[]>;
}

export function buildTables(
  kb: KnowledgeBase,
  { stopwords, cueHeads }: Pick<Grammar, "stopwords" | "cueHeads">,
): VocabularyTables {
  const tables: VocabularyTables = {
    aliases: new Map(),
    longestAlias: 1,
    synonyms: new Map(),
    phrases: { phrase: undefined, next: new Map() },
    chinese: new Map(),
    cueWords: new Map(),
  };
  const { aliases, synonyms, chinese, cueWords } = tables;
  for (const entity of kb.entities.values()) {
    for (const name of [entity.name, ...entity.aliases, kb.zh.entities.get(entity.id)?.name ?? ""]) {
      const key = compact(name);
      if (key === "" || aliases.has(key)) continue;
      aliases.set(key, entity);
      tables.longestAlias = Math.max(tables.longestAlias, normalise(name).split(" ").length);
    }
  }
  const phraseTerms = (phrase: string): string[] =>
    phrase
      .split(" ")
      .filter((w) => w && !stopwords.has(w))
      .map((w) => synonyms.get(lemma(w)) ?? lemma(w));
  for (const group of kb.synonyms) {
    const [head = "", ...rest] = group.map((w) => normalise(w));
    const headTerms = phraseTerms(head);
    for (const word of [head, ...rest]) {
      if (isCjk(word)) chinese.set(word, { terms: headTerms });
      else if (word.includes(" ")) addPhrase(tables, word.split(" ").map(lemma), headTerms, false);
      else if (headTerms.length === 1 && word !== head) synonyms.set(lemma(word), headTerms[0] as string);
      else if (word !== head) addPhrase(tables, word.split(" ").map(lemma), headTerms, false);
    }
  }
  for (const [wordOrPhrase, target] of kb.wordnet) {
    if (wordOrPhrase.includes(" "))
      addPhrase(tables, wordOrPhrase.split(" ").map(lemma), [synonyms.get(target) ?? target], true);
  }
  for (const [head = "", ...words] of kb.lexicon) {
    const meaning = cueHeads.has(head) ? { cue: head } : { terms: phraseTerms(normalise(head)) };
    if (cueHeads.has(head))
      cueWords.set(
        head,
        words.filter((w) => w.length >= 2),
      );
    for (const word of words) if (!chinese.has(word)) chinese.set(word, meaning);
  }
  return tables;
}

/** A phrase, as lemmas, standing for these terms; the first reading of a phrase wins. */
function addPhrase(tables: VocabularyTables, words: string[], terms: string[], guessed: boolean): void {
  let node = tables.phrases;
  for (const word of words) {
    let next = node.next.get(word);
    if (next === undefined) {
      next = { phrase: undefined, next: new Map() };
      node.next.set(word, next);
    }
    node = next;
  }
  node.phrase ??= { terms, guessed };
}
