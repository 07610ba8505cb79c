/**
 * Two instances of `serve` (Slack over HTTP, in this process) sharing one redis-server and one
 * knowledge folder: a reload on one, by SIGHUP, reaches the other, and a broken folder is refused
 * on both while the old knowledge keeps answering.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { BOT_TOKEN, postSigned, SIGNING_SECRET, slashCommand } from "./adapters/slack/requests.js";
import { FakeSlack } from "./fakes/slack.js";
import {
  addShenzhenGreenCards,
  breakBetaFacts,
  copyOfFixture,
  eventually,
  type InProcessBot,
  NEW_FACT_FIGURE,
  NEW_FACT_QUESTION,
  serveInProcess,
} from "./helpers.js";
import { describeWithRedis, RedisServer } from "./redis.js";

describeWithRedis("knowledge reloads across two instances sharing one Redis", () => {
  let redis: RedisServer;
  let slack: FakeSlack;
  let dir: string;
  let a: InProcessBot;
  let b: InProcessBot;

  beforeAll(async () => {
    redis = await RedisServer.start();
    slack = await new FakeSlack().start();
    dir = copyOfFixture();
    const env = {
      KNOWLEDGE_DIR: dir,
      REDIS_URL: redis.url,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      UNANSWERED_LOG: "off",
    };
    [a, b] = [await serveInProcess(env), await serveInProcess(env)];
    const listening = (bot: InProcessBot) =>
      bot.logs().find((e) => e.msg === "listening for reloads on other instances");
    await eventually(() => listening(a) && listening(b), "both instances listening for reloads");
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await slack?.close();
    await redis?.stop();
  });

  const ask = async (bot: InProcessBot, id: string) => {
    const form = slashCommand("/ask", NEW_FACT_QUESTION, slack.responseUrl(id));
    await postSigned(bot.url, new URLSearchParams(form).toString(), "application/x-www-form-urlencoded");
    return String((await slack.waitForResponse(id)).body.text);
  };
  const reloads = (bot: InProcessBot, msg: string) => bot.logs().filter((e) => e.msg === msg);

  it("answers the new fact on the other instance after SIGHUP reloads one", async () => {
    expect(await ask(b, "b-before")).not.toContain(NEW_FACT_FIGURE);
    addShenzhenGreenCards(dir);
    a.events.emit("SIGHUP");
    const heard = await eventually(() => reloads(b, "knowledge reloaded")[0], "B reloaded");
    expect(heard.origin).toBe("elsewhere");
    expect(reloads(a, "knowledge reloaded")[0]).toMatchObject({
      origin: "here",
      changes: { facts: { added: 1, changed: 0, removed: 0 } },
    });
    expect(await ask(b, "b-after")).toContain(NEW_FACT_FIGURE);
  });

  it("logs a broken folder on SIGHUP, keeps serving the old knowledge, and tells no one to reload", async () => {
    breakBetaFacts(dir);
    a.events.emit("SIGHUP");
    const refused = await eventually(
      () => reloads(a, "knowledge not reloaded: the old knowledge keeps answering")[0],
      "A refused",
    );
    expect(String(refused.problem)).toMatch(/beta\.json/);
    expect(await ask(a, "a-after-broken")).toContain(NEW_FACT_FIGURE);
    expect(reloads(b, "knowledge not reloaded: the old knowledge keeps answering")).toEqual([]);
  });
});
