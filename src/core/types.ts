import type { EntityKind, Topic } from "./knowledge/schema.js";

/** A source as an answer cites it. */
export interface CitedSource {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  /** The article's own date (YYYY-MM-DD), or null when it is undated. */
  date: string | null;
  /** "published 2017-09-06, 9 years ago" or "undated (about 2025)". */
  age: string;
  /** The article's own address, when the article names it. */
  url?: string;
}

export type Language = "en" | "zh";

/** A fact as an answer uses it. */
export interface AnswerFact {
  id: string;
  text: string;
  topic: Topic;
  sourceId: string;
  /** When the figure holds, in words: "as of July 2017", or "undated article, about 2025". The text already says it where it matters: renderers show `text` alone. */
  asOf: string;
}

/**
 * What the core returns for every question or card, its follow-ups as references to entities (and
 * topics); the command layer turns them into commands (`FollowUp`) for the adapters to render.
 * `answered` is false for a decline: the knowledge base does not hold the answer.
 */
export interface Answer<FollowUp = Reference> {
  answered: boolean;
  /** The language it is written in: the asker's. */
  language: Language;
  /** Answers too: "Guangzhou: 2,515 talent green cards (2017)", never a bare topic label. */
  title: string;
  /** The sentence that answers, with its figure and date stated once; or why it declines. */
  body: string;
  facts: AnswerFact[];
  sources: CitedSource[];
  /** How old the figures are; empty when the answer states no figure. */
  ageNote: string;
  /** The claims its headline states, as `factId#n` (n: the claim's place in its fact's `claims`), lead first. */
  claims?: string[];
  /** For a follow-up that carried the conversation over: the question it followed, as asked. */
  followed?: string;
  /** For a card: what more there is, by topic, each one follow-up away (labels like "talent clubs (5)"). */
  more?: FollowUp[];
  /** Follow-ups the bot can answer: the entities it touched that have a card of their own. */
  suggestions: FollowUp[];
  /** Confidence from 0 to 1. */
  score: number;
  /**
   * Present exactly when a real question is declined because the knowledge base does not hold the
   * answer (not for empty input, unknown commands, missing options or over-long text): the ids of
   * the nearest facts it considered, possibly none. Curators read these in the unanswered log.
   */
  considered?: string[];
  /** What a follow-up in the same conversation may build on; absent when there is nothing to carry. */
  context?: ConversationContext;
}

/**
 * What a conversation remembers from its last turn, so that "and Shenzhen?" or "when was it
 * issued?" can be read in its light. Plain JSON: the ops layer stores it (in memory or in Redis)
 * without looking inside.
 */
export interface ConversationContext {
  /** Ids of the entities the last turn was about. */
  entities: string[];
  /** The property of the claim the last answer led with, which "and Shenzhen?" asks again of another subject. */
  property?: string;
  /** The id of the subject of the claim the last answer led with, which "academicians?" asks of again. */
  subject?: string;
  /** The id of the claim the last answer led with (`factId#n`), whose time "when?" asks. */
  claim?: string;
  /** The id of the entity the last answer gave as its value (the mayor, the founder), whom "he" or "she" may mean. */
  named?: string;
  /** The years the last question asked about, which a turn naming no other keeps ("and Shenzhen?"). */
  years?: string[];
  /** The kind of answer the last question asked for ("count", "date", …). */
  asks: string;
  /** The attribute words of the last question, without its entities. */
  terms: string[];
  /** The language the conversation is in. */
  language: Language;
  /** Ids of the facts the last answer showed, so that "more" goes on from there. */
  shown: string[];
  /** The last question as asked, which a follow-up's answer names. */
  question: string;
}

/** A follow-up as the core offers it: an entity's card, or one topic of it. The command layer names the command. */
export interface Reference {
  /** The entity's id. */
  entity: string;
  topic?: Topic;
  /** What a button shows, when not the command line itself (a card's topic, say). */
  label?: string;
}

/** An entity offered for autocomplete. */
export interface EntityChoice {
  id: string;
  name: string;
  kind: EntityKind;
}
