import type { EnglishGrammar } from "../knowledge/grammar-schema.js";
import { inflection } from "./text.js";

/** How much a word says of what a question is about, from the grammar's lists. */
export interface WordWeights {
  /**
   * Words that carry no subject of their own in a question: function words, question words,
   * politeness and chat filler. They neither count for nor against a fact.
   */
  stopwords: ReadonlySet<string>;
  /**
   * Common verbs and nouns that rarely say what a question is about ("bring", "work", "year"), in
   * any inflection. They do not count against a fact that lacks them, and count a little for one that has them.
   */
  isLight(word: string): boolean;
  /** Words that open a noun phrase ("the", "what", "their"): a form in -ing after one names a thing. */
  determiners: ReadonlySet<string>;
  /** Whether a word is a name, not the pronoun it is spelt as, after the word before it: "us" in "a us green card". */
  namesAfter(word: string, before: string | undefined): boolean;
}

export function wordWeights(en: EnglishGrammar): WordWeights {
  const light: ReadonlySet<string> = new Set(en.light.map(inflection));
  const articles: ReadonlySet<string> = new Set(en.articles);
  const names: ReadonlySet<string> = new Set(en.namesAfterArticle);
  return {
    stopwords: new Set(en.stopwords),
    isLight: (word) => light.has(inflection(word)),
    determiners: new Set(en.determiners),
    namesAfter: (word, before) => names.has(word) && articles.has(before ?? ""),
  };
}
