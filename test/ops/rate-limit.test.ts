import { afterEach, describe, expect, it, vi } from "vitest";
import type { RateLimiter } from "../../src/ops/ports.js";
import { MemoryRateLimiter, RedisRateLimiter, windowSeconds } from "../../src/ops/rate-limit.js";
import { captureLogs } from "../helpers.js";
import { describeWithRedis, redisForSuite } from "../redis.js";

async function takes(limiter: RateLimiter, key: string, times: number) {
  const verdicts = [];
  for (let i = 0; i < times; i++) verdicts.push(await limiter.take(key));
  return verdicts;
}

describe("the per-person rate limit, in memory", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("keeps the average rate: a burst of 5 at 12 a minute is a window of 25 s", () => {
    expect(windowSeconds({ burst: 5, perMinute: 12 })).toBe(25);
    expect(windowSeconds({ burst: 1, perMinute: 600 })).toBe(1);
  });

  it("allows a burst, then refuses with how long to wait, telling the person once", async () => {
    const limiter = new MemoryRateLimiter({ burst: 3, perMinute: 6 });
    const verdicts = await takes(limiter, "slack:U1", 5);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, true, false, false]);
    expect(verdicts[3]).toMatchObject({ allowed: false, first: true });
    expect(verdicts[4]).toMatchObject({ allowed: false, first: false });
    const wait = verdicts[3]?.allowed === false ? verdicts[3].retryAfterMs : 0;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(30_000);
  });

  it("allows the person again once their window is over, and tells them once again", async () => {
    vi.useFakeTimers();
    const limiter = new MemoryRateLimiter({ burst: 1, perMinute: 6 });
    await takes(limiter, "u", 2);
    vi.advanceTimersByTime(10_000);
    const again = await takes(limiter, "u", 3);
    expect(again.map((v) => v.allowed)).toEqual([true, false, false]);
    expect(again.map((v) => !v.allowed && v.first)).toEqual([false, true, false]);
  });

  it("keeps each person's count apart: one person's flood leaves everyone else's untouched", async () => {
    const limiter = new MemoryRateLimiter({ burst: 2, perMinute: 1 });
    await takes(limiter, "discord:flooder", 1000);
    expect((await limiter.take("discord:flooder")).allowed).toBe(false);
    expect((await limiter.take("discord:someone")).allowed).toBe(true);
    expect((await limiter.take("slack:flooder")).allowed).toBe(true);
  });

  it("refuses a limit that could never allow anything", () => {
    expect(() => new MemoryRateLimiter({ burst: 0, perMinute: 5 })).toThrow(RangeError);
    expect(() => new MemoryRateLimiter({ burst: 5, perMinute: 0 })).toThrow(RangeError);
  });
});

describeWithRedis("the per-person rate limit, shared through Redis", () => {
  const server = redisForSuite();
  const { logger } = captureLogs("silent");

  it("holds one limit for a person whose questions land on two instances, telling them once", async () => {
    const one = new RedisRateLimiter({ burst: 5, perMinute: 12 }, await server().connect(), logger);
    const two = new RedisRateLimiter({ burst: 5, perMinute: 12 }, await server().connect(), logger);
    const verdicts = [];
    for (let i = 0; i < 10; i++) verdicts.push(await (i % 2 === 0 ? one : two).take("slack:U1"));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
    expect(verdicts.filter((v) => !v.allowed && v.first)).toHaveLength(1);
  });

  it("still limits, from memory, while Redis is down, never refuses because of the outage, and warns once", async () => {
    const log = captureLogs("info");
    const redis = await server().connect();
    const limiter = new RedisRateLimiter({ burst: 2, perMinute: 1 }, redis, log.logger);
    redis.disconnect();
    const verdicts = await takes(limiter, "slack:U2", 4);
    expect(verdicts.map((v) => v.allowed)).toEqual([true, true, false, false]);
    expect(log.entries()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: expect.stringContaining(
          "a person whose questions reach N instances may ask up to N times the burst",
        ),
      }),
    ]);
  });

  it("given a full Redis (noeviction), counts each instance alone: a person reaching two may ask twice the burst, and each warns", async () => {
    const admin = await server().connect();
    const logs = [captureLogs("info"), captureLogs("info")];
    const [one, two] = await Promise.all(
      logs.map(
        async (log) => new RedisRateLimiter({ burst: 2, perMinute: 1 }, await server().connect(), log.logger),
      ),
    );
    await admin.config("SET", "maxmemory-policy", "noeviction");
    await admin.config("SET", "maxmemory", "1");
    try {
      const verdicts = [];
      for (let i = 0; i < 8; i++) verdicts.push(await (i % 2 === 0 ? one : two)?.take("slack:UFULL"));
      expect(verdicts.filter((v) => v?.allowed)).toHaveLength(4);
    } finally {
      await admin.config("SET", "maxmemory", "0");
    }
    for (const log of logs) {
      expect(log.entries().filter((e) => e.level === 40)).toEqual([
        expect.objectContaining({
          err: expect.objectContaining({ message: expect.stringContaining("OOM") }),
        }),
      ]);
    }
  });
});
