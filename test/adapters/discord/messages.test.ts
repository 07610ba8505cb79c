import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RecordedRequest } from "../../fakes/discord.js";
import { type MessageBody, type RunningBot, startBot, visibleText } from "./harness.js";
import { botUser, ids, otherBot, userMessage } from "./payloads.js";

const SILENT = { parse: [], replied_user: false };

describe("Discord mentions and DMs, served against a fake Discord", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  const posted = (channel: string) => (r: RecordedRequest) =>
    r.method === "POST" && r.path === `/channels/${channel}/messages`;
  const replyTo = (channel: string, messageId: string) => (r: RecordedRequest) =>
    posted(channel)(r) && (r.body as MessageBody).message_reference?.message_id === messageId;

  /** Sends a message and returns the bot's reply to it. */
  async function send(message: ReturnType<typeof userMessage>): Promise<MessageBody> {
    await bot.fake.dispatch("MESSAGE_CREATE", message);
    const request = await bot.fake.waitForRequest(
      replyTo(message.channel_id, message.id),
      `a reply to message ${message.id}`,
    );
    return request.body as MessageBody;
  }

  it("replies to a mention in a server channel as a reply to that message, the mention stripped", async () => {
    const message = userMessage(`<@${ids.bot}> how many returnees are in Guangzhou?`, {
      mentions: [botUser],
    });
    const reply = await send(message);
    expect(reply.message_reference?.message_id).toBe(message.id);
    expect(reply.embeds?.[0]?.title).toContain("Guangzhou");
    expect(visibleText(reply)).toContain("60,000 returnees");
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("answers a slash command typed after the nickname form of the mention", async () => {
    const reply = await send(userMessage(`<@!${ids.bot}> /city 杭州`, { mentions: [botUser] }));
    expect(reply.embeds?.[0]?.title).toContain("Hangzhou");
  });

  it("answers a direct message", async () => {
    const message = userMessage("/city Hangzhou", { dm: true });
    const reply = await send(message);
    expect(reply.embeds?.[0]?.title).toContain("Hangzhou");
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("keeps @everyone and role mentions in a mentioned question inert", async () => {
    const text = `<@${ids.bot}> /city @everyone @here <@&123456789012345678>`;
    const reply = await send(userMessage(text, { mentions: [botUser] }));
    expect(visibleText(reply)).toContain("@everyone @here <@&123456789012345678>");
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("ignores messages from bots, its own included", async () => {
    const fromOtherBot = userMessage(`<@${ids.bot}> /help`, {
      channel: ids.quiet,
      author: otherBot,
      mentions: [botUser],
    });
    const fromItself = userMessage(`<@${ids.bot}> /help`, { channel: ids.quiet, author: botUser });
    await bot.fake.dispatch("MESSAGE_CREATE", fromOtherBot);
    await bot.fake.dispatch("MESSAGE_CREATE", fromItself);
    // A human's message after them, in the same channel: its reply comes after any reply to theirs.
    const sentinel = userMessage(`<@${ids.bot}> /help`, { channel: ids.quiet, mentions: [botUser] });
    await send(sentinel);

    const replies = bot.fake.requests.filter(posted(ids.quiet));
    expect(replies.map((r) => (r.body as MessageBody).message_reference?.message_id)).toEqual([sentinel.id]);
  });

  it("ignores server messages that do not mention it", async () => {
    await bot.fake.dispatch("MESSAGE_CREATE", userMessage("/city Hangzhou", { channel: ids.quieter }));
    await bot.fake.dispatch(
      "MESSAGE_CREATE",
      userMessage("@everyone /city Hangzhou", { channel: ids.quieter, mentions: [] }),
    );
    const sentinel = userMessage(`<@${ids.bot}> /help`, { channel: ids.quieter, mentions: [botUser] });
    await send(sentinel);

    const replies = bot.fake.requests.filter(posted(ids.quieter));
    expect(replies.map((r) => (r.body as MessageBody).message_reference?.message_id)).toEqual([sentinel.id]);
  });
});
