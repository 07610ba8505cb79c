/**
 * Conversations on Discord, end to end: the real discord.js client against the fake Discord,
 * serving the bundled knowledge base. A DM is one conversation, read in the light of what it said
 * before; a mention in a server channel outside a thread stands alone.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSuggestion } from "../../../src/adapters/follow-ups.js";
import { messages } from "../../../src/core/compose/messages.js";
import type { RecordedRequest } from "../../fakes/discord.js";
import { realCore } from "../../helpers.js";
import { ALONE, CONVERSATIONS, expectTurn } from "../conversations.js";
import { interact, type MessageBody, type RunningBot, replyOf, startBot, visibleText } from "./harness.js";
import { botMessage, botUser, buttonClick, ids, otherHuman, userMessage } from "./payloads.js";

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot(realCore());
});
afterAll(async () => {
  await bot?.stop();
});

const replyTo = (message: { id: string; channel_id: string }) => (r: RecordedRequest) =>
  r.method === "POST" &&
  r.path === `/channels/${message.channel_id}/messages` &&
  (r.body as MessageBody).message_reference?.message_id === message.id;

/** Sends a message and returns the bot's reply to it. */
async function send(message: ReturnType<typeof userMessage>): Promise<MessageBody> {
  await bot.fake.dispatch("MESSAGE_CREATE", message);
  const request = await bot.fake.waitForRequest(replyTo(message), `the reply to "${message.content}"`);
  return request.body as MessageBody;
}

describe("Discord: a DM is one conversation", () => {
  // One DM: each conversation opens with a full question, which starts afresh.
  it.each(CONVERSATIONS.map((c) => [c.name, c] as const))(
    "follows up in a DM: %s",
    async (_name, conversation) => {
      for (const turn of conversation.turns) {
        const reply = await send(userMessage(turn.ask, { dm: true }));
        expect(reply.embeds).toHaveLength(1);
        expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
        const title = reply.embeds?.[0]?.title ?? "";
        expectTurn(turn, {
          answered: !title.startsWith(messages.declineTitle),
          title,
          text: visibleText(reply),
        });
      }
    },
  );

  it.each(ALONE)("reads $ask alone when mentioned in a server channel, outside a thread", async (alone) => {
    const mentioned = (text: string) => userMessage(`<@${ids.bot}> ${text}`, { mentions: [botUser] });
    await send(mentioned("How many returnees has Guangzhou attracted?"));
    await send(mentioned("What is the Red Cotton Plan?"));
    const reply = await send(mentioned(alone.ask));
    expect(visibleText(reply)).not.toMatch(alone.saysNot);
  });
});

describe("Discord: a button continues the conversation of the message it sits under", () => {
  const question = (text: string) => encodeSuggestion({ command: "ask", args: { question: text } });

  it("reads a click on a reply in a DM in the light of that DM", async () => {
    const answer = await send(userMessage("What is the Red Cotton Plan?", { dm: true }));
    const click = buttonClick(question("when was it issued?"), botMessage(ids.dm, answer), { dm: true });
    expect(replyOf(await interact(bot.fake, click)).embeds?.[0]?.title).toMatch(
      /^Red Cotton Plan · issued: 2017/,
    );
  });

  it("keeps a click on a slash command's answer in the server with the clicker's commands", async () => {
    // Someone else's DM is no context for a click in a server channel.
    await send(userMessage("What is the Red Cotton Plan?", { dm: true }));
    const click = buttonClick(question("when was it issued?"), botMessage(ids.general, {}), {
      user: otherHuman,
    });
    expect(replyOf(await interact(bot.fake, click)).embeds?.[0]?.title).not.toMatch(/2017/);
  });
});
