import { setTimeout as delay } from "node:timers/promises";
import { messages } from "../core/messages.js";
import type { Answer, ConversationContext } from "../core/types.js";
import type { Logger } from "../log.js";
import { type ConversationStore, MemoryConversations } from "./conversations.js";
import { type Deliveries, MemoryDeliveries } from "./deliveries.js";
import type { RateLimiter } from "./rate-limit.js";
import type { Platform } from "./unanswered.js";

/** One question or command as an adapter receives it. */
export interface Request {
  platform: Platform;
  /** The asker's id on the platform: the rate limit's key. It is never logged or recorded. */
  user: string;
  /** What was asked, as a line (a question or a slash command); recorded if it is declined. */
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
}

/** Where declined questions go: the unanswered log file, or the shared Redis stream. */
export interface UnansweredSink {
  record(platform: Platform, text: string, answer: Answer): void;
  /** Writes out what waits in memory: at once for the file, asynchronously for a Redis stream. */
  flush(): void | Promise<void>;
}

/** Answers a request, given what its conversation carried over from the last turn. */
export type Run = (context: ConversationContext | undefined) => Answer;

/** What the adapter is asked to send: a rendered answer, or one of the bot's short notices. */
export type Reply = { kind: "answer"; answer: Answer } | { kind: "notice"; text: string };
export type Send = (reply: Reply) => Promise<unknown>;

export interface DeskOptions {
  logger: Logger;
  /** Absent when the rate limit is turned off. */
  limiter?: RateLimiter;
  /** Absent when the unanswered log is turned off. */
  unanswered?: UnansweredSink;
  /** Conversations' contexts between turns; in this process's memory unless given. */
  conversations?: ConversationStore;
  /** Which platform deliveries are being or were answered; in this process's memory unless given. */
  deliveries?: Deliveries;
  /** Called once the desk is drained, to close what the stores hold open (a Redis connection). */
  release?: () => Promise<void>;
}

/**
 * What every adapter does around an answer, in one place: the per-person rate limit, the answer,
 * the unanswered log, sending, and the apology when something fails. It counts the answers in
 * flight, so that shutting down can stop taking new work and wait for them.
 */
export class Desk {
  readonly logger: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;
  private readonly conversations: ConversationStore;
  private readonly deliveries: Deliveries;

  constructor(private readonly options: DeskOptions) {
    this.logger = options.logger;
    this.conversations = options.conversations ?? new MemoryConversations();
    this.deliveries = options.deliveries ?? new MemoryDeliveries();
  }

  /** Serves one request; it never throws, whatever the core or the platform does. */
  serve(request: Request, run: Run, send: Send): Promise<void> {
    const task = this.handle(request, run, send);
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
    return task;
  }

  /** True once shutting down: new requests get a short notice, or nothing, instead of an answer. */
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
   * Does `work` for a platform delivery (an event, a command) only if no instance has answered it or
   * is answering it, and marks it answered afterwards; a redelivery of it is then left alone.
   * Resolves with whether the work was done.
   */
  async once(deliveryId: string, work: () => Promise<void>): Promise<boolean> {
    if (!(await this.deliveries.claim(deliveryId))) return false;
    await work();
    await this.deliveries.answered(deliveryId);
    return true;
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

  private async handle(request: Request, run: Run, send: Send): Promise<void> {
    const where = { platform: request.platform, surface: request.surface };
    if (this.closed) {
      if (request.mustReply) await this.deliver(where, { kind: "notice", text: messages.restarting }, send);
      return;
    }
    const verdict = await this.options.limiter?.take(`${request.platform}:${request.user}`);
    if (verdict !== undefined && !verdict.allowed) {
      if (verdict.first) this.logger.info(where, "rate limit: holding back one person's questions");
      if (!verdict.first && !request.mustReply) return;
      const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
      await this.deliver(where, { kind: "notice", text: messages.rateLimited(seconds) }, send);
      return;
    }
    const key =
      request.conversation === undefined ? undefined : `${request.platform}:${request.conversation}`;
    const context = key === undefined ? undefined : await this.conversations.get(key);
    let answer: Answer;
    try {
      answer = run(context);
    } catch (error) {
      this.logger.error({ ...where, err: error }, "answering failed");
      await this.deliver(where, { kind: "notice", text: messages.apology }, send);
      return;
    }
    this.options.unanswered?.record(request.platform, request.text, answer);
    try {
      await send({ kind: "answer", answer });
      this.logger.debug({ ...where, answered: answer.answered, carried: context !== undefined }, "answered");
      if (key !== undefined && answer.context !== undefined)
        await this.conversations.set(key, answer.context);
    } catch (error) {
      this.logger.error({ ...where, err: error }, "sending the answer failed");
      await this.deliver(where, { kind: "notice", text: messages.apology }, send);
    }
  }

  /** Sends a notice; a failure is logged, never thrown. */
  private async deliver(where: object, reply: Reply, send: Send): Promise<void> {
    try {
      await send(reply);
    } catch (error) {
      this.logger.error({ ...where, err: error }, "sending a notice failed");
    }
  }
}
