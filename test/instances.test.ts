/**
 * Two bot processes (the real CLI, `serve`, Slack over HTTP) behind one imaginary balancer, sharing
 * one redis-server and one fake Slack: one person's burst meets one limit, a redelivery is answered
 * exactly once whichever instance gets it, a thread's context reaches the other instance, one
 * report lists what both declined, and killing Redis leaves both answering.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../src/cli.js";
import { CONVERSATION_PREFIX } from "../src/ops/redis-conversations.js";
import { eventCallback, mention, postSigned, type Signed, slashCommand } from "./adapters/slack/requests.js";
import { type BotProcess, startBotProcess } from "./bot-process.js";
import { compile } from "./compiled.js";
import { BOT_USER_ID, FakeSlack } from "./fakes/slack.js";
import { eventually, eventuallyAsync, FIXTURE_KNOWLEDGE, tempDir, waitNotices } from "./helpers.js";
import { describeWithRedis, RedisServer } from "./redis.js";

describeWithRedis("two instances sharing one Redis", () => {
  let redis: RedisServer;
  let slack: FakeSlack;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    const { cli } = compile("returnee-bot-instances");
    redis = await RedisServer.start();
    slack = await new FakeSlack().start();
    const env = {
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      REDIS_URL: redis.url,
      LOG_LEVEL: "debug",
      UNANSWERED_LOG: `${tempDir()}/unanswered.jsonl`,
    };
    [a, b] = await Promise.all([
      startBotProcess(cli, slack.apiUrl, env),
      startBotProcess(cli, slack.apiUrl, env),
    ]);
    // On a busy machine the first connection may time out before it is ready: "Redis reachable
    // again: sharing state" then says the same.
    const sharing = (bot: BotProcess) =>
      bot.logs().find((e) => typeof e.msg === "string" && e.msg.endsWith(": sharing state"));
    await eventually(() => sharing(a) && sharing(b), "both instances sharing state");
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await slack?.close();
    await redis?.stop();
  });

  const command = (bot: BotProcess, text: string, id: string, user: string) =>
    postSigned(
      `${bot.url}/slack/events`,
      new URLSearchParams({ ...slashCommand("/ask", text, slack.responseUrl(id)), user_id: user }).toString(),
      "application/x-www-form-urlencoded",
    );
  const deliver = (bot: BotProcess, delivery: object, options: Signed = {}) =>
    postSigned(`${bot.url}/slack/events`, JSON.stringify(delivery), "application/json", options);
  /** Waits until `bot` has answered in `channel`, so that anything it would have sent before has been. */
  const settled = async (bot: BotProcess, channel: string, ts: string) => {
    await deliver(bot, eventCallback({ ...mention(`<@${BOT_USER_ID}> /help`, channel, ts), user: "UCALM" }));
    await slack.waitForCall("chat.postEphemeral", channel);
  };
  const warnings = (bot: BotProcess) => bot.logs().filter((e) => e.level === 40);

  it("holds one person's burst to one limit across both, telling them once", async () => {
    const acks = [];
    for (let i = 0; i < 10; i++)
      acks.push(await command(i % 2 ? b : a, "gz green cards", `burst-${i}`, "UBURST"));
    expect(acks.map((r) => r.status)).toEqual(Array(10).fill(200));
    const refused = acks.filter((r) => r.body !== "").map((r) => JSON.parse(r.body).text);
    expect(refused).toHaveLength(5);
    for (const notice of refused) expect(waitNotices(25)).toContain(notice);
    for (const i of [0, 1, 2, 3, 4]) {
      expect((await slack.waitForResponse(`burst-${i}`)).body.text).toContain("2,515");
    }
    const told = [...a.logs(), ...b.logs()].filter(
      (e) => e.msg === "rate limit: holding back one person's questions",
    );
    expect(told).toHaveLength(1);
  });

  it("answers an event redelivered to the other instance exactly once", async () => {
    const delivery = eventCallback({
      ...mention(`<@${BOT_USER_ID}> gz green cards`, "CTWICE", "1700001000.000100"),
      user: "UTWICE",
    });
    await deliver(a, delivery);
    await slack.waitForCall("chat.postMessage", "CTWICE");
    expect((await deliver(b, delivery, { retryNum: 1 })).status).toBe(200);
    await settled(b, "CTWICE-AFTER", "1700001000.000200");
    expect(slack.callsOf("chat.postMessage", "CTWICE")).toHaveLength(1);
  });

  it("answers once a redelivery whose first delivery was lost, however often it comes again", async () => {
    const delivery = eventCallback({
      ...mention(`<@${BOT_USER_ID}> gz green cards`, "CLOST", "1700001001.000100"),
      user: "ULOST",
    });
    expect((await deliver(b, delivery, { retryNum: 1 })).status).toBe(200);
    expect((await slack.waitForCall("chat.postMessage", "CLOST")).args.text).toContain("2,515");
    expect((await deliver(a, delivery, { retryNum: 2 })).status).toBe(200);
    await settled(a, "CLOST-AFTER", "1700001001.000200");
    expect(slack.callsOf("chat.postMessage", "CLOST")).toHaveLength(1);
  });

  it("gives a follow-up in a thread, sent to the other instance, the context the thread left", async () => {
    const thread = "1700001002.000100";
    await deliver(
      a,
      eventCallback({
        ...mention(`<@${BOT_USER_ID}> how many returnees has Guangzhou attracted`, "CTHREAD", thread),
        user: "UTHREAD",
      }),
    );
    const first = await slack.waitForCall("chat.postMessage", "CTHREAD");
    expect(first.args.thread_ts).toBe(thread);
    expect(first.args.text).toContain("67,000");
    // The context the first answer left, stored by the first instance in Redis, not in its memory.
    const key = `${CONVERSATION_PREFIX}slack:CTHREAD:${thread}`;
    const store = await redis.connect();
    const left = await eventuallyAsync(
      async () => (await store.get(key)) ?? undefined,
      "the context in Redis",
    );
    expect(JSON.parse(left)).toMatchObject({ entities: ["guangzhou"], asks: "count" });

    // Earlier tests' conversations carried context too: count from here.
    const carried = () => b.logs().filter((e) => e.msg === "answered" && e.carried === true).length;
    const before = carried();
    await deliver(
      b,
      eventCallback({
        ...mention(`<@${BOT_USER_ID}> and Shenzhen?`, "CTHREAD", "1700001002.000200", thread),
        user: "UTHREAD",
      }),
    );
    // Understood as a follow-up: Shenzhen's returnee count, which the sources lack, is declined to
    // the asker in the thread, naming Guangzhou's.
    const followUp = await slack.waitForCall("chat.postEphemeral", "CTHREAD");
    expect(followUp.args.thread_ts).toBe(thread);
    expect(followUp.args.user).toBe("UTHREAD");
    expect(followUp.args.text).toContain("not for Shenzhen");
    expect(followUp.args.text).toContain("Guangzhou: more than 67,000 (July 2017)");
    await eventually(() => (carried() === before + 1 ? true : undefined), "the follow-up logged as carried");
    // The conversation's key holds ids: the bot's own lines never show it (Bolt's debug lines are Bolt's).
    const own = [...a.logs(), ...b.logs()].filter((e) => (e.level as number) >= 30 || e.msg === "answered");
    expect(JSON.stringify(own)).not.toContain("CTHREAD");
  });

  it("reports, from either machine, what both instances declined", async () => {
    await command(a, "How do I cook fried rice?", "declined-a", "UDECLINE");
    await command(b, "visa for a spouse", "declined-b", "UDECLINE");
    await slack.waitForResponse("declined-a");
    await slack.waitForResponse("declined-b");
    const stdout = new PassThrough();
    let report = "";
    stdout.on("data", (d) => (report += d));
    const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: { REDIS_URL: redis.url } };
    await expect(main(["report"], io)).resolves.toBe(0);
    expect(report).toContain("how do i cook fried rice");
    expect(report).toContain("visa for a spouse");
    expect(report).toContain("slack 1");
  });

  it("keeps both answering when Redis is killed, each saying once what it costs, healthy all along", async () => {
    await redis.kill();
    for (const [bot, id] of [
      [a, "down-a"],
      [b, "down-b"],
    ] as const) {
      expect((await command(bot, "gz green cards", id, `U${id}`)).status).toBe(200);
      expect((await slack.waitForResponse(id)).body.text).toContain("2,515");
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    }
    await deliver(
      b,
      eventCallback({
        ...mention(`<@${BOT_USER_ID}> /city Guangzhou`, "CDOWN", "1700001003.000100"),
        user: "UDOWN",
      }),
    );
    expect((await slack.waitForCall("chat.postMessage", "CDOWN")).args.text).toContain("67,000");
    for (const bot of [a, b]) {
      await eventually(() => (warnings(bot).length === 4 ? true : undefined), "the warnings");
      expect(warnings(bot).map((e) => e.msg)).toEqual(
        expect.arrayContaining([
          "Redis unreachable: answering from memory, not sharing state, until it is back",
          expect.stringMatching(/^Redis did not answer: rate limit counts .* up to N times the burst$/),
          expect.stringMatching(/^Redis did not answer: Slack delivery claims .* answered twice/),
          expect.stringMatching(/^Redis did not answer: the answers votes are taken on .* second vote$/),
        ]),
      );
    }
  });
});
