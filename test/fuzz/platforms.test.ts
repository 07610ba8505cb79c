/**
 * The same inputs through the real libraries: discord.js against the fake Discord, Bolt against
 * the fake Slack. Every input gets a reply, never the apology; what reaches the platform keeps its
 * limits and pings no one.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackService, startSlack } from "../../src/adapters/slack/index.js";
import { messages } from "../../src/core/compose/messages.js";
import { zhMessages } from "../../src/core/compose/messages.zh.js";
import { notices } from "../../src/ops/notices.js";
import {
  interact,
  type MessageBody,
  type RunningBot,
  replyOf,
  startBot,
} from "../adapters/discord/harness.js";
import { slashCommand as discordCommand, userMessage } from "../adapters/discord/payloads.js";
import { expectInert, expectWithinLimits } from "../adapters/slack/limits.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "../adapters/slack/requests.js";
import { FakeSlack } from "../fakes/slack.js";
import { fixtureCore, live, testDesk } from "../helpers.js";
import { userInput } from "./inputs.js";

const RUNS = { numRuns: 25 };
const WALL = "海归 <!channel> @everyone ".repeat(5000);
const SILENT = { parse: [], replied_user: false };

/** Discord's limits on a message body as the bot sent it. */
function expectDiscordBody(body: MessageBody): void {
  expect(body.allowed_mentions).toEqual(SILENT);
  expect((body.content ?? "").length).toBeLessThanOrEqual(2000);
  for (const embed of body.embeds ?? []) {
    const fields = embed.fields ?? [];
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(fields.length).toBeLessThanOrEqual(25);
    const total = [
      embed.title,
      embed.description,
      embed.footer?.text,
      ...fields.flatMap((f) => [f.name, f.value]),
    ]
      .map((t) => t?.length ?? 0)
      .reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(6000);
  }
  expect(body.content ?? "").not.toBe(notices.en.apology);
}

describe("whatever is typed, on Discord", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(fixtureCore());
  });
  afterAll(async () => {
    await bot?.stop();
  });

  async function dm(content: string): Promise<MessageBody> {
    const message = userMessage(content, { dm: true });
    await bot.fake.dispatch("MESSAGE_CREATE", message);
    const reply = await bot.fake.waitForRequest(
      (r) => (r.body as MessageBody | undefined)?.message_reference?.message_id === message.id,
      "the reply",
    );
    return reply.body as MessageBody;
  }

  it("replies to every direct message within Discord's limits, pinging no one", async () => {
    await fc.assert(
      fc.asyncProperty(userInput, async (line) => expectDiscordBody(await dm(line))),
      RUNS,
    );
  });

  it("replies to every /ask within Discord's limits, pinging no one", async () => {
    await fc.assert(
      fc.asyncProperty(userInput, async (line) => {
        expectDiscordBody(replyOf(await interact(bot.fake, discordCommand("ask", { question: line }))));
      }),
      RUNS,
    );
  });

  it("asks to shorten a 100 kB message", async () => {
    const reply = await dm(WALL);
    // The wall mixes Chinese and English, so the request may come in the DM's language so far.
    const description = reply.embeds?.[0]?.description ?? "";
    expect([messages, zhMessages].some((m) => description.includes(m.tooLong(500)))).toBe(true);
  });
});

describe("whatever is typed, on Slack", () => {
  let fake: FakeSlack;
  let service: SlackService;
  let url: string;
  let serial = 0;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
    service = await startSlack(
      live(fixtureCore()),
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
      testDesk().desk,
      { host: "127.0.0.1" },
    );
    url = `http://127.0.0.1:${service.port}/slack/events`;
  });
  afterAll(async () => {
    await service?.stop();
    await fake?.close();
  });

  it("answers every /ask within Slack's limits, inert", async () => {
    await fc.assert(
      fc.asyncProperty(userInput, async (line) => {
        serial += 1;
        const id = `fuzz-${serial}`;
        const form = new URLSearchParams(slashCommand("/ask", line, fake.responseUrl(id)));
        const response = await postSigned(url, form.toString(), "application/x-www-form-urlencoded");
        expect(response.status).toBe(200);
        const { body } = await fake.waitForResponse(id);
        const message = { text: String(body.text), blocks: body.blocks as never };
        expectWithinLimits(message);
        expectInert(message);
        expect(body.text).not.toBe(notices.en.apology);
      }),
      RUNS,
    );
  });

  it("answers every direct message within Slack's limits, inert, a 100 kB one included", async () => {
    const send = async (line: string) => {
      serial += 1;
      const channel = `DFUZZ${serial}`;
      await postSigned(
        url,
        JSON.stringify(eventCallback(directMessage(line, channel, `1.${serial}`))),
        "application/json",
      );
      const call = await fake.waitForCall("chat.postMessage", channel);
      const message = { text: String(call.args.text), blocks: call.args.blocks as never };
      expectWithinLimits(message);
      expectInert(message);
      return message;
    };
    await fc.assert(
      fc.asyncProperty(userInput, async (line) => void (await send(line))),
      RUNS,
    );
    // The wall is mostly Chinese, so the request to shorten it is in Chinese.
    expect((await send(WALL)).text).toContain(zhMessages.tooLong(500));
  });
});
