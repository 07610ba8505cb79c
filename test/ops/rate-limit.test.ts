import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../src/ops/rate-limit.js";

/** A limiter on a clock the test moves by hand. */
function limiter(burst = 3, perMinute = 6) {
  const clock = { now: 0 };
  return { clock, limiter: new RateLimiter({ burst, perMinute }, () => clock.now) };
}

describe("the per-person token bucket", () => {
  it("allows a burst, then refuses with how long to wait", () => {
    const { limiter: l } = limiter(3, 6);
    expect([1, 2, 3].map(() => l.take("slack:U1").allowed)).toEqual([true, true, true]);
    expect(l.take("slack:U1")).toEqual({ allowed: false, retryAfterMs: 10_000, first: true });
  });

  it("says a refusal is the first only once, until the person is allowed again", () => {
    const { clock, limiter: l } = limiter(1, 6);
    l.take("u");
    expect(l.take("u")).toMatchObject({ allowed: false, first: true });
    expect(l.take("u")).toMatchObject({ allowed: false, first: false });
    clock.now += 10_000;
    expect(l.take("u").allowed).toBe(true);
    expect(l.take("u")).toMatchObject({ allowed: false, first: true });
  });

  it("refills at the configured rate, never beyond the burst", () => {
    const { clock, limiter: l } = limiter(2, 60);
    l.take("u");
    l.take("u");
    expect(l.take("u").allowed).toBe(false);
    clock.now += 1000;
    expect(l.take("u").allowed).toBe(true);
    clock.now += 3_600_000;
    expect([1, 2, 3].map(() => l.take("u").allowed)).toEqual([true, true, false]);
  });

  it("keeps each person's bucket apart: one person's flood leaves everyone else's untouched", () => {
    const { limiter: l } = limiter(2, 1);
    for (let i = 0; i < 1000; i++) l.take("discord:flooder");
    expect(l.take("discord:flooder").allowed).toBe(false);
    expect(l.take("discord:someone").allowed).toBe(true);
    expect(l.take("slack:flooder").allowed).toBe(true);
  });

  it("forgets full buckets once it tracks very many people, so memory stays bounded", () => {
    const { clock, limiter: l } = limiter(1, 60);
    for (let i = 0; i < 10_000; i++) l.take(`u${i}`);
    expect(l.size).toBe(10_000);
    clock.now += 60_000;
    l.take("newcomer");
    expect(l.size).toBe(1);
  });

  it("refuses a limit that could never allow anything", () => {
    expect(() => new RateLimiter({ burst: 0, perMinute: 5 })).toThrow(RangeError);
    expect(() => new RateLimiter({ burst: 5, perMinute: 0 })).toThrow(RangeError);
  });
});
