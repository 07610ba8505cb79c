import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeSuggestion } from "../../../src/adapters/follow-ups.js";
import type { SlackMessage } from "../../../src/adapters/slack/format.js";
import { type RunningSlack, startSlackApp } from "./harness.js";
import { buttonsOf, expectWithinLimits } from "./limits.js";

let slack: RunningSlack;
beforeAll(async () => {
  slack = await startSlackApp();
});
afterAll(async () => {
  await slack?.stop();
});

const button = (value: string, text = "a button") => ({
  type: "button" as const,
  action_id: "run-0",
  value,
  text: { type: "plain_text" as const, text },
});

async function answerTo(id: string): Promise<{ message: SlackMessage; responseType: unknown }> {
  const { body } = await slack.fake.waitForResponse(id);
  return {
    message: { text: String(body.text), blocks: body.blocks as SlackMessage["blocks"] },
    responseType: body.response_type,
  };
}

describe("Slack buttons, against a fake Slack", () => {
  it("runs the command a follow-up button of an answer carries, and shares its answer in the channel", async () => {
    expect((await slack.command("/city", "Guangzhou", "first")).status).toBe(200);
    const { message } = await answerTo("first");
    const follow = buttonsOf(message).find((b) => b.text.text === "/policy talent green card");
    expect(follow).toBeDefined();

    expect((await slack.click(follow ?? button(""), "clicked")).status).toBe(200);
    const clicked = await answerTo("clicked");
    expectWithinLimits(clicked.message);
    expect(clicked.message.blocks[0]).toMatchObject({
      type: "header",
      // No claim is about the programme itself, so the card's title is its name alone.
      text: { text: "talent green card" },
    });
    expect(clicked.message.text).toContain("2,515");
    expect(clicked.responseType).toBe("in_channel");
  });

  it("runs a card's topic button with all its options", async () => {
    const topic = encodeSuggestion({
      command: "city",
      args: { name: "GZ", topic: "clubs" },
      label: "clubs (2)",
    });
    await slack.click(button(topic, "clubs (2)"), "topic");
    const { message } = await answerTo("topic");
    expect(message.text).toMatch(/^Guangzhou/);
  });

  it("shows /help only to the person who clicked it", async () => {
    await slack.click(button(encodeSuggestion({ command: "help", args: {} })), "help");
    const { message, responseType } = await answerTo("help");
    expect(message.text).toContain("How to use returnee-bot");
    expect(responseType).toBe("ephemeral");
  });

  it("acknowledges a button it did not make and answers nothing", async () => {
    expect((await slack.click(button("not ours"), "foreign")).status).toBe(200);
    await slack.click(button(encodeSuggestion({ command: "sources", args: {} })), "after");
    await answerTo("after");
    expect(slack.fake.responses.filter((r) => r.id === "foreign")).toEqual([]);
  });

  it("passes a slash command's options as values: /city GZ topic:clubs answers about Guangzhou", async () => {
    await slack.command("/city", "GZ topic:clubs", "options");
    const { message } = await answerTo("options");
    expect(message.text).toMatch(/^Guangzhou/);
  });

  it("explains on /help that it answers in English and in Chinese", async () => {
    await slack.command("/help", "", "both");
    const { message } = await answerTo("both");
    expect(message.text).toContain("in English or in Chinese");
    expect(message.text).toContain("中文");
  });
});
