/** The curators' digest: its summary, posted through the real Slack and Discord clients to the fakes, once a period. */
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { Digest, type DigestTarget } from "../../src/ops/digest.js";
import { startDigest } from "../../src/ops/digest-schedule.js";
import { claimPeriod } from "../../src/ops/redis-digest.js";
import { readInbox } from "../../src/ops/report-command.js";
import { startBot } from "../adapters/discord/harness.js";
import { ids } from "../adapters/discord/payloads.js";
import { startSlackApp } from "../adapters/slack/harness.js";
import { captureLogs, editedFixture } from "../helpers.js";
import { declined, inboxSetUp, vote } from "../inbox.js";
import { describeWithRedis, redisForSuite } from "../redis.js";

const HOUR = 3_600_000;
const NOW = new Date("2026-03-01T12:00:00Z");
const CHANNEL = "CDIGEST01";

/**
 * The inbox over a log of three new groups (a question declined twice, one declined once, one 👎),
 * with the fixture's returnee count due for review.
 */
function inbox() {
  const { env, knowledge } = inboxSetUp([
    declined("visa for a spouse"),
    declined("visa for a spouse"),
    declined("importing a pet"),
    vote("down", "green cards in guangzhou", ["a-green-cards"]),
  ]);
  editedFixture<{ id: string }>(
    "facts/alpha.json",
    (facts) => Object.assign(facts.find((f) => f.id === "a-returnees") ?? {}, { reviewAfter: "2019-07" }),
    knowledge,
  );
  const config = loadConfig(env);
  return () => readInbox(config, NOW, { top: Number.MAX_SAFE_INTEGER, all: false });
}

function digest(
  targets: DigestTarget[],
  extra: { claim?: ReturnType<typeof claimPeriod>; now?: () => number } = {},
) {
  const log = captureLogs();
  return {
    log,
    digest: new Digest({ everyMs: HOUR, inbox: inbox(), targets, logger: log.logger, ...extra }),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((stop) => stop()));
});

describe("the digest", () => {
  it("posts new groups with the most asked first, the 👎 not looked at and the facts due, to Slack", async () => {
    const slack = await startSlackApp();
    cleanups.push(slack.stop);
    const post = slack.service.post;
    if (post === undefined) throw new Error("the Slack service cannot post");
    const { digest: d } = digest([{ platform: "slack", post: (text) => post(CHANNEL, text) }]);
    expect(await d.run()).toBe(true);
    const [call, ...more] = slack.fake.callsOf("chat.postMessage", CHANNEL);
    expect(more).toEqual([]);
    const text = String(call?.args.text);
    expect(text).toMatch(/3 new groups, most asked: \w+ 2× “visa for a spouse”/);
    expect(text).toContain("• 1 👎 on answers");
    expect(text).toContain("• 1 fact due for review");
    expect(text.split("\n").length).toBe(4);
  });

  it("posts to a Discord channel with no mentions allowed", async () => {
    const bot = await startBot();
    cleanups.push(bot.stop);
    const post = bot.service.post;
    if (post === undefined) throw new Error("the Discord service cannot post");
    const { digest: d } = digest([{ platform: "discord", post: (text) => post(ids.general, text) }]);
    expect(await d.run()).toBe(true);
    const sent = await bot.fake.waitForRequest(
      (r) => r.method === "POST" && r.path === `/channels/${ids.general}/messages`,
      "the digest message",
    );
    const body = sent.body as { content: string; allowed_mentions: { parse: string[] } };
    expect(body.content).toContain("3 new groups");
    expect(body.allowed_mentions.parse).toEqual([]);
  });

  it("logs a failing channel once until it works again, and keeps posting to the others", async () => {
    let broken = true;
    const posted: string[] = [];
    const { digest: d, log } = digest([
      {
        platform: "slack",
        post: async () => {
          if (broken) throw new Error("channel_not_found");
        },
      },
      { platform: "discord", post: async (text) => void posted.push(text) },
    ]);
    expect(await d.run()).toBe(false);
    expect(await d.run()).toBe(false);
    broken = false;
    expect(await d.run()).toBe(true);
    const lines = log.entries().filter((e) => e.step === "slack");
    expect(lines.map((e) => e.level)).toEqual([40, 30]);
    expect(posted).toHaveLength(3);
  });
});

describeWithRedis("the digest with many instances sharing Redis", () => {
  const server = redisForSuite();

  it("is posted by one instance a period", async () => {
    const redis = await server().connect();
    let clock = NOW.getTime();
    const posted: string[] = [];
    const instances = [1, 2, 3].map(
      () =>
        digest([{ platform: "slack", post: async (text) => void posted.push(text) }], {
          claim: claimPeriod(redis),
          now: () => clock,
        }).digest,
    );
    expect(await Promise.all(instances.map((d) => d.run()))).toEqual(
      expect.arrayContaining([true, false, false]),
    );
    expect(posted).toHaveLength(1);
    clock += HOUR;
    await Promise.all(instances.map((d) => d.run()));
    expect(posted).toHaveLength(2);
  });
});

describe("the digest's schedule in serve", () => {
  it("leaves out, saying so, a platform whose process holds no client to post with", async () => {
    const { env } = inboxSetUp([]);
    const config = loadConfig({
      ...env,
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: ids.app,
      DIGEST_EVERY_HOURS: "1",
      DISCORD_DIGEST_CHANNEL: ids.general,
    });
    const log = captureLogs();
    if (config.digest === undefined) throw new Error("the digest is not configured");
    const schedule = await startDigest(
      { ...config, digest: config.digest },
      { discord: { stop: async () => undefined } },
      log.logger,
    );
    await schedule.stop();
    expect(log.entries()).toContainEqual(
      expect.objectContaining({
        level: 40,
        platform: "discord",
        msg: expect.stringContaining("no client to post with"),
      }),
    );
  });
});
