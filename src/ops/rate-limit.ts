/** How many questions one person may ask: a burst at once, then so many a minute. */
export interface RateLimit {
  /** Questions a person may ask back to back (the bucket's size). */
  burst: number;
  /** Questions a minute a person may keep asking (the bucket's refill rate). */
  perMinute: number;
}

export type Verdict =
  | { allowed: true }
  | {
      allowed: false;
      /** Milliseconds until the next question would be allowed. */
      retryAfterMs: number;
      /** True for the first refusal since this person's last allowed question: tell them once. */
      first: boolean;
    };

interface Bucket {
  tokens: number;
  at: number;
  refusing: boolean;
}

/** Past this many people, buckets that have filled up again are forgotten. */
const SWEEP_ABOVE = 10_000;

/**
 * A token bucket per person. Each question takes a token; tokens come back at `perMinute` a
 * minute up to `burst`. Checking costs a map lookup, so a flood costs almost nothing, and one
 * person's empty bucket never touches anyone else's. The clock is injectable for tests.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly msPerToken: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit.burst >= 1) || !(limit.perMinute > 0)) {
      throw new RangeError("a rate limit needs a burst of at least 1 and a positive rate");
    }
    this.msPerToken = 60_000 / limit.perMinute;
  }

  /** Takes a token for this person (a platform and user id), or says how long to wait. */
  take(key: string): Verdict {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.refusing = false;
      return { allowed: true };
    }
    const first = !bucket.refusing;
    bucket.refusing = true;
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) * this.msPerToken), first };
  }

  /** How many people have a bucket that is not full; the rest are forgotten as the map grows. */
  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
      bucket = { tokens: this.limit.burst, at: now, refusing: false };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const earned = Math.max(0, now - bucket.at) / this.msPerToken;
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + earned);
    bucket.at = now;
    return bucket;
  }

  /** Forgets every bucket that would be full by now: a new one would be the same. */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.msPerToken >= this.limit.burst) this.buckets.delete(key);
    }
  }
}
