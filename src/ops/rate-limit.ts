import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "../log.js";
import { KEY_PREFIX, RedisFallback } from "./redis.js";

/** How many questions one person may ask: a burst at once, then so many a minute. */
export interface RateLimit {
  /** Questions a person may ask back to back. */
  burst: number;
  /** Questions a minute a person may keep asking, on average. */
  perMinute: number;
}

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Milliseconds until the next question would be allowed. */
      retryAfterMs: number;
      /** True for the first refusal in this person's current window: tell them once. */
      first: boolean;
    };

/**
 * The window in which a person may ask `burst` questions: long enough that the average stays at
 * `perMinute` (5 questions at 12 a minute: 25 s). Whole seconds, as the Redis store counts them.
 */
export function windowSeconds(limit: RateLimit): number {
  return Math.max(1, Math.round((limit.burst * 60) / limit.perMinute));
}

/**
 * The per-person rate limit, on rate-limiter-flexible: each person may ask `burst` questions in a
 * window of `windowSeconds`. In memory by default; given a Redis connection, the count is shared by
 * every instance. While Redis does not answer (down, slower than its 250 ms, or full), an in-memory
 * limiter with the same settings stands in, so a person is still limited and never refused for an
 * outage; but each instance then counts alone, so a person whose questions reach N instances may
 * ask up to N times the burst. That is warned once per outage. Refusals are counted too, which is
 * how every instance agrees which refusal was the first.
 */
export class RateLimiter {
  private readonly memory: RateLimiterMemory;
  private readonly shared: { limiter: RateLimiterRedis; fallback: RedisFallback } | undefined;

  constructor(
    private readonly limit: RateLimit,
    redis?: { client: Redis; logger: Logger },
  ) {
    if (!(limit.burst >= 1) || !(limit.perMinute > 0)) {
      throw new RangeError("a rate limit needs a burst of at least 1 and a positive rate");
    }
    const settings = { points: limit.burst, duration: windowSeconds(limit), keyPrefix: `${KEY_PREFIX}rate` };
    this.memory = new RateLimiterMemory(settings);
    if (redis === undefined) return;
    this.shared = {
      limiter: new RateLimiterRedis({ ...settings, storeClient: redis.client, rejectIfRedisNotReady: true }),
      fallback: new RedisFallback(
        redis.logger,
        "rate limit counts",
        "a person whose questions reach N instances may ask up to N times the burst",
      ),
    };
  }

  /** Counts a question for this person (a platform and user id), or says how long to wait. */
  async take(key: string): Promise<Verdict> {
    try {
      await this.consume(key);
      return { allowed: true };
    } catch (refusal) {
      // Anything but a refusal (the memory limiter never fails) lets the question through.
      if (!(refusal instanceof RateLimiterRes)) return { allowed: true };
      return {
        allowed: false,
        retryAfterMs: refusal.msBeforeNext,
        first: refusal.consumedPoints === this.limit.burst + 1,
      };
    }
  }

  /** Consumes a point in Redis, or in memory while Redis does not answer; rejects with a refusal. */
  private async consume(key: string): Promise<RateLimiterRes> {
    if (this.shared === undefined) return this.memory.consume(key);
    const { limiter, fallback } = this.shared;
    try {
      const allowed = await limiter.consume(key);
      fallback.recovered();
      return allowed;
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        fallback.recovered();
        throw error;
      }
      fallback.fellBack(error);
      return this.memory.consume(key);
    }
  }
}
