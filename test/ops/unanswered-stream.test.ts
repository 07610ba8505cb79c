/**
 * The shared stream of declined questions against a real redis-server that is slow, full or away:
 * no record twice, none dropped or lost without a warning.
 */
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { connectRedis } from "../../src/ops/redis.js";
import type { UnansweredRecord } from "../../src/ops/unanswered-record.js";
import { UNANSWERED_STREAM, UnansweredStream } from "../../src/ops/unanswered-stream.js";
import { type CapturedLog, captureLogs, eventually, fixtureCore, recordDeclined } from "../helpers.js";
import { describeWithRedis, RedisServer } from "../redis.js";

const core = fixtureCore();

/** The texts of every record in the stream, oldest first. */
async function streamTexts(redis: Redis): Promise<string[]> {
  const entries = await redis.xrange(UNANSWERED_STREAM, "-", "+");
  return entries.map(([, fields]) => (JSON.parse(fields[1] ?? "") as UnansweredRecord).text);
}

const decline = (stream: UnansweredStream, city: string) =>
  recordDeclined(stream, "slack", `/city ${city}`, core);

const messagesOf = (logs: CapturedLog, level: number) =>
  logs
    .entries()
    .filter((e) => e.level === level)
    .map((e) => e.msg);

describeWithRedis("the unanswered stream when Redis is slow, full or away", () => {
  let server: RedisServer;
  let admin: Redis;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  beforeEach(async () => {
    admin = await server.connect();
    await admin.flushall();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("adds each record once when a write timed out after Redis had done it and is sent again", async () => {
    const logs = captureLogs("debug");
    const redis = connectRedis(server.url, logs.logger);
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to connect");
    const stream = new UnansweredStream(redis, logs.logger);
    // Redis holds every write until unpaused: the bot's calls time out, then Redis does them all.
    await admin.client("PAUSE", 60_000, "WRITE");
    for (const city of ["Atlantis", "Lemuria", "Mu"]) decline(stream, city);
    await eventually(
      () =>
        messagesOf(logs, 20).includes("unanswered stream: keeping records until Redis takes them")
          ? true
          : undefined,
      "a write to time out",
    );
    decline(stream, "Hyperborea");
    await admin.client("UNPAUSE");
    await stream.flush();
    expect(await streamTexts(admin)).toEqual(["city atlantis", "city lemuria", "city mu", "city hyperborea"]);
    redis.disconnect();
  });

  it("warns once while Redis is full (noeviction), keeps the records, and writes them all once it has room", async () => {
    const logs = captureLogs("info");
    const redis = await server.connect();
    const stream = new UnansweredStream(redis, logs.logger);
    await admin.config("SET", "maxmemory-policy", "noeviction");
    await admin.config("SET", "maxmemory", "1");
    try {
      for (const city of ["Atlantis", "Lemuria", "Mu"]) {
        decline(stream, city);
        await stream.flush();
      }
    } finally {
      await admin.config("SET", "maxmemory", "0");
    }
    expect(
      messagesOf(logs, 40).filter((m) => String(m).startsWith("unanswered stream: Redis refuses")),
    ).toHaveLength(1);
    expect(logs.entries().find((e) => e.level === 40)).toMatchObject({
      err: { message: expect.stringMatching(/^OOM/) },
    });
    decline(stream, "Hyperborea");
    await stream.flush();
    expect(await streamTexts(admin)).toEqual(["city atlantis", "city lemuria", "city mu", "city hyperborea"]);
    expect(logs.entries().at(-1)).toMatchObject({
      msg: "unanswered stream: Redis takes records again",
      dropped: 0,
    });
  });

  it("keeps 1,000 records while Redis is away, warns when it drops older ones, and counts them", async () => {
    const logs = captureLogs("info");
    const redis = connectRedis(server.url, logs.logger);
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to connect");
    const stream = new UnansweredStream(redis, logs.logger);
    await server.kill();
    const cities = Array.from({ length: 1005 }, (_, i) => `Atlantis${i}`);
    for (const city of cities) decline(stream, city);
    const dropping = "unanswered stream: memory full while Redis does not take records; dropping the oldest";
    await eventually(() => (messagesOf(logs, 40).includes(dropping) ? true : undefined), "the warning");
    await server.restart();
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to reconnect");
    await stream.flush();
    const admin = await server.connect();
    expect(await streamTexts(admin)).toEqual(cities.slice(5).map((c) => `city ${c.toLowerCase()}`));
    expect(messagesOf(logs, 40).filter((m) => m === dropping)).toHaveLength(1);
    expect(logs.entries().at(-1)).toMatchObject({
      msg: "unanswered stream: Redis takes records again",
      dropped: 5,
    });
    redis.disconnect();
  });

  it("says how many records are lost when it stops while Redis is away", async () => {
    const logs = captureLogs("info");
    const redis = connectRedis(server.url, logs.logger);
    await eventually(() => (redis.status === "ready" ? true : undefined), "Redis to connect");
    const stream = new UnansweredStream(redis, logs.logger);
    await server.kill();
    decline(stream, "Atlantis");
    decline(stream, "Lemuria");
    await stream.flush();
    expect(logs.entries().at(-1)).toMatchObject({
      level: 40,
      msg: "unanswered stream: stopping with records Redis did not take",
      lost: 2,
      dropped: 0,
    });
    redis.disconnect();
    await server.restart();
  });
});
