/**
 * Slack delivery claims shared through a real redis-server: whose claim a release removes, and
 * what happens while Redis is slow or full: each instance claims from its own memory, so a
 * redelivery may be answered twice, and each says so once.
 */
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { DELIVERY_PREFIX, RedisDeliveries } from "../../src/ops/redis-deliveries.js";
import { type CapturedLog, captureLogs } from "../helpers.js";
import { describeWithRedis, RedisServer } from "../redis.js";

describeWithRedis("Slack delivery claims in Redis", () => {
  let server: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    admin = await server.connect();
  });
  afterEach(async () => {
    await admin.call("CLIENT", "UNPAUSE");
    await admin.config("SET", "maxmemory", "0");
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Two instances, each with its own connection and logs. */
  const instances = async () =>
    Promise.all(
      [1, 2].map(async () => {
        const log = captureLogs("info");
        return { log, deliveries: new RedisDeliveries(await server.connect(), log.logger) };
      }),
    );
  const duplicateWarnings = (log: CapturedLog) =>
    log.entries().filter((e) => e.level === 40 && String(e.msg).includes("may be answered twice"));

  it("releases its own claim on a delivery it did not answer, so that another instance answers it", async () => {
    const [one, two] = await instances();
    expect(await one?.deliveries.claim("Ev-released")).toBe(true);
    await one?.deliveries.release("Ev-released");
    expect(await admin.get(`${DELIVERY_PREFIX}Ev-released`)).toBeNull();
    expect(await two?.deliveries.claim("Ev-released")).toBe(true);
  });

  it("never releases another instance's claim, nor a delivery marked answered", async () => {
    const [one, two] = await instances();
    await one?.deliveries.claim("Ev-theirs");
    // Its claim lapsed; the other instance claimed and answered the redelivery meanwhile.
    await admin.del(`${DELIVERY_PREFIX}Ev-theirs`);
    await two?.deliveries.claim("Ev-theirs");
    await one?.deliveries.release("Ev-theirs");
    expect(await admin.get(`${DELIVERY_PREFIX}Ev-theirs`)).not.toBeNull();
    await two?.deliveries.answered("Ev-theirs");
    await one?.deliveries.release("Ev-theirs");
    expect(await admin.get(`${DELIVERY_PREFIX}Ev-theirs`)).toBe("answered");
  });

  it("given a slow Redis (writes held past 250 ms), answers a redelivery on both instances and warns once on each", async () => {
    const [one, two] = await instances();
    await admin.call("CLIENT", "PAUSE", "5000", "WRITE");
    expect(await one?.deliveries.claim("Ev-slow")).toBe(true);
    expect(await two?.deliveries.claim("Ev-slow")).toBe(true);
    for (const id of ["Ev-slow-2", "Ev-slow-3"]) await one?.deliveries.claim(id);
    for (const instance of [one, two]) {
      expect(duplicateWarnings(instance?.log as CapturedLog)).toEqual([
        expect.objectContaining({ err: expect.objectContaining({ message: "Command timed out" }) }),
      ]);
    }
  });

  it("given a full Redis (maxmemory, noeviction), warns once that redeliveries may be answered twice", async () => {
    const [one] = await instances();
    await admin.config("SET", "maxmemory-policy", "noeviction");
    await admin.config("SET", "maxmemory", "1");
    for (const id of ["Ev-full-1", "Ev-full-2", "Ev-full-3"])
      expect(await one?.deliveries.claim(id)).toBe(true);
    await one?.deliveries.answered("Ev-full-1");
    const warnings = duplicateWarnings(one?.log as CapturedLog);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain("OOM");
  });
});
