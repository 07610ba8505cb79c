/**
 * The stores instances share, against a real redis-server: conversations, deliveries and declined
 * questions; and what happens to each while Redis is down.
 */

import type { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { connectRedis } from "../../src/ops/redis.js";
import { CONVERSATION_PREFIX, RedisConversations } from "../../src/ops/redis-conversations.js";
import { RedisDeliveries } from "../../src/ops/redis-deliveries.js";
import type { UnansweredRecord } from "../../src/ops/unanswered.js";
import { UNANSWERED_STREAM, UnansweredStream } from "../../src/ops/unanswered-stream.js";
import { CONTEXT, captureLogs, eventually, fixtureCore, TODAY } from "../helpers.js";
import { describeWithRedis, RedisServer } from "../redis.js";

const core = fixtureCore();

/** Every record in the stream, oldest first. */
async function streamRecords(redis: Redis): Promise<UnansweredRecord[]> {
  const entries = await redis.xrange(UNANSWERED_STREAM, "-", "+");
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? "") as UnansweredRecord);
}

describeWithRedis("shared state in Redis", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("keeps a conversation where another instance reads it, as JSON that expires", async () => {
    const redis = await server.connect();
    await new RedisConversations(redis).set("slack:C1:1700000000.000100", CONTEXT);
    expect(await new RedisConversations(await server.connect()).get("slack:C1:1700000000.000100")).toEqual(
      CONTEXT,
    );
    const ttl = await redis.pttl(`${CONVERSATION_PREFIX}slack:C1:1700000000.000100`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 60_000);
  });

  it("lets one instance claim a delivery; the other answers it only if the claim lapsed unanswered", async () => {
    const one = new RedisDeliveries(await server.connect());
    const two = new RedisDeliveries(await server.connect());
    expect([await one.claim("Ev1"), await two.claim("Ev1")]).toEqual([true, false]);
    await one.answered("Ev1");
    expect(await two.claim("Ev1")).toBe(false);
    // A first delivery that never arrived anywhere left no claim: its redelivery is answered.
    expect(await two.claim("Ev-lost")).toBe(true);
  });

  it("adds declined questions from every instance to one capped stream, read back for the report", async () => {
    const logs = captureLogs("silent");
    const one = new UnansweredStream(await server.connect(), logs.logger, () => TODAY);
    const two = new UnansweredStream(await server.connect(), logs.logger, () => TODAY);
    one.record("slack", "How do I cook fried rice?", runLine("How do I cook fried rice?", core));
    two.record("discord", "gz green cards", runLine("gz green cards", core));
    two.record("discord", "visa for a spouse", runLine("visa for a spouse", core));
    await Promise.all([one.flush(), two.flush()]);
    const records = await streamRecords(await server.connect());
    expect(records.map((r) => [r.platform, r.text])).toEqual([
      ["slack", "how do i cook fried rice"],
      ["discord", "visa for a spouse"],
    ]);
  });

  it("answers from memory while Redis is down, logs it once, and shares again once it is back", async () => {
    const logs = captureLogs("info");
    const redis = connectRedis(server.url, logs.logger);
    const conversations = new RedisConversations(redis);
    const deliveries = new RedisDeliveries(redis);
    const stream = new UnansweredStream(redis, logs.logger, () => TODAY);
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to connect");

    await server.kill();
    await conversations.set("slack:D9", CONTEXT);
    expect(await conversations.get("slack:D9")).toEqual(CONTEXT);
    expect(await deliveries.claim("Ev9")).toBe(true);
    expect(await deliveries.claim("Ev9")).toBe(false);
    stream.record("slack", "visa for a parent", runLine("visa for a parent", core));
    const warnings = () => logs.entries().filter((e) => e.level === 40);
    await eventually(() => (warnings().length > 0 ? true : undefined), "the warning");
    expect(warnings().map((e) => e.msg)).toEqual([
      "Redis unreachable: answering from memory, not sharing state, until it is back",
    ]);

    await server.restart();
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to reconnect");
    await stream.flush();
    const records = await streamRecords(await server.connect());
    expect(records.map((r) => r.text)).toEqual(["visa for a parent"]);
    expect(logs.entries().map((e) => e.msg)).toContain("Redis reachable again: sharing state");
    expect(warnings()).toHaveLength(1);
    redis.disconnect();
  });
});
