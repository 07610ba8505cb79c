/** The curators' inbox read from the Redis stream every instance writes to, against a real redis-server. */
import { expect, it } from "vitest";
import { UNANSWERED_STREAM } from "../../src/ops/unanswered-stream.js";
import { runCli } from "../helpers.js";
import { answered, declined, inboxJson, inboxSetUp, vote } from "../inbox.js";
import { describeWithRedis, redisForSuite } from "../redis.js";

describeWithRedis("report with REDIS_URL", () => {
  const server = redisForSuite();

  it("lists the stream's records of every kind, old lines included, and acts on its groups", async () => {
    const redis = await server().connect();
    const records = [
      declined("visa for a spouse"),
      declined("and hangzhou", { followed: "how many returnees in beijing", language: "en" }),
      answered(["a-green-cards"]),
      vote("down", "green cards", ["a-green-cards"]),
      vote("down", "green cards", ["a-green-cards"], { reason: "wrong" }),
    ];
    for (const record of records) await redis.xadd(UNANSWERED_STREAM, "*", "record", JSON.stringify(record));
    // The file holds nothing: what is listed comes from the stream.
    const { env: fileEnv } = inboxSetUp([]);
    const env = { ...fileEnv, REDIS_URL: server().url };
    const view = await inboxJson(env);
    expect(view.source).toBe(`the Redis stream ${UNANSWERED_STREAM}`);
    expect(view.records).toBe(5);
    expect(view.groups.map((g) => [g.kind, g.text, g.followed]).sort()).toEqual([
      ["declined", "and hangzhou", "how many returnees in beijing"],
      ["declined", "visa for a spouse", undefined],
      ["disliked", "green cards", undefined],
    ]);
    expect(view.votes).toEqual([{ id: "a-green-cards", up: 0, down: 1 }]);
    const visa = view.groups.find((g) => g.text === "visa for a spouse");
    expect((await runCli(["report", "ignore", visa?.id ?? ""], env)).code).toBe(0);
    expect((await inboxJson(env)).groups.map((g) => g.text)).not.toContain("visa for a spouse");
  });
});
