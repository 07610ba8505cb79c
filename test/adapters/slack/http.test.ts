import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { commandMessages, helpMessages } from "../../../commands/messages.js";
import { type SlackService, startSlack } from "../../../src/adapters/slack/index.js";
import { messages } from "../../../src/core/compose/messages.js";
import { notices } from "../../../src/ops/notices.js";
import { BOT_USER_ID, FakeSlack } from "../../fakes/slack.js";
import { fixtureCore, live, testDesk } from "../../helpers.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  mention,
  postSigned,
  SIGNING_SECRET,
  type Signed,
  slashCommand,
} from "./requests.js";

let fake: FakeSlack;
let service: SlackService;
let base: string;
const { desk, log } = testDesk();

beforeAll(async () => {
  fake = await new FakeSlack().start();
  service = await startSlack(
    live(fixtureCore()),
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk,
    { host: "127.0.0.1" },
  );
  base = `http://127.0.0.1:${service.port}`;
});

afterAll(async () => {
  await service?.stop();
  await fake?.close();
});

const FORM = "application/x-www-form-urlencoded";

/** Posts an event as a new delivery, or `delivery` again (a redelivery keeps its event_id). */
function postEvent(event: Record<string, unknown>, options: Signed = {}, delivery = eventCallback(event)) {
  return postSigned(`${base}/slack/events`, JSON.stringify(delivery), "application/json", options);
}

function postCommand(command: string, text: string, responseId: string, options: Signed = {}) {
  const form = new URLSearchParams(slashCommand(command, text, fake.responseUrl(responseId)));
  return postSigned(`${base}/slack/events`, form.toString(), FORM, options);
}

const json = (value: unknown) => JSON.stringify(value);
let sentinels = 0;

/**
 * Sends a request that must not be answered, then a direct message that must be; once that answer
 * is in, nothing may have reached the fake for the first request's channel or response_url.
 */
async function expectNoAnswer(channel: string, send: () => Promise<{ status: number }>, expected = 200) {
  const before = fake.calls.length;
  expect((await send()).status).toBe(expected);
  sentinels += 1;
  const sentinel = `DSENTINEL${sentinels}`;
  await postEvent(directMessage("/help", sentinel, `1700000999.00000${sentinels}`));
  await fake.waitForCall("chat.postMessage", sentinel);
  const since = fake.calls.slice(before);
  expect(since.filter((c) => c.args.channel === channel)).toEqual([]);
  expect(since.filter((c) => c.args.channel !== sentinel)).toEqual([]);
  expect(fake.responses.filter((r) => r.id === channel)).toEqual([]);
}

describe("Slack over HTTP: start-up", () => {
  it("checks the bot token with auth.test once, at start-up", () => {
    const checks = fake.callsOf("auth.test");
    expect(checks).toHaveLength(1);
    expect(checks[0]?.token).toBe(BOT_TOKEN);
  });

  it("answers GET /healthz with 200 and no signature", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("echoes the challenge of a signed url_verification", async () => {
    const body = json({ token: "t", challenge: "challenge-4711", type: "url_verification" });
    const response = await postSigned(`${base}/slack/events`, body, "application/json");
    expect(response.status).toBe(200);
    expect(response.body).toContain("challenge-4711");
  });
});

describe("Slack over HTTP: slash commands", () => {
  it("acknowledges /city at once, then answers in the channel at the response_url", async () => {
    const response = await postCommand("/city", "Guangzhou", "city-gz");
    expect(response.status).toBe(200);
    expect(response.body).toBe("");
    const { body } = await fake.waitForResponse("city-gz");
    expect(body.response_type).toBe("in_channel");
    expect(body.text).toContain("Guangzhou");
    expect(json(body.blocks)).toContain("Guangzhou had drawn more than 67,000 overseas returnees");
    expect(json(body.blocks)).toContain("Alpha City courts returning scholars");
    expect(json(body.blocks)).toContain("published 2017-09-06, 9 years ago");
  });

  it("reads named options: /city name:GZ answers about Guangzhou", async () => {
    await postCommand("/city", "name:GZ", "city-named");
    const { body } = await fake.waitForResponse("city-named");
    expect(body.response_type).toBe("in_channel");
    expect(body.text).toContain("Guangzhou");
  });

  it("answers a free question with /ask", async () => {
    await postCommand("/ask", "How many returnees has Guangzhou attracted?", "ask");
    const { body } = await fake.waitForResponse("ask");
    expect(body.response_type).toBe("in_channel");
    expect(body.text).toContain("67,000");
  });

  it("serves every command of the registry, each reaching its own command", async () => {
    for (const command of commands) {
      await postCommand(`/${command.name}`, "", `every-${command.name}`);
      const { body } = await fake.waitForResponse(`every-${command.name}`);
      expect(body.text).not.toContain(commandMessages.en.unknownCommand(command.name));
      expect(body.text).not.toContain(notices.en.apology);
      const required = command.options.find((o) => o.required);
      if (command.admin === true) expect(body.text).toContain(commandMessages.en.curatorsOnly(command.name));
      else if (required !== undefined)
        expect(body.text).toContain(`/${command.name} needs a ${required.name}`);
    }
  });

  it("shows /help only to the asker", async () => {
    await postCommand("/help", "", "help");
    const { body } = await fake.waitForResponse("help");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain(helpMessages.en.title);
    for (const command of commands.filter((c) => c.admin !== true)) {
      expect(json(body.blocks)).toContain(`/${command.name}`);
    }
    expect(json(body.blocks)).not.toContain("/kb");
  });

  it("declines only to the asker, saying so and offering what it can answer", async () => {
    await postCommand("/city", "Atlantis", "decline");
    const { body } = await fake.waitForResponse("decline");
    expect(body.response_type).toBe("ephemeral");
    expect(json(body.blocks)).toContain(messages.declineTitle);
    expect(json(body.blocks)).toContain("/city Guangzhou");
  });

  it("echoes a broadcast or a mention in the question back inert", async () => {
    await postCommand("/city", "<!channel> <@U1234567> @here", "escape");
    const { body } = await fake.waitForResponse("escape");
    const everything = json(body);
    expect(everything).toContain("&lt;!channel&gt;");
    expect(everything).toContain("&lt;@U1234567&gt;");
    expect(everything).not.toContain("<!channel>");
    expect(everything).not.toContain("<@U1234567>");
    expect(everything).not.toMatch(/@here/);
  });
});

describe("Slack over HTTP: mentions and direct messages", () => {
  it("answers an app_mention in a thread under the message", async () => {
    const response = await postEvent(
      mention(
        `<@${BOT_USER_ID}> How many returnees has Guangzhou attracted?`,
        "CMENTION1",
        "1700000001.000100",
      ),
    );
    expect(response.status).toBe(200);
    const call = await fake.waitForCall("chat.postMessage", "CMENTION1");
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.args.thread_ts).toBe("1700000001.000100");
    expect(call.args.text).toContain("67,000");
    expect(json(call.args.blocks)).toContain("Alpha City courts returning scholars");
  });

  it("answers a mention inside a thread in that same thread", async () => {
    await postEvent(
      mention(`<@${BOT_USER_ID}> gz green cards`, "CMENTION2", "1700000002.000200", "1700000002.000001"),
    );
    const call = await fake.waitForCall("chat.postMessage", "CMENTION2");
    expect(call.args.thread_ts).toBe("1700000002.000001");
    expect(call.args.text).toContain("2,515");
  });

  it("tells only the asker, in the thread, when a mention cannot be answered", async () => {
    await postEvent(mention(`<@${BOT_USER_ID}> How do I cook fried rice?`, "CMENTION3", "1700000003.000300"));
    const call = await fake.waitForCall("chat.postEphemeral", "CMENTION3");
    expect(call.args.user).toBe("U0000001");
    expect(call.args.thread_ts).toBe("1700000003.000300");
    expect(json(call.args.blocks)).toContain(messages.declineTitle);
    expect(fake.callsOf("chat.postMessage", "CMENTION3")).toEqual([]);
  });

  it("makes a mention's echoed text inert", async () => {
    await postEvent(
      mention(`<@${BOT_USER_ID}> /city <!channel> <@U7654321> @here`, "CMENTION4", "1700000004.000400"),
    );
    const call = await fake.waitForCall("chat.postEphemeral", "CMENTION4");
    const everything = json(call.args);
    expect(everything).toContain("&lt;!channel&gt;");
    expect(everything).not.toContain("<!channel>");
    expect(everything).not.toContain("<@U7654321>");
    expect(everything).not.toMatch(/@here/);
  });

  it("answers a direct message in the conversation", async () => {
    await postEvent(directMessage("/city Guangzhou", "DDIRECT1", "1700000005.000500"));
    const call = await fake.waitForCall("chat.postMessage", "DDIRECT1");
    expect(call.args.thread_ts).toBeUndefined();
    expect(call.args.text).toContain("Guangzhou");
    expect(json(call.args.blocks)).toContain("Alpha City courts returning scholars");
  });

  it("answers a declined direct message in the conversation too, since only the asker is there", async () => {
    await postEvent(directMessage("How do I cook fried rice?", "DDIRECT2", "1700000006.000600"));
    const call = await fake.waitForCall("chat.postMessage", "DDIRECT2");
    expect(json(call.args.blocks)).toContain(messages.declineTitle);
  });

  it("ignores a message from a bot", async () => {
    await expectNoAnswer("DBOT1", () =>
      postEvent(directMessage("gz green cards", "DBOT1", "1700000007.000700", { bot_id: "BOTHER01" })),
    );
  });

  it("ignores its own messages", async () => {
    await expectNoAnswer("DSELF1", () =>
      postEvent(directMessage("gz green cards", "DSELF1", "1700000008.000800", { user: BOT_USER_ID })),
    );
  });

  it("ignores edits, joins and topic changes", async () => {
    for (const [subtype, channel] of [
      ["message_changed", "DEDIT1"],
      ["channel_join", "DJOIN1"],
      ["channel_topic", "DTOPIC1"],
    ] as const) {
      await expectNoAnswer(channel, () =>
        postEvent(directMessage("gz green cards", channel, "1700000009.000900", { subtype })),
      );
    }
  });

  it("answers a redelivered event only once", async () => {
    const event = mention(`<@${BOT_USER_ID}> gz green cards`, "CRETRY1", "1700000010.001000");
    const delivery = eventCallback(event);
    await postEvent(event, {}, delivery);
    await fake.waitForCall("chat.postMessage", "CRETRY1");
    const before = fake.callsOf("chat.postMessage", "CRETRY1").length;
    const response = await postEvent(event, { retryNum: 1 }, delivery);
    expect(response.status).toBe(200);
    await postEvent(directMessage("/help", "DAFTERRETRY", "1700000010.001001"));
    await fake.waitForCall("chat.postMessage", "DAFTERRETRY");
    expect(before).toBe(1);
    expect(fake.callsOf("chat.postMessage", "CRETRY1")).toHaveLength(1);
  });

  it("answers a redelivery whose first delivery never arrived", async () => {
    const event = mention(`<@${BOT_USER_ID}> gz green cards`, "CRETRY2", "1700000010.002000");
    expect((await postEvent(event, { retryNum: 1 })).status).toBe(200);
    expect((await fake.waitForCall("chat.postMessage", "CRETRY2")).args.text).toContain("2,515");
  });
});

describe("Slack over HTTP: request signatures", () => {
  it("rejects a bad signature with 401 and runs no handler", async () => {
    await expectNoAnswer(
      "CFORGED1",
      () =>
        postEvent(mention("gz green cards", "CFORGED1", "1700000011.001100"), { secret: "not-the-secret" }),
      401,
    );
  });

  it("rejects a slash command signed more than 5 minutes ago with 401", async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    await expectNoAnswer(
      "CSTALE1",
      () => postCommand("/city", "Guangzhou", "CSTALE1", { timestamp: stale }),
      401,
    );
  });

  it("rejects a slash command signed correctly but stamped an hour ahead with 401", async () => {
    const ahead = Math.floor(Date.now() / 1000) + 60 * 60;
    await expectNoAnswer(
      "CFUTURE1",
      () => postCommand("/city", "Guangzhou", "CFUTURE1", { timestamp: ahead }),
      401,
    );
  });

  it("answers a correctly signed body that is not an object with 400, and keeps serving", async () => {
    for (const body of ["null", "42", '"text"', "[]"]) {
      expect((await postSigned(`${base}/slack/events`, body, "application/json")).status).toBe(400);
    }
    await postEvent(directMessage("/help", "DAFTERNULL", "1700000012.001200"));
    await fake.waitForCall("chat.postMessage", "DAFTERNULL");
  });

  it("logs refused requests at most once a minute, with how many there were", async () => {
    for (let i = 0; i < 5; i++) {
      await postEvent(mention("gz green cards", "CFORGED2", "1700000013.001300"), { secret: "wrong" });
    }
    const refusals = log.entries().filter((e) => String(e.msg).startsWith("Slack: refused requests"));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ level: 40, refused: 1 });
  });
});
