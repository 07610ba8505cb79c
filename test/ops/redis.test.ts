/**
 * The stores instances share, against a real redis-server: conversations, deliveries and declined
 * questions; and what happens to each while Redis is down.
 */

import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { connectRedis, OUTAGE_QUIET_MS, RedisFallback } from "../../src/ops/redis.js";
import { CONVERSATION_PREFIX, RedisConversations } from "../../src/ops/redis-conversations.js";
import { RedisDeliveries } from "../../src/ops/redis-deliveries.js";
import type { UnansweredRecord } from "../../src/ops/unanswered-record.js";
import { UNANSWERED_STREAM, UnansweredStream } from "../../src/ops/unanswered-stream.js";
import { CONTEXT, captureLogs, eventually, fixtureCore, recordDeclined } from "../helpers.js";
import { describeWithRedis, redisForSuite } from "../redis.js";

const core = fixtureCore();
const silent = captureLogs("silent").logger;

/** Every record in the stream, oldest first. */
async function streamRecords(redis: Redis): Promise<UnansweredRecord[]> {
  const entries = await redis.xrange(UNANSWERED_STREAM, "-", "+");
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? "") as UnansweredRecord);
}

describeWithRedis("shared state in Redis", () => {
  const server = redisForSuite();

  it("keeps a conversation where another instance reads it, as JSON that expires", async () => {
    const redis = await server().connect();
    await new RedisConversations(redis).set("slack:C1:1700000000.000100", CONTEXT);
    expect(await new RedisConversations(await server().connect()).get("slack:C1:1700000000.000100")).toEqual(
      CONTEXT,
    );
    const ttl = await redis.pttl(`${CONVERSATION_PREFIX}slack:C1:1700000000.000100`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);
  });

  it("lets one instance claim a delivery; the other answers it only if the claim lapsed unanswered", async () => {
    const one = new RedisDeliveries(await server().connect(), silent);
    const two = new RedisDeliveries(await server().connect(), silent);
    expect([await one.claim("Ev1"), await two.claim("Ev1")]).toEqual([true, false]);
    await one.answered("Ev1");
    expect(await two.claim("Ev1")).toBe(false);
    // A first delivery that never arrived anywhere left no claim: its redelivery is answered.
    expect(await two.claim("Ev-lost")).toBe(true);
  });

  it("adds declined questions from every instance to one capped stream, read back for the report", async () => {
    const logs = captureLogs("silent");
    const one = new UnansweredStream(await server().connect(), logs.logger);
    const two = new UnansweredStream(await server().connect(), logs.logger);
    recordDeclined(one, "slack", "How do I cook fried rice?", core);
    recordDeclined(two, "discord", "gz green cards", core);
    recordDeclined(two, "discord", "visa for a spouse", core);
    await Promise.all([one.flush(), two.flush()]);
    const records = await streamRecords(await server().connect());
    expect(records.map((r) => [r.platform, r.text])).toEqual([
      ["slack", "how do i cook fried rice"],
      ["discord", "visa for a spouse"],
    ]);
  });

  it("answers from memory while Redis is down, logs it once, and shares again once it is back", async () => {
    const logs = captureLogs("info");
    const redis = connectRedis(server().url, logs.logger);
    const conversations = new RedisConversations(redis);
    const deliveries = new RedisDeliveries(redis, logs.logger);
    const stream = new UnansweredStream(redis, logs.logger);
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to connect");

    await server().kill();
    await conversations.set("slack:D9", CONTEXT);
    expect(await conversations.get("slack:D9")).toEqual(CONTEXT);
    expect(await deliveries.claim("Ev9")).toBe(true);
    expect(await deliveries.claim("Ev9")).toBe(false);
    recordDeclined(stream, "slack", "visa for a parent", core);
    const warnings = () => logs.entries().filter((e) => e.level === 40);
    await eventually(() => (warnings().length === 2 ? true : undefined), "the warnings");
    expect(warnings().map((e) => e.msg)).toEqual(
      expect.arrayContaining([
        "Redis unreachable: answering from memory, not sharing state, until it is back",
        expect.stringMatching(/^Redis did not answer: Slack delivery claims .* may be answered twice/),
      ]),
    );

    await server().restart();
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to reconnect");
    await stream.flush();
    const records = await streamRecords(await server().connect());
    expect(records.map((r) => r.text)).toEqual(["visa for a parent"]);
    expect(logs.entries().map((e) => e.msg)).toContain("Redis reachable again: sharing state");
    expect(warnings()).toHaveLength(2);
    redis.disconnect();
  });
});

describe("one kind of shared state falling back while Redis does not answer", () => {
  it("warns once per outage, however often it falls back, even when Redis answers now and then", () => {
    const log = captureLogs("info");
    const clock = { now: 0 };
    const fallback = new RedisFallback(log.logger, "rate limit counts", "it costs this", () => clock.now);
    for (let i = 0; i < 5; i++) {
      fallback.fellBack(new Error("Command timed out"));
      clock.now += 1000;
      fallback.recovered();
    }
    expect(log.entries()).toEqual([
      expect.objectContaining({
        level: 40,
        msg: "Redis did not answer: rate limit counts are kept in this instance's memory until it does; it costs this",
        err: expect.objectContaining({ message: "Command timed out" }),
      }),
    ]);
  });

  it("says at info how often it fell back once Redis has answered for a minute, then warns afresh", () => {
    const log = captureLogs("info");
    const clock = { now: 0 };
    const fallback = new RedisFallback(log.logger, "rate limit counts", "it costs this", () => clock.now);
    fallback.fellBack(new Error("OOM command not allowed"));
    fallback.fellBack(new Error("OOM command not allowed"));
    clock.now += OUTAGE_QUIET_MS;
    fallback.recovered();
    fallback.recovered();
    fallback.fellBack(new Error("Connection is closed."));
    expect(log.entries().map((e) => [e.level, e.msg, e.fellBack])).toEqual([
      [40, expect.stringMatching(/^Redis did not answer/), undefined],
      [30, "Redis answers again: rate limit counts are shared again", 2],
      [40, expect.stringMatching(/^Redis did not answer/), undefined],
    ]);
  });
});
