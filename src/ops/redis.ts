import { once } from "node:events";
import { setTimeout as delay } from "node:timers/promises";
import { Redis } from "ioredis";
import type { Logger } from "../log.js";

/** The longest any one Redis call may take: well inside the 3 s Slack and Discord allow an answer. */
const REDIS_TIMEOUT_MS = 250;
/** Reconnecting waits twice as long each time, up to this. */
const MAX_BACKOFF_MS = 2000;

/** Every key the bot writes starts with this, so that one Redis can serve other things too. */
export const KEY_PREFIX = "returnee-bot:";

/**
 * A connection to Redis (or Valkey) for the state instances share. Losing it costs sharing, never
 * answers: no call waits for a connection (the offline queue is off) or longer than
 * REDIS_TIMEOUT_MS, so every caller falls back to memory at once. It reconnects with backoff; the
 * outage is logged once at `warn`, and the return once at `info`.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    commandTimeout: REDIS_TIMEOUT_MS,
    connectTimeout: 1000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(50 * 2 ** times, MAX_BACKOFF_MS),
  });
  let state: "connecting" | "sharing" | "lost" = "connecting";
  const lost = (error?: unknown) => {
    if (state === "lost") return;
    state = "lost";
    logger.warn(
      error === undefined ? {} : { err: error },
      "Redis unreachable: answering from memory, not sharing state, until it is back",
    );
  };
  redis.on("error", lost);
  redis.on("close", () => lost());
  redis.on("ready", () => {
    logger.info(state === "lost" ? "Redis reachable again: sharing state" : "Redis: sharing state");
    state = "sharing";
  });
  return redis;
}

/**
 * Resolves once the connection is ready, or has failed, or after `ms`: for a short run that would
 * otherwise finish before it connects, since no call waits for a connection.
 */
export async function settled(redis: Redis, ms = 1000): Promise<void> {
  if (redis.status === "ready") return;
  const timeout = new AbortController();
  await Promise.race([
    once(redis, "ready", { signal: timeout.signal }),
    once(redis, "error", { signal: timeout.signal }),
    delay(ms, undefined, { signal: timeout.signal }),
  ]).catch(() => undefined);
  timeout.abort();
}

/** Closes the connection, waiting at most REDIS_TIMEOUT_MS for pending calls. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  redis.removeAllListeners("close");
  redis.removeAllListeners("error");
  redis.on("error", () => undefined);
  await Promise.race([
    redis.quit().catch(() => undefined),
    new Promise((r) => setTimeout(r, REDIS_TIMEOUT_MS).unref()),
  ]);
  redis.disconnect();
}

/** An outage is over once Redis has answered and nothing has fallen back for this long. */
export const OUTAGE_QUIET_MS = 60_000;

/**
 * One kind of shared state falling back to this process's memory while Redis does not answer in
 * time, refuses (a full Redis under `noeviction`) or cannot be reached. The first fallback of an
 * outage is warned, with the error and what it costs; once Redis has answered again and nothing
 * fell back for a minute, one `info` line says how many times it fell back. A slow Redis that fails
 * only now and then is one outage, not a line per failure.
 */
export class RedisFallback {
  private times = 0;
  private lastFailure = Number.NEGATIVE_INFINITY;
  private failing = false;

  constructor(
    private readonly logger: Logger,
    /** What falls back, e.g. "rate limit counts". */
    private readonly what: string,
    /** What that costs, e.g. "a person whose questions reach N instances may ask N times as many". */
    private readonly cost: string,
    private readonly now: () => number = Date.now,
  ) {}

  fellBack(error: unknown): void {
    this.times += 1;
    this.lastFailure = this.now();
    if (this.failing) return;
    this.failing = true;
    this.logger.warn(
      { err: error },
      `Redis did not answer: ${this.what} are kept in this instance's memory until it does; ${this.cost}`,
    );
  }

  recovered(): void {
    if (!this.failing || this.now() - this.lastFailure < OUTAGE_QUIET_MS) return;
    this.logger.info({ fellBack: this.times }, `Redis answers again: ${this.what} are shared again`);
    this.failing = false;
    this.times = 0;
  }
}
