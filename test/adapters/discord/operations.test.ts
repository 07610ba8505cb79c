import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../../src/core/compose/messages.js";
import { MemoryRateLimiter } from "../../../src/ops/rate-limit.js";
import type { RecordedRequest } from "../../fakes/discord.js";
import {
  AT_LIMIT,
  fixtureCore,
  OVER_LIMIT,
  tempDir,
  testDesk,
  UNTIL_DONE,
  waitNotices,
} from "../../helpers.js";
import { interact, type MessageBody, type RunningBot, replyOf, startBot, visibleText } from "./harness.js";
import { botUser, ids, otherHuman, slashCommand, userMessage } from "./payloads.js";

const EPHEMERAL = 64;
const tooLong = messages.tooLong(500);

// The shared fixture knowledge (test/fixtures), where "gz green cards" is answered.

/** The bot's replies to one message, in the order it sent them. */
const repliesTo = (bot: RunningBot, messageId: string) =>
  bot.fake.requests.filter(
    (r: RecordedRequest) =>
      r.method === "POST" && (r.body as MessageBody | undefined)?.message_reference?.message_id === messageId,
  );

async function reply(bot: RunningBot, message: ReturnType<typeof userMessage>): Promise<MessageBody> {
  await bot.fake.dispatch("MESSAGE_CREATE", message);
  const request = await bot.fake.waitForRequest(
    (r) => r.method === "POST" && (r.body as MessageBody).message_reference?.message_id === message.id,
    `a reply to ${message.id}`,
  );
  return request.body as MessageBody;
}

describe("Discord: questions up to the documented length, and over it", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(fixtureCore());
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("answers a 500-character /ask whole, and asks to shorten a 501-character one", async () => {
    const at = replyOf(await interact(bot.fake, slashCommand("ask", { question: AT_LIMIT })));
    expect(at.embeds?.[0]?.title).toContain("Guangzhou");
    const over = replyOf(await interact(bot.fake, slashCommand("ask", { question: OVER_LIMIT })));
    expect(visibleText(over)).toContain(tooLong);
  });

  it("counts a mention's question without the mention itself", async () => {
    const at = await reply(bot, userMessage(`<@${ids.bot}> ${AT_LIMIT}`, { mentions: [botUser] }));
    expect(at.embeds?.[0]?.title).toContain("Guangzhou");
    const over = await reply(bot, userMessage(`<@${ids.bot}> ${OVER_LIMIT}`, { mentions: [botUser] }));
    expect(visibleText(over)).toContain(tooLong);
  });

  it("does the same in a direct message", async () => {
    expect((await reply(bot, userMessage(AT_LIMIT, { dm: true }))).embeds?.[0]?.title).toContain("Guangzhou");
    expect(visibleText(await reply(bot, userMessage(OVER_LIMIT, { dm: true })))).toContain(tooLong);
  });
});

describe("Discord: one person's flood", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    // Two questions in a window of two minutes: nothing refills during the test.
    bot = await startBot(
      fixtureCore(),
      testDesk({ limiter: new MemoryRateLimiter({ burst: 2, perMinute: 1 }) }),
    );
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("answers their first questions, tells them once to wait, then costs no more calls to Discord", async () => {
    const flood = Array.from({ length: 12 }, () =>
      userMessage(`<@${ids.bot}> gz green cards`, { channel: ids.quiet, mentions: [botUser] }),
    );
    for (const message of flood) await bot.fake.dispatch("MESSAGE_CREATE", message);
    // Someone else asks right after the flood, and is answered as if it had not happened.
    const other = await reply(
      bot,
      userMessage(`<@${ids.bot}> gz green cards`, {
        channel: ids.quiet,
        author: otherHuman,
        mentions: [botUser],
      }),
    );
    expect(other.embeds?.[0]?.title).toContain("Guangzhou");

    const notice = await bot.fake.waitForRequest(
      (r) => waitNotices(120).includes(String((r.body as MessageBody | undefined)?.content)),
      "the rate-limit notice",
    );
    expect((notice.body as MessageBody).message_reference?.message_id).toBe(flood[2]?.id);
    expect(flood.map((m) => repliesTo(bot, m.id).length)).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("answers every slash command it refuses with a notice only that person sees", async () => {
    const asker = { user: otherHuman };
    replyOf(await interact(bot.fake, slashCommand("help", {}, asker)));
    for (let i = 0; i < 3; i++) {
      const refused = replyOf(await interact(bot.fake, slashCommand("help", {}, asker)));
      expect(waitNotices(120)).toContain(refused.content);
      expect(refused.flags).toBe(EPHEMERAL);
      expect(refused.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
  });
});

describe("Discord: the unanswered log", () => {
  it("records a declined question with the platform and no user, channel or server id", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const ops = testDesk({ unanswered: file });
    const bot = await startBot(fixtureCore(), ops);
    try {
      await interact(bot.fake, slashCommand("ask", { question: "How many returnees live in Shenzhen?" }));
      await reply(bot, userMessage(`<@${ids.bot}> How do I cook fried rice?`, { mentions: [botUser] }));
      await ops.desk.drain(UNTIL_DONE);
      const content = readFileSync(file, "utf8");
      const records = content
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(records.map((r) => [r.platform, r.text])).toEqual([
        ["discord", "how many returnees live in shenzhen"],
        ["discord", "how do i cook fried rice"],
      ]);
      for (const id of Object.values(ids)) expect(content).not.toContain(id);
    } finally {
      await bot.stop();
    }
  });
});
