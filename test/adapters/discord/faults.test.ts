import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpMessages } from "../../../commands/messages.js";
import { notices } from "../../../src/ops/notices.js";
import type { RecordedRequest } from "../../fakes/discord.js";
import { eventually, testDesk } from "../../helpers.js";
import {
  fixtureCore,
  interact,
  type MessageBody,
  type RunningBot,
  replyOf,
  startBot,
  TOKEN,
} from "./harness.js";
import { botUser, ids, slashCommand, userMessage } from "./payloads.js";

/**
 * Discord failing the way it does: 5xx and 429 with retry-after. discord.js retries a 5xx up to
 * three times and waits out a 429; the bot reports both, apologises for what still fails, and
 * keeps serving.
 */
describe("Discord failing", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(fixtureCore(), testDesk({ secrets: [TOKEN] }));
  });
  afterAll(async () => {
    await bot?.stop();
  });

  const postsTo = (channel: string) => (r: RecordedRequest) =>
    r.method === "POST" && r.path === `/channels/${channel}/messages`;
  const replyTo = (id: string) => (r: RecordedRequest) =>
    r.method === "POST" && (r.body as MessageBody | undefined)?.message_reference?.message_id === id;
  const warnings = (status: number) =>
    bot.log.entries().filter((e) => e.level === 40 && e.status === status && e.platform === "discord");

  /** The `count`th request that matches, once it has arrived. */
  async function nth(match: (r: RecordedRequest) => boolean, count: number, what: string) {
    await bot.fake.waitForRequest(() => bot.fake.requests.filter(match).length >= count, what);
    return bot.fake.requests.filter(match)[count - 1] as RecordedRequest;
  }

  async function ask(content: string, channel: string) {
    const message = userMessage(`<@${ids.bot}> ${content}`, { channel, mentions: [botUser] });
    await bot.fake.dispatch("MESSAGE_CREATE", message);
    return message;
  }

  it("retries a reply Discord answers with 500, and the answer arrives", async () => {
    bot.fake.faults.fail(postsTo(ids.general), { status: 500 }, 2);
    const message = await ask("/city Guangzhou", ids.general);
    const third = await nth(replyTo(message.id), 3, "the third attempt");
    expect((third.body as MessageBody).embeds?.[0]?.title).toContain("Guangzhou");
    expect(warnings(500)).toHaveLength(2);
    expect(warnings(500)[0]).toMatchObject({ route: "/channels/:id/messages", method: "POST" });
  });

  it("waits out a 429 for its retry-after, then replies", async () => {
    bot.fake.faults.fail(postsTo(ids.quiet), {
      status: 429,
      headers: { "retry-after": "0.05", "x-ratelimit-scope": "user" },
      body: { message: "You are being rate limited.", retry_after: 0.05, global: false },
    });
    const message = await ask("/city Guangzhou", ids.quiet);
    const retried = await nth(replyTo(message.id), 2, "the retried reply");
    expect((retried.body as MessageBody).embeds?.[0]?.title).toContain("Guangzhou");
    expect(warnings(429)).toHaveLength(1);
  });

  it("reports a reply that still fails after the retries, apologises, and answers the next question", async () => {
    // The answer and discord.js's three retries fail; the apology goes through.
    bot.fake.faults.fail(postsTo(ids.quieter), { status: 503 }, 4);
    const message = await ask("/city Guangzhou", ids.quieter);
    const apology = await nth(replyTo(message.id), 5, "the apology");
    expect(apology.body).toMatchObject({
      content: notices.en.apology,
      allowed_mentions: { parse: [], replied_user: false },
    });
    const failure = bot.log.entries().find((e) => e.msg === "sending the answer failed");
    expect(failure).toMatchObject({ level: 50, surface: "mention", err: { status: 503 } });

    const next = await ask("/help", ids.quieter);
    const answer = await bot.fake.waitForRequest(replyTo(next.id), "the next answer");
    expect((answer.body as MessageBody).embeds?.[0]?.title).toBe(helpMessages.en.title);
  });

  it("apologises to the person when a slash command's reply keeps failing", async () => {
    const payload = slashCommand("city", { name: "Guangzhou" });
    const callback = (r: RecordedRequest) =>
      r.path === `/interactions/${payload.id}/${payload.token}/callback`;
    bot.fake.faults.fail(callback, { status: 502 }, 4);
    await bot.fake.dispatch("INTERACTION_CREATE", payload);
    const apology = await nth(callback, 5, "the apology");
    expect(replyOf(apology)).toMatchObject({ content: notices.en.apology, flags: 64 });
    const after = replyOf(await interact(bot.fake, slashCommand("help")));
    expect(after.embeds?.[0]?.title).toBe(helpMessages.en.title);
  });

  it("never logs the token while failing", () => {
    expect(bot.log.entries().length).toBeGreaterThan(0);
    expect(bot.log.raw()).not.toContain(TOKEN);
    expect(bot.log.raw()).not.toMatch(/interaction-token-/);
  });
});

describe("Discord accepting replies and never answering", () => {
  const callbackOf = (r: RecordedRequest) => /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);
  const commands = (count: number) => Array.from({ length: count }, () => slashCommand("help"));

  it("keeps no more replies open than the bound, and the rest go out once Discord answers", async () => {
    const bot = await startBot(fixtureCore(), testDesk(), { outgoing: { maxOpen: 2, timeoutMs: 60_000 } });
    const stall = bot.fake.faults.stall(callbackOf);
    try {
      const payloads = commands(5);
      for (const payload of payloads) await bot.fake.dispatch("INTERACTION_CREATE", payload);
      await eventually(
        () => (stall.arrived === 2 && bot.desk.pending === 5 ? true : undefined),
        "five answers in flight, two of them held open",
      );
      expect([stall.arrived, stall.open]).toEqual([2, 2]);
      stall.release();
      for (const payload of payloads) {
        const callback = await bot.fake.waitForRequest(
          (r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`,
          "the held reply",
        );
        expect(replyOf(callback).embeds?.[0]?.title).toBe(helpMessages.en.title);
      }
      expect(stall.mostOpen).toBe(2);
    } finally {
      stall.release();
      await bot.stop();
    }
  });

  it("gives each reply up after its timeout, reports it, and answers the next question", async () => {
    const ops = testDesk();
    const bot = await startBot(fixtureCore(), ops, { outgoing: { maxOpen: 2, timeoutMs: 200 } });
    const stuck = slashCommand("help");
    const stall = bot.fake.faults.stall(
      (r) => r.path === `/interactions/${stuck.id}/${stuck.token}/callback`,
    );
    try {
      await bot.fake.dispatch("INTERACTION_CREATE", stuck);
      await eventually(
        () => (ops.log.entries().some((e) => e.msg === "sending a notice failed") ? true : undefined),
        "the reply and the apology given up",
      );
      expect(ops.log.entries().find((e) => e.msg === "sending the answer failed")).toMatchObject({
        err: { type: "AbortError" },
      });
      await eventually(() => (stall.open === 0 ? true : undefined), "no reply left open");
      expect(replyOf(await interact(bot.fake, slashCommand("help"))).embeds?.[0]?.title).toBe(
        helpMessages.en.title,
      );
    } finally {
      stall.release();
      await bot.stop();
    }
  });
});
