import type { ConversationContext, Language } from "../core/types.js";
import type { LogRecord, Platform } from "./unanswered-record.js";

/*
 * What ops keeps outside a single answer, one small interface each, and the platform connections
 * it shuts down. The rate limit, declined questions, conversations and deliveries each have an
 * implementation in this process's memory (or, for declined questions, a file) and one in Redis,
 * shared by every instance; createDesk picks by REDIS_URL. None of them ever throws at the desk:
 * the Redis ones fall back to memory while Redis does not answer.
 */

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Milliseconds until the next question would be allowed. */
      retryAfterMs: number;
      /** True for the first refusal in this person's current window: tell them once. */
      first: boolean;
    };

/** The per-person rate limit. */
export interface RateLimiter {
  /** Counts a question for this person (a platform and user id), or says how long to wait. */
  take(key: string): Promise<Verdict>;
}

/**
 * Where the log's records go (declined and answered questions, votes): the unanswered log file, or
 * the shared Redis stream.
 */
export interface UnansweredSink {
  /** Keeps the record; never throws and never waits. */
  record(record: LogRecord): void;
  /** Writes out what waits in memory: at once for the file, asynchronously for a Redis stream. */
  flush(): void | Promise<void>;
}

/**
 * Where each conversation's context is kept between turns, by a key the adapter gives (a DM, a
 * thread, a channel and a person). A store that cannot be reached reads as empty.
 */
export interface Conversations {
  get(key: string): Promise<ConversationContext | undefined>;
  set(key: string, context: ConversationContext): Promise<void>;
}

/**
 * Which deliveries (a Slack event, command or button, by its id) some instance has taken on. A
 * platform may deliver the same one again; only the first claim answers it, and a claim whose
 * answer never went out lapses, so that a later redelivery is answered after all.
 */
export interface Deliveries {
  /** True if no one holds a claim on this delivery or has answered it: the caller answers it. */
  claim(id: string): Promise<boolean>;
  /** Marks the delivery answered, for as long as redeliveries may come. */
  answered(id: string): Promise<void>;
  /** Gives up this process's claim on a delivery it did not answer, so that a redelivery is answered. */
  release(id: string): Promise<void>;
}

/** What a vote on an answer records: where it was asked, in which language, the question and what it showed. No ids of people. */
export interface Ballot {
  platform: Platform;
  language: Language;
  /** The question, normalised as the log keeps it. */
  text: string;
  /** The answer's fact ids, then its claim ids, lead first. */
  ids: string[];
}

/**
 * The ballots of answers that carry 👍/👎 buttons, each behind a short token the buttons carry (a
 * Discord button holds 100 characters), and who has voted on which: kept so that a button still
 * works after the conversation moved on, and takes one vote per person.
 */
export interface Ballots {
  /** Keeps the ballot; resolves with its token. */
  keep(ballot: Ballot): Promise<string>;
  /** The ballot a token stands for; undefined once it is forgotten. */
  find(token: string): Promise<Ballot | undefined>;
  /** True the first time this key (a hash of a person and a ballot, never the person's id) is taken. */
  once(key: string): Promise<boolean>;
}

/** A running platform connection that can be shut down cleanly. */
export interface Service {
  /**
   * Stops the platform handing this process new work, where it would hand it to another instance
   * instead (Slack's Socket Mode); called before the answers in flight are drained.
   */
  stopTaking?(): Promise<void>;
  stop(): Promise<void>;
  /** Posts plain text, pinging no one, to a channel (the curators' digest); absent where this process holds no client. */
  post?(channel: string, text: string): Promise<void>;
}
