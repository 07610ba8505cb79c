import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, tempDir, testDesk } from "../../helpers.js";
import { fixtureCore, interact, type MessageBody, type RunningBot, replyOf, startBot } from "./harness.js";
import { botMessage, buttonClick, ids, otherHuman, slashCommand } from "./payloads.js";

const EPHEMERAL = 64;
const file = path.join(tempDir(), "unanswered.jsonl");
let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot(fixtureCore(), testDesk({ unanswered: file }));
});
afterAll(async () => {
  await bot?.stop();
});

const records = () =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const buttons = (message: MessageBody) => (message.components ?? []).flatMap((row) => row.components);

/** Asks a question by slash command; the answer and its 👍/👎 buttons' custom ids. */
async function answer(question: string) {
  const message = replyOf(await interact(bot.fake, slashCommand("ask", { question })));
  const ids = buttons(message).map((b) => b.custom_id ?? "");
  const vote = (choice: string) => ids.find((id) => id.startsWith(`vote:${choice}:`)) ?? "";
  return { message, up: vote("up"), down: vote("down") };
}

/** Clicks a button of the bot's message; the callback's type and message. */
async function click(customId: string, message: object, user?: object) {
  const callback = await interact(
    bot.fake,
    buttonClick(customId, botMessage(ids.general, message), user === undefined ? {} : { user }),
  );
  return callback.body as { type: number; data: MessageBody };
}

describe("👍 and 👎 on Discord answers, against a fake Discord", () => {
  it("puts 👍 and 👎 under an answer, in a row of their own within Discord's limits", async () => {
    const { message, up, down } = await answer("How many returnees did Guangzhou count?");
    expect(up).toMatch(/^vote:up:[\w-]+$/);
    expect(down).toMatch(/^vote:down:[\w-]+$/);
    expect(message.components?.at(-1)?.components.map((b) => b.custom_id)).toEqual([up, down]);
    expect(message.components?.length).toBeLessThanOrEqual(5);
    for (const id of [up, down]) expect(id.length).toBeLessThanOrEqual(100);
    expect(records().at(-1)).toMatchObject({
      kind: "answered",
      platform: "discord",
      ids: ["gz-fixture-returnees", "gz-fixture-returnees#0"],
    });
  });

  it("records a 👎 once however often it is clicked, with the answer's ids and no user or channel id", async () => {
    const { message, down } = await answer("How many returnees did Guangzhou count?");
    const first = await click(down, message);
    const second = await click(down, message);
    expect(first.type).toBe(4);
    expect(first.data.flags).toBe(EPHEMERAL);
    expect(first.data.content).toContain("Thanks for the 👎");
    expect(buttons(first.data).map((b) => b.label)).toEqual(["Wrong", "Out of date", "Not what I asked"]);
    expect(second.data).toMatchObject({
      flags: EPHEMERAL,
      content: "You have already voted on this answer.",
    });
    const votes = records().filter((r) => r.kind === "vote");
    expect(votes).toEqual([
      expect.objectContaining({
        platform: "discord",
        vote: "down",
        text: "how many returnees did guangzhou count",
        ids: ["gz-fixture-returnees", "gz-fixture-returnees#0"],
      }),
    ]);
    const log = readFileSync(file, "utf8");
    for (const id of [ids.user, ids.general, ids.guild]) expect(log).not.toContain(id);
  });

  it("records the reason picked after a 👎, and thanks in place of the reasons", async () => {
    const { message, down } = await answer("How many returnees did Guangzhou count?");
    const voter = { ...otherHuman, id: "900000000000000007" };
    const offered = await click(down, message, voter);
    const stale = buttons(offered.data).find((b) => b.label === "Out of date")?.custom_id ?? "";
    const picked = await click(stale, offered.data, voter);
    expect(picked.type).toBe(7);
    expect(picked.data).toMatchObject({ content: "Thanks: noted as “Out of date”.", components: [] });
    await eventually(
      () => records().find((r) => r.kind === "vote" && r.reason === "stale"),
      "the reason's record",
    );
  });

  it("answers a click on an answer too old to vote on politely, only to the clicker", async () => {
    const gone = await click("vote:up:forgotten123", {});
    expect(gone.data).toMatchObject({ flags: EPHEMERAL });
    expect(gone.data.content).toContain("too old to vote on");
  });

  it("puts no vote buttons under a decline", async () => {
    const { up, down } = await answer("How do I cook fried rice?");
    expect([up, down]).toEqual(["", ""]);
  });
});
