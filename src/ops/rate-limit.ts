import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimit } from "../config.js";
import type { Logger } from "../log.js";
import type { RateLimiter, Verdict } from "./ports.js";
import { KEY_PREFIX, RedisFallback } from "./redis.js";

/**
 * The window in which a person may ask `burst` questions: long enough that the average stays at
 * `perMinute` (5 questions at 12 a minute: 25 s). Whole seconds, as the Redis store counts them.
 */
export function windowSeconds(limit: RateLimit): number {
  return Math.max(1, Math.round((limit.burst * 60) / limit.perMinute));
}

/** rate-limiter-flexible's settings for a limit: `burst` questions in a window of `windowSeconds`. */
function settingsFor(limit: RateLimit) {
  if (!(limit.burst >= 1) || !(limit.perMinute > 0)) {
    throw new RangeError("a rate limit needs a burst of at least 1 and a positive rate");
  }
  return { points: limit.burst, duration: windowSeconds(limit), keyPrefix: `${KEY_PREFIX}rate` };
}

/**
 * The verdict on a question, from a count that resolves if it is allowed and rejects with a
 * refusal if not. Refusals are counted too, which is how every instance agrees which was the first.
 */
async function verdictOf(limit: RateLimit, counting: Promise<RateLimiterRes>): Promise<Verdict> {
  try {
    await counting;
    return { allowed: true };
  } catch (refusal) {
    // Anything but a refusal (the memory limiter never fails) lets the question through.
    if (!(refusal instanceof RateLimiterRes)) return { allowed: true };
    return {
      allowed: false,
      retryAfterMs: refusal.msBeforeNext,
      first: refusal.consumedPoints === limit.burst + 1,
    };
  }
}

/** The per-person rate limit of one process, on rate-limiter-flexible. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly memory: RateLimiterMemory;

  constructor(private readonly limit: RateLimit) {
    this.memory = new RateLimiterMemory(settingsFor(limit));
  }

  take(key: string): Promise<Verdict> {
    return verdictOf(this.limit, this.memory.consume(key));
  }

  /** Counts a question in memory only: the Redis limiter's stand-in while Redis does not answer. */
  consume(key: string): Promise<RateLimiterRes> {
    return this.memory.consume(key);
  }
}

/**
 * The per-person rate limit shared by every instance through Redis. While Redis does not answer
 * (down, slower than its 250 ms, or full), an in-memory limiter with the same settings stands in,
 * so a person is still limited and never refused for an outage; but each instance then counts
 * alone, so a person whose questions reach N instances may ask up to N times the burst. That is
 * warned once per outage.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly memory: MemoryRateLimiter;
  private readonly shared: RateLimiterRedis;
  private readonly fallback: RedisFallback;

  constructor(
    private readonly limit: RateLimit,
    client: Redis,
    logger: Logger,
  ) {
    this.memory = new MemoryRateLimiter(limit);
    this.shared = new RateLimiterRedis({
      ...settingsFor(limit),
      storeClient: client,
      rejectIfRedisNotReady: true,
    });
    this.fallback = new RedisFallback(
      logger,
      "rate limit counts",
      "a person whose questions reach N instances may ask up to N times the burst",
    );
  }

  take(key: string): Promise<Verdict> {
    return verdictOf(this.limit, this.consume(key));
  }

  /** Consumes a point in Redis, or in memory while Redis does not answer; rejects with a refusal. */
  private async consume(key: string): Promise<RateLimiterRes> {
    try {
      const allowed = await this.shared.consume(key);
      this.fallback.recovered();
      return allowed;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        this.fallback.recovered();
        throw error;
      }
      this.fallback.fellBack(error);
      return this.memory.consume(key);
    }
  }
}
