import { normalise } from "../core/language/text.js";
import type { Answer, Language } from "../core/types.js";

/** Where a question was asked. */
export type Platform = "discord" | "slack" | "terminal";

/** One line of the unanswered log: what was asked, when, where, and what the bot looked at. No ids. */
export interface UnansweredRecord {
  /** Absent on a declined question (lines written before votes existed have no kind either). */
  kind?: "declined";
  /** ISO 8601, UTC. */
  time: string;
  platform: Platform;
  /** The language the question was answered in; absent on older lines. */
  language?: Language;
  /** The question, normalised: lower case, no punctuation, no mentions or ids. */
  text: string;
  /** The ids of the nearest facts the core considered, best first. */
  considered: string[];
  /** For a follow-up: the question it followed, normalised the same way. */
  followed?: string;
}

/** A question the bot answered: which facts and claims it led with, for the most-asked count. No text, no ids of people. */
export interface AnsweredRecord {
  kind: "answered";
  time: string;
  platform: Platform;
  language: Language;
  /** The answer's fact ids, then its claim ids (`factId#n`), lead first. */
  ids: string[];
}

/** Why an answer got 👎: wrong, out of date, or not what was asked. */
export type VoteReason = "wrong" | "stale" | "off";

/** A 👍 or 👎 on an answer: the question, what the answer showed, where. No user or channel id. */
export interface VoteRecord {
  kind: "vote";
  time: string;
  platform: Platform;
  language: Language;
  vote: "up" | "down";
  /**
   * Why, said after a 👎: a record of its own that follows the 👎's record (which has none), so
   * that each 👎 is counted once whether or not a reason is given.
   */
  reason?: VoteReason;
  /** The question the answer answered, normalised as in UnansweredRecord. */
  text: string;
  /** The answer's fact ids, then its claim ids (`factId#n`), lead first. */
  ids: string[];
}

/** Any line of the log (the file, or the Redis stream with REDIS_URL). */
export type LogRecord = UnansweredRecord | AnsweredRecord | VoteRecord;

/**
 * Whether an answer declines a real question the knowledge base could not answer. The core marks
 * those with `considered`; empty input, unknown commands, missing options and over-long text are
 * declined without it, and are not worth a curator's time.
 */
function isUnanswered(answer: Answer<unknown>): boolean {
  return !answer.answered && answer.considered !== undefined;
}

/**
 * The text a curator reads: mentions, channel links and broadcasts (which carry ids) and long
 * digit runs (snowflakes) removed, then normalised.
 */
export function questionText(question: string): string {
  return normalise(question.replace(/<[@#!][^>]*>/g, " ").replace(/\d{15,}/g, " "));
}

/** What an answer showed, as a record names it: its fact ids, then its claim ids (`factId#n`), lead first. */
export function answerIds(answer: Answer<unknown>): string[] {
  return [...new Set([...answer.facts.map((f) => f.id), ...(answer.claims ?? [])])];
}

/** The record of a declined question, for any sink; undefined if the answer does not decline it. */
export function unansweredRecord(
  platform: Platform,
  question: string,
  answer: Answer<unknown>,
  time: Date,
): UnansweredRecord | undefined {
  if (!isUnanswered(answer)) return undefined;
  return {
    time: time.toISOString(),
    platform,
    language: answer.language,
    text: questionText(question),
    considered: [...new Set(answer.considered)],
    ...(answer.followed === undefined ? {} : { followed: questionText(answer.followed) }),
  };
}

/**
 * What the log keeps of an answer: a declined question (see unansweredRecord), or the ids an
 * answer that showed facts led with; undefined for the rest (help, the sources, a usage hint).
 */
export function logRecord(
  platform: Platform,
  question: string,
  answer: Answer<unknown>,
  time: Date,
): LogRecord | undefined {
  if (!answer.answered || answer.facts.length === 0) {
    return unansweredRecord(platform, question, answer, time);
  }
  return {
    kind: "answered",
    time: time.toISOString(),
    platform,
    language: answer.language,
    ids: answerIds(answer),
  };
}

/** The record of a vote: 👍, 👎, or the reason given after a 👎. */
export function voteRecord(
  ballot: Pick<VoteRecord, "platform" | "language" | "text" | "ids">,
  choice: "up" | "down" | VoteReason,
  time: Date,
): VoteRecord {
  const { platform, language, text, ids } = ballot;
  const vote = choice === "up" ? "up" : "down";
  return {
    kind: "vote",
    time: time.toISOString(),
    platform,
    language,
    vote,
    ...(choice === "up" || choice === "down" ? {} : { reason: choice }),
    text,
    ids,
  };
}
