import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpMessages } from "../../../commands/messages.js";
import { type SlackService, startSlack } from "../../../src/adapters/slack/index.js";
import { ConfigError } from "../../../src/config.js";
import { Core } from "../../../src/core/core.js";
import { notices } from "../../../src/ops/notices.js";
import { BOT_USER_ID, FakeSlack } from "../../fakes/slack.js";
import { FIXTURE_KNOWLEDGE, fixtureCore, live, testDesk } from "../../helpers.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  mention,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "./requests.js";

/** A core whose clock fails: every answer that dates its facts throws; help and declines still work. */
const brokenCore = Core.load({
  knowledgeDir: FIXTURE_KNOWLEDGE,
  now: () => {
    throw new Error("the clock is broken");
  },
});

let fake: FakeSlack;
let broken: SlackService;
let working: SlackService;
/** One desk for both apps, with the secrets the configuration would give its logger. */
const { desk, log } = testDesk({ secrets: [BOT_TOKEN, SIGNING_SECRET] });

const start = (core: Core, apiUrl: string) =>
  startSlack(live(core), { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl, port: 0 }, desk, {
    host: "127.0.0.1",
  });

beforeAll(async () => {
  fake = await new FakeSlack().start();
  fake.fail(
    "chat.postMessage",
    "channel_not_found",
    (args) => args.channel === "CREFUSED" || args.channel === "CDOWN",
  );
  fake.fail("chat.postEphemeral", "channel_not_found", (args) => args.channel === "CDOWN");
  broken = await start(brokenCore, fake.apiUrl);
  working = await start(fixtureCore(), fake.apiUrl);
});

afterAll(async () => {
  await broken?.stop();
  await working?.stop();
  await fake?.close();
});

const eventsUrl = (service: SlackService) => `http://127.0.0.1:${service.port}/slack/events`;

const postEvent = (service: SlackService, event: Record<string, unknown>) =>
  postSigned(eventsUrl(service), JSON.stringify(eventCallback(event)), "application/json");

const postCommand = (command: string, text: string, id: string) =>
  postSigned(
    eventsUrl(broken),
    new URLSearchParams(slashCommand(command, text, fake.responseUrl(id))).toString(),
    "application/x-www-form-urlencoded",
  );

/** Each error logged, as one line of its message, where and the error's own fields. */
const logged = () =>
  log
    .entries()
    .filter((e) => (e.level as number) >= 50)
    .map((e) => JSON.stringify(e));

describe("Slack adapter failures", () => {
  it("apologises only to the asker, in the acknowledgement, when a slash command's answer throws, and logs it", async () => {
    const response = await postCommand("/city", "Guangzhou", "broken-city");
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(notices.en.apology);
    expect(fake.responses.filter((r) => r.id === "broken-city")).toEqual([]);
    expect(
      logged().some((line) => line.includes('"slash command"') && line.includes("the clock is broken")),
    ).toBe(true);
  });

  it("keeps answering after a handler failed", async () => {
    await postCommand("/help", "", "after-failure");
    const { body } = await fake.waitForResponse("after-failure");
    expect(body.text).toContain(helpMessages.en.title);
  });

  it("apologises to the asker in the thread when a mention's answer throws", async () => {
    await postEvent(broken, mention(`<@${BOT_USER_ID}> /city Guangzhou`, "CBROKEN", "1700000200.000100"));
    const call = await fake.waitForCall("chat.postEphemeral", "CBROKEN");
    expect(call.args.text).toBe(notices.en.apology);
    expect(call.args.thread_ts).toBe("1700000200.000100");
    expect(call.args.user).toBe("U0000001");
  });

  it("apologises only to the asker when Slack refuses to post the answer, and logs Slack's error", async () => {
    await postEvent(working, mention(`<@${BOT_USER_ID}> gz green cards`, "CREFUSED", "1700000201.000100"));
    const apology = await fake.waitForCall("chat.postEphemeral", "CREFUSED");
    expect(apology.args.text).toBe(notices.en.apology);
    expect(apology.args.thread_ts).toBe("1700000201.000100");
    expect(fake.callsOf("chat.postMessage", "CREFUSED")).toHaveLength(1);
    expect(logged().some((line) => line.includes("channel_not_found"))).toBe(true);
  });

  it("stays up when even the apology cannot be posted", async () => {
    await postEvent(working, mention(`<@${BOT_USER_ID}> gz green cards`, "CDOWN", "1700000202.000100"));
    await fake.waitForCall("chat.postEphemeral", "CDOWN");
    await postEvent(working, directMessage("/help", "DSTILLUP", "1700000202.000200"));
    const call = await fake.waitForCall("chat.postMessage", "DSTILLUP");
    expect(call.args.text).toContain(helpMessages.en.title);
    await fake.waitFor(
      () => logged().find((line) => line.includes("sending a notice failed")),
      "the failed apology logged",
    );
  });

  it("never logs a token or the signing secret", () => {
    expect(logged().length).toBeGreaterThan(0);
    for (const line of log.raw().split("\n")) {
      expect(line).not.toContain(BOT_TOKEN);
      expect(line).not.toContain(SIGNING_SECRET);
      expect(line).not.toMatch(/xox[a-z]-/);
    }
  });

  it("refuses to start when Slack rejects the bot token, naming the variable and not the token", async () => {
    const rejecting = await new FakeSlack().start();
    rejecting.fail("auth.test", "invalid_auth");
    try {
      const starting = start(fixtureCore(), rejecting.apiUrl);
      await expect(starting).rejects.toThrow(ConfigError);
      await expect(starting).rejects.toThrow(/SLACK_BOT_TOKEN: Slack refused it \(invalid_auth\)/);
      await starting.catch((error: Error) => expect(error.message).not.toContain(BOT_TOKEN));
    } finally {
      await rejecting.close();
    }
  });
});
