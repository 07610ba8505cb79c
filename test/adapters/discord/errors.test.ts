import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Core } from "../../../src/core/core.js";
import { loadKnowledge } from "../../../src/core/knowledge/loader.js";
import type { Source } from "../../../src/core/knowledge/schema.js";
import { notices } from "../../../src/ops/notices.js";
import type { RecordedRequest } from "../../fakes/discord.js";
import { testDesk } from "../../helpers.js";
import {
  interact,
  KNOWLEDGE_DIR,
  type MessageBody,
  NOW,
  type RunningBot,
  replyOf,
  startBot,
  TOKEN,
} from "./harness.js";
import { botUser, ids, slashCommand, userMessage } from "./payloads.js";

/**
 * The fixture knowledge plus one source whose date is a number, as no file that passed the loader
 * could hold: the core throws when it cites that source, so /sources fails and the rest works.
 */
function brokenCore(): Core {
  const kb = loadKnowledge(KNOWLEDGE_DIR);
  const broken = { id: "broken", title: "Broken", publisher: "Nobody", date: 20211215 } as unknown as Source;
  return new Core({ ...kb, sources: new Map([...kb.sources, [broken.id, broken]]) }, () => NOW);
}

describe("A Discord handler that throws", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(brokenCore(), testDesk({ secrets: [TOKEN] }));
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("gives the user a short apology for a slash command, logs the error without the token, and keeps answering", async () => {
    const apology = replyOf(await interact(bot.fake, slashCommand("sources")));
    expect(apology.content).toBe(notices.en.apology);
    expect(apology.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const failure = bot.log.entries().find((e) => e.msg === "answering failed");
    expect(failure).toMatchObject({ level: 50, platform: "discord", surface: "slash command" });
    expect(bot.log.raw()).not.toContain(TOKEN);

    const next = replyOf(await interact(bot.fake, slashCommand("city", { name: "Hangzhou" })));
    expect(next.embeds?.[0]?.title).toContain("Hangzhou");
  });

  it("replies to a mention with the apology when answering it throws, and answers the next one", async () => {
    const repliesTo = (message: { id: string }) => (r: RecordedRequest) =>
      r.method === "POST" && (r.body as MessageBody).message_reference?.message_id === message.id;

    const failing = userMessage(`<@${ids.bot}> /sources`, { mentions: [botUser] });
    await bot.fake.dispatch("MESSAGE_CREATE", failing);
    const apology = (await bot.fake.waitForRequest(repliesTo(failing))).body as MessageBody;
    expect(apology.content).toBe(notices.en.apology);
    expect(apology.allowed_mentions).toEqual({ parse: [], replied_user: false });

    const next = userMessage(`<@${ids.bot}> /help`, { mentions: [botUser] });
    await bot.fake.dispatch("MESSAGE_CREATE", next);
    const answer = (await bot.fake.waitForRequest(repliesTo(next))).body as MessageBody;
    expect(answer.embeds?.[0]?.title).toBe("How to use returnee-bot");
  });
});
