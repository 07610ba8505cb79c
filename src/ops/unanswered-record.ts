import { normalise } from "../core/text.js";
import type { Answer } from "../core/types.js";

/** Where a question was asked. */
export type Platform = "discord" | "slack" | "terminal";

/** One line of the unanswered log: what was asked, when, where, and what the bot looked at. No ids. */
export interface UnansweredRecord {
  /** ISO 8601, UTC. */
  time: string;
  platform: Platform;
  /** The question, normalised: lower case, no punctuation, no mentions or ids. */
  text: string;
  /** The ids of the nearest facts the core considered, best first. */
  considered: string[];
}

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
    text: questionText(question),
    considered: [...new Set(answer.considered)],
  };
}
