/**
 * Conversations on Slack, end to end: the real Bolt app over HTTP against the fake Slack, serving
 * the bundled knowledge base. A mention starts a thread; further mentions in that thread, and
 * buttons clicked in it, are read in the light of what the thread said before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSuggestion } from "../../../src/adapters/follow-ups.js";
import type { SlackMessage } from "../../../src/adapters/slack/format.js";
import type { ApiCall } from "../../fakes/slack.js";
import { BOT_USER_ID } from "../../fakes/slack.js";
import { realCore } from "../../helpers.js";
import { ALONE, CONVERSATIONS, expectTurn, type Seen } from "../conversations.js";
import { type RunningSlack, startSlackApp } from "./harness.js";
import { expectWithinLimits, mrkdwnTexts } from "./limits.js";
import { type ClickedIn, mention } from "./requests.js";

let slack: RunningSlack;
beforeAll(async () => {
  slack = await startSlackApp(realCore());
});
afterAll(async () => {
  await slack?.stop();
});

const REPLIES = new Set(["chat.postMessage", "chat.postEphemeral"]);
const repliesIn = (channel: string) =>
  slack.fake.calls.filter((c) => REPLIES.has(c.method) && c.args.channel === channel);

let stamps = 0;
/** A message timestamp no other message in these tests has. */
const nextTs = () => `1700200000.${String(++stamps).padStart(6, "0")}`;

/** What a person sees of a message: its header, then every mrkdwn text of its blocks. */
function seen(message: SlackMessage, answered: boolean): Seen {
  const header = message.blocks.find((b) => b.type === "header");
  const title = header?.type === "header" ? header.text.text : "";
  return { answered, title, text: [title, ...mrkdwnTexts({ ...message, text: "" })].join("\n") };
}

const messageOf = (call: ApiCall): SlackMessage => ({
  text: String(call.args.text),
  blocks: call.args.blocks as SlackMessage["blocks"],
});

/**
 * Mentions the bot in `channel`, in the thread `threadTs` (a new thread under the mention when
 * absent), and returns the reply: a message everyone sees, or one only the asker sees.
 */
async function ask(channel: string, text: string, threadTs?: string): Promise<{ call: ApiCall; ts: string }> {
  const ts = nextTs();
  const before = repliesIn(channel).length;
  expect((await slack.deliver(mention(`<@${BOT_USER_ID}> ${text}`, channel, ts, threadTs))).status).toBe(200);
  const call = await slack.fake.waitFor(
    () => repliesIn(channel)[before],
    `the reply to "${text}" in ${channel}`,
  );
  return { call, ts };
}

describe("Slack: a thread is one conversation", () => {
  it.each(CONVERSATIONS.map((c, i) => [c.name, c, i] as const))(
    "follows up in a thread: %s",
    async (_name, conversation, i) => {
      const channel = `CCONV${i}`;
      let thread: string | undefined;
      for (const turn of conversation.turns) {
        const { call, ts } = await ask(channel, turn.ask, thread);
        thread ??= ts;
        const message = messageOf(call);
        expectWithinLimits(message);
        expect(call.args.thread_ts, `the reply to "${turn.ask}" stays in the thread`).toBe(thread);
        expectTurn(turn, seen(message, call.method === "chat.postMessage"));
      }
    },
  );

  it.each(ALONE)("reads $ask alone in a new thread, taking nothing from another thread", async (alone) => {
    const channel = "CALONE";
    await ask(channel, "How many returnees has Guangzhou attracted?");
    await ask(channel, "What is the Red Cotton Plan?");
    const { call } = await ask(channel, alone.ask);
    expect(seen(messageOf(call), true).text).not.toMatch(alone.saysNot);
  });
});

describe("Slack: a button clicked in a thread keeps that thread's conversation", () => {
  const click = async (question: string, id: string, where: ClickedIn) => {
    const value = encodeSuggestion({ command: "ask", args: { question } });
    const button = { action_id: "run-0", value, text: { text: question } };
    expect((await slack.click(button, id, where)).status).toBe(200);
    const { body } = await slack.fake.waitForResponse(id);
    return body;
  };
  const header = (body: Record<string, unknown>) => {
    const [first] = body.blocks as SlackMessage["blocks"];
    return first?.type === "header" ? first.text.text : "";
  };

  it("reads a click in the light of the thread, and answers in the thread", async () => {
    const channel = "CBUTTON1";
    const { ts: thread } = await ask(channel, "What is the Red Cotton Plan?");
    const body = await click("when was it issued?", "in-thread", { channel, threadTs: thread });
    expect(header(body)).toMatch(/^Red Cotton Plan · issued: 2017/);
    expect(body.thread_ts).toBe(thread);
    expect(body.response_type).toBe("in_channel");
  });

  it("keeps the thread for a button on a decline only the asker sees", async () => {
    const channel = "CBUTTON4";
    const { ts: thread } = await ask(channel, "How many returnees has Guangzhou attracted?");
    const { call } = await ask(channel, "and Shenzhen?", thread);
    expect(call.method).toBe("chat.postEphemeral");
    const body = await click("what about Hangzhou?", "on-ephemeral", {
      channel,
      threadTs: thread,
      ephemeral: true,
    });
    expect(header(body)).toMatch(/^Hangzhou · .*(55,000|30,000)/);
    expect(body.thread_ts).toBe(thread);
  });

  it("does not give a click outside the thread the thread's context", async () => {
    const channel = "CBUTTON2";
    await ask(channel, "What is the Red Cotton Plan?");
    const body = await click("when was it issued?", "outside", { channel });
    expect(header(body)).not.toMatch(/2017/);
    expect(body.thread_ts).toBeUndefined();
  });

  it("leaves what a click answered as the thread's context for the next mention in it", async () => {
    const channel = "CBUTTON3";
    const { ts: thread } = await ask(channel, "What is the Red Cotton Plan?");
    await click("How many talent green cards has Guangzhou issued?", "sets-context", {
      channel,
      threadTs: thread,
    });
    const { call } = await ask(channel, "and in Shanghai?", thread);
    const after = seen(messageOf(call), call.method === "chat.postMessage");
    expect(after.answered).toBe(false);
    expect(after.text).toMatch(/Guangzhou: 2,515 \(July 2017\), not for Shanghai/);
  });
});
