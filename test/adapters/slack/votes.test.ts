import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackMessage } from "../../../src/adapters/slack/format.js";
import { eventually, tempDir, testDesk } from "../../helpers.js";
import { type RunningSlack, startSlackApp } from "./harness.js";
import { buttonsOf, expectWithinLimits } from "./limits.js";

const file = path.join(tempDir(), "unanswered.jsonl");
let slack: RunningSlack;
beforeAll(async () => {
  slack = await startSlackApp({ desk: testDesk({ unanswered: file }).desk });
});
afterAll(async () => {
  await slack?.stop();
});

const votes = () =>
  readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((r) => r.kind === "vote");

/** What the app posted to the response_url `id`: its message, and how. */
async function response(id: string) {
  const { body } = await slack.fake.waitForResponse(id);
  const message: SlackMessage = { text: String(body.text), blocks: body.blocks as SlackMessage["blocks"] };
  return { message, type: body.response_type, replace: body.replace_original };
}

/** Asks by slash command; the answer, and its button whose text starts so. */
async function answer(question: string, id: string) {
  await slack.command("/ask", question, id);
  const { message } = await response(id);
  const button = (text: string) => {
    const found = buttonsOf(message).find((b) => b.text.text.startsWith(text));
    if (found === undefined) throw new Error(`no button "${text}"`);
    return found;
  };
  return { message, button };
}

describe("👍 and 👎 on Slack answers, against a fake Slack", () => {
  it("takes one 👍 per person, recorded with the question and the answer's ids, acknowledged privately", async () => {
    const { message, button } = await answer("How many GZ green cards?", "up-answer");
    expectWithinLimits(message);
    await slack.click(button("👍"), "up-1");
    await slack.click(button("👍"), "up-2");
    const first = await response("up-1");
    expect(first).toMatchObject({ type: "ephemeral", replace: false });
    expect(first.message.text).toContain("Thanks for the 👍");
    expect((await response("up-2")).message.text).toBe("You have already voted on this answer.");
    expect(votes()).toEqual([
      expect.objectContaining({
        platform: "slack",
        vote: "up",
        text: "how many gz green cards",
        ids: ["a-green-cards", "a-green-cards#0"],
      }),
    ]);
    expect(readFileSync(file, "utf8")).not.toMatch(/U0000001|C0000001/);
  });

  it("offers a 👎's reasons privately and records the one picked, replacing the offer", async () => {
    const { button } = await answer("gz green cards", "down-answer");
    await slack.click(button("👎"), "down");
    const offer = await response("down");
    expect(offer.type).toBe("ephemeral");
    const reasons = buttonsOf(offer.message);
    expect(reasons.map((b) => b.text.text)).toEqual(["Wrong", "Out of date", "Not what I asked"]);
    await slack.click(reasons[2] ?? button("👎"), "reason", { ephemeral: true });
    const thanks = await response("reason");
    expect(thanks).toMatchObject({ type: "ephemeral", replace: true });
    expect(thanks.message.text).toBe("Thanks: noted as “Not what I asked”.");
    await eventually(
      () => votes().find((r) => r.reason === "off" && r.vote === "down"),
      "the reason's record",
    );
  });

  it("ignores a vote button whose value it did not make", async () => {
    await slack.click({ action_id: "vote-up", value: "not ours", text: { text: "👍" } }, "foreign");
    const { button } = await answer("gz green cards", "after-foreign");
    expect(button("👍")).toBeDefined();
    expect(slack.fake.responses.filter((r) => r.id === "foreign")).toEqual([]);
  });
});
