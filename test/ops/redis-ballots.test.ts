/**
 * The ballots of votes shared through a real redis-server: a button clicked on one instance finds
 * the answer another instance gave, and a person's second vote is refused on any instance.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BALLOT_PREFIX, RedisBallots } from "../../src/ops/redis-ballots.js";
import { captureLogs } from "../helpers.js";
import { describeWithRedis, RedisServer } from "../redis.js";

const BALLOT = { platform: "discord", language: "en", text: "gz green cards", ids: ["a#0"] } as const;

describeWithRedis("ballots of votes in Redis", () => {
  let server: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
    admin = await server.connect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const instances = async () =>
    Promise.all([1, 2].map(async () => new RedisBallots(await server.connect(), captureLogs().logger)));

  it("finds on one instance the ballot another kept, and expires it within a month", async () => {
    const [one, two] = await instances();
    const token = (await one?.keep({ ...BALLOT, ids: [...BALLOT.ids] })) ?? "";
    expect(await two?.find(token)).toEqual(BALLOT);
    const ttl = await admin.pttl(`${BALLOT_PREFIX}${token}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 24 * 60 * 60 * 1000);
    expect(await two?.find("never-kept")).toBeUndefined();
  });

  it("takes a vote once across instances", async () => {
    const [one, two] = await instances();
    expect(await one?.once("hash-of-a-person-and-a-ballot")).toBe(true);
    expect(await two?.once("hash-of-a-person-and-a-ballot")).toBe(false);
    expect(await one?.once("hash-of-a-person-and-a-ballot")).toBe(false);
  });
});
