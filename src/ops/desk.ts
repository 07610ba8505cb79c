import { createHash } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import type { Reply as Answer } from "../../commands/index.js";
import { detectLanguage } from "../core/language/detect.js";
import type { ConversationContext, Language } from "../core/types.js";
import type { Logger } from "../log.js";
import { MemoryBallots } from "./ballots.js";
import { MemoryConversations } from "./conversations.js";
import { MemoryDeliveries } from "./deliveries.js";
import { notices } from "./notices.js";
import type { Ballots, Conversations, Deliveries, RateLimiter, UnansweredSink } from "./ports.js";
import { ThrottledWarning } from "./throttled-warning.js";
import {
  answerIds,
  logRecord,
  type Platform,
  questionText,
  type VoteReason,
  voteRecord,
} from "./unanswered-record.js";

/** One question or command as an adapter receives it. */
export interface Request {
  platform: Platform;
  /** The asker's id on the platform: the rate limit's key. It is never logged or recorded. */
  user: string;
  /**
   * What was asked: the question itself, or the line of a command that is not a question; recorded
   * if it is declined, so the adapter drops the command syntax of a question (see askedText).
   */
  text: string;
  /** The platform shows an error unless some reply comes (a Discord interaction). */
  mustReply: boolean;
  /** Which handler took it, for the logs: "slash command", "mention", "direct message"… */
  surface: string;
  /**
   * The conversation it belongs to (a DM, a thread, a channel and a person), whose context the
   * answer may build on; absent for a one-off request. It holds ids, so it is never logged.
   */
  conversation?: string;
  /**
   * The id the platform keeps when it delivers the same request again (a Slack event's event_id, a
   * command's trigger_id): such a request is answered once, by whichever instance claims it first.
   */
  delivery?: string;
}

/** Where a request came from, as its log lines say. */
type Where = { platform: Platform; surface: string };

/** The desk's notices in the language the request was asked in. */
function noticesFor(request: Request) {
  return notices[detectLanguage(request.text)];
}

/** Answers a request, given what its conversation carried over from the last turn. */
export type Run = (context: ConversationContext | undefined) => Answer;

/**
 * What the adapter is asked to send: a rendered answer (with the token its 👍/👎 buttons carry,
 * when it takes votes), one of the bot's short notices, or word that the bot is too busy to answer
 * now, which each platform words in its own messages module.
 */
export type Reply =
  | { kind: "answer"; answer: Answer; ballot?: string }
  | { kind: "notice"; text: string }
  | { kind: "busy"; language: Language };
export type Send = (reply: Reply) => Promise<unknown>;

/** What a vote button says: 👍, 👎, or why the 👎. */
export type Choice = "up" | "down" | VoteReason;

/** A click on a vote button, or /good and /bad in the terminal. */
export interface Vote {
  platform: Platform;
  /** The voter's id on the platform: only a hash of it, with the ballot's token, is kept. Never logged. */
  user: string;
  /** The ballot's token, as the answer's buttons carry it. */
  token: string;
  choice: Choice;
}

/**
 * What came of a vote: taken (and recorded), cast before by the same person, or on an answer
 * whose ballot is forgotten; `failed` when something went wrong. The language is the answer's.
 */
export interface Voted {
  outcome: "taken" | "again" | "gone" | "failed";
  language: Language;
}

export interface DeskOptions {
  logger: Logger;
  /** Absent when the rate limit is turned off. */
  limiter?: RateLimiter;
  /** Absent when the unanswered log is turned off. */
  unanswered?: UnansweredSink;
  /** Conversations' contexts between turns; in this process's memory unless given. */
  conversations?: Conversations;
  /** Which platform deliveries are being or were answered; in this process's memory unless given. */
  deliveries?: Deliveries;
  /** The ballots of answers that take votes, in this process's memory unless given. */
  ballots?: Ballots;
  /** Called once the desk is drained, to close what the stores hold open (a Redis connection). */
  release?: () => Promise<void>;
  /** Past this many answers in flight, a new request is told the bot is busy; no bound if absent. */
  maxConcurrent?: number;
  /** The clock that dates the log's records. */
  now?: () => Date;
}

/**
 * What every adapter does around an answer, in one place: the per-person rate limit, the answer,
 * the unanswered log, sending, and the apology when something fails. It counts the answers in
 * flight, so that shutting down can stop taking new work and wait for them, and so that past
 * `maxConcurrent` new askers are told at once that the bot is busy instead of waiting on it.
 */
export class Desk {
  readonly logger: Logger;
  private readonly inFlight = new Set<Promise<boolean>>();
  /** Answers being worked on: what `maxConcurrent` bounds (notices are not counted). */
  private working = 0;
  private closed = false;
  private readonly conversations: Conversations;
  private readonly deliveries: Deliveries;
  private readonly ballots: Ballots;
  private readonly shedding: ThrottledWarning;

  constructor(private readonly options: DeskOptions) {
    this.logger = options.logger;
    this.conversations = options.conversations ?? new MemoryConversations();
    this.deliveries = options.deliveries ?? new MemoryDeliveries();
    this.ballots = options.ballots ?? new MemoryBallots();
    this.shedding = new ThrottledWarning(
      options.logger,
      "turnedAway",
      `busy: ${options.maxConcurrent} answers in flight, telling new askers to try again (MAX_CONCURRENT_ANSWERS; one line a minute at most)`,
    );
  }

  /**
   * Serves one request; it never throws, whatever the core or the platform does. Resolves with
   * whether the request was dealt with (answered, or held back by the rate limit): false when it
   * was turned away (shutting down, busy) or no reply could be sent, so that a platform that
   * delivers it again gets it answered.
   */
  serve(request: Request, run: Run, send: Send): Promise<boolean> {
    const task = this.handle(request, run, send);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return task;
  }

  /** True once shutting down: new requests are told the bot is restarting instead of answered. */
  get closing(): boolean {
    return this.closed;
  }

  get pending(): number {
    return this.inFlight.size;
  }

  /** Stops taking new work. */
  close(): void {
    this.closed = true;
  }

  /**
   * Waits up to `ms` for the answers in flight, then writes out the unanswered log and releases the
   * stores; resolves with how many answers were still unfinished.
   */
  async drain(ms: number): Promise<number> {
    const deadline = Date.now() + ms;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      const timeout = new AbortController();
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        delay(deadline - Date.now(), undefined, { signal: timeout.signal }).catch(() => undefined),
      ]);
      timeout.abort();
    }
    await this.options.unanswered?.flush();
    await this.options.release?.();
    return this.inFlight.size;
  }

  /**
   * A delivery is claimed before it is answered, so that only one instance answers it; it is
   * marked answered only once dealt with, and otherwise released at once for a redelivery.
   */
  private async handle(request: Request, run: Run, send: Send): Promise<boolean> {
    const where = { platform: request.platform, surface: request.surface };
    if (this.closed) {
      const text = noticesFor(request).restarting;
      await this.deliver(where, { kind: "notice", text }, send);
      return false;
    }
    const { delivery } = request;
    if (delivery !== undefined && !(await this.deliveries.claim(delivery))) return true;
    const dealt = await this.answerUnlessBusy(request, run, send, where);
    if (delivery !== undefined) {
      await (dealt ? this.deliveries.answered(delivery) : this.deliveries.release(delivery));
    }
    return dealt;
  }

  private async answerUnlessBusy(request: Request, run: Run, send: Send, where: Where): Promise<boolean> {
    const max = this.options.maxConcurrent;
    if (max !== undefined && this.working >= max) {
      this.shedding.note(where);
      await this.deliver(where, { kind: "busy", language: detectLanguage(request.text) }, send);
      return false;
    }
    this.working += 1;
    try {
      return await this.answer(request, run, send, where);
    } finally {
      this.working -= 1;
    }
  }

  /** Rate limit, answer, record, send; resolves with whether any reply reached the asker. */
  private async answer(request: Request, run: Run, send: Send, where: Where): Promise<boolean> {
    const verdict = await this.options.limiter?.take(`${request.platform}:${request.user}`);
    if (verdict !== undefined && !verdict.allowed) {
      if (verdict.first) this.logger.info(where, "rate limit: holding back one person's questions");
      if (!verdict.first && !request.mustReply) return true;
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      const text = noticesFor(request).rateLimited(seconds);
      return this.deliver(where, { kind: "notice", text }, send);
    }
    const key =
      request.conversation === undefined ? undefined : `${request.platform}:${request.conversation}`;
    const context = key === undefined ? undefined : await this.conversations.get(key);
    let answer: Answer;
    try {
      answer = run(context);
    } catch (error) {
      this.logger.error({ ...where, err: error }, "answering failed");
      return this.apologise(request, where, send);
    }
    this.record(request, answer);
    const ballot = await this.ballotOf(request, answer);
    try {
      await send({ kind: "answer", answer, ...(ballot === undefined ? {} : { ballot }) });
    } catch (error) {
      this.logger.error({ ...where, err: error }, "sending the answer failed");
      return this.apologise(request, where, send);
    }
    this.logger.debug({ ...where, answered: answer.answered, carried: context !== undefined }, "answered");
    if (key !== undefined && answer.context !== undefined) await this.conversations.set(key, answer.context);
    return true;
  }

  /**
   * Takes a vote: once per person and answer (a 👎's reason once more), recorded with what the
   * answer showed and no id of the person. It never throws.
   */
  async vote(vote: Vote): Promise<Voted> {
    try {
      const ballot = await this.ballots.find(vote.token);
      if (ballot === undefined) return { outcome: "gone", language: "en" };
      const { language } = ballot;
      const reason = vote.choice === "up" || vote.choice === "down" ? undefined : vote.choice;
      const key = createHash("sha256")
        .update([vote.platform, vote.user, vote.token, reason === undefined ? "vote" : "reason"].join("\0"))
        .digest("base64url");
      if (!(await this.ballots.once(key))) return { outcome: "again", language };
      this.options.unanswered?.record(voteRecord(ballot, vote.choice, this.now()));
      return { outcome: "taken", language };
    } catch (error) {
      this.logger.error({ platform: vote.platform, surface: "vote", err: error }, "taking a vote failed");
      return { outcome: "failed", language: "en" };
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Keeps the log's record of the answer: a declined question, or what an answer showed. */
  private record(request: Request, answer: Answer): void {
    const record = logRecord(request.platform, request.text, answer, this.now());
    if (record !== undefined) this.options.unanswered?.record(record);
  }

  /** The token of the answer's ballot, when it showed facts and there is a log to record votes in. */
  private async ballotOf(request: Request, answer: Answer): Promise<string | undefined> {
    if (this.options.unanswered === undefined || !answer.answered || answer.facts.length === 0)
      return undefined;
    try {
      return await this.ballots.keep({
        platform: request.platform,
        language: answer.language,
        text: questionText(request.text),
        ids: answerIds(answer),
      });
    } catch (error) {
      this.logger.warn(
        { platform: request.platform, err: error },
        "keeping an answer's ballot failed: it takes no votes",
      );
      return undefined;
    }
  }

  private apologise(request: Request, where: Where, send: Send): Promise<boolean> {
    return this.deliver(where, { kind: "notice", text: noticesFor(request).apology }, send);
  }

  /** Sends a notice; a failure is logged, never thrown. Resolves with whether it was sent. */
  private async deliver(where: Where, reply: Reply, send: Send): Promise<boolean> {
    try {
      await send(reply);
      return true;
    } catch (error) {
      this.logger.error({ ...where, err: error }, "sending a notice failed");
      return false;
    }
  }
}
