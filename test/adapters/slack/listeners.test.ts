/**
 * Load shedding on Slack (src/adapters/slack/listeners.ts over the desk): past the bound on answers
 * in flight, a slash command hears it in its acknowledgement, at once and without a call to Slack,
 * and a mention is told only its asker, in the thread; once answers finish, questions are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackMessages } from "../../../src/adapters/slack/messages.js";
import { Desk } from "../../../src/ops/desk.js";
import { BOT_USER_ID, type Received } from "../../fakes/slack.js";
import { captureLogs, eventually } from "../../helpers.js";
import { type RunningSlack, startSlackApp } from "./harness.js";
import { mention } from "./requests.js";

let slack: RunningSlack;

beforeAll(async () => {
  slack = await startSlackApp({ desk: new Desk({ logger: captureLogs("silent").logger, maxConcurrent: 1 }) });
});

afterAll(async () => {
  await slack?.stop();
});

describe("Slack, past the bound on answers in flight", () => {
  it("tells a slash command it is busy in the acknowledgement, tells a mention's asker in the thread, then answers again", async () => {
    const held = slack.fake.faults.hold((r: Received) => r.target === "respond/busy-first");
    expect((await slack.command("/ask", "gz green cards", "busy-first")).status).toBe(200);
    await held.arrived;

    const busy = await slack.command("/ask", "gz green cards", "busy-second");
    expect(JSON.parse(busy.body)).toMatchObject({ response_type: "ephemeral", text: slackMessages.en.busy });
    const inChinese = await slack.command("/ask", "广州发了多少张人才绿卡", "busy-zh");
    expect(JSON.parse(inChinese.body)).toMatchObject({ text: slackMessages.zh.busy });
    await slack.deliver(mention(`<@${BOT_USER_ID}> gz green cards`, "CBUSY", "1700000400.000100"));
    const told = await slack.fake.waitForCall("chat.postEphemeral", "CBUSY");
    expect(told.args).toMatchObject({ text: slackMessages.en.busy, thread_ts: "1700000400.000100" });

    held.release();
    expect((await slack.fake.waitForResponse("busy-first")).body.text).toContain("2,515");
    await eventually(() => (slack.desk.pending === 0 ? true : undefined), "the answer in flight finished");
    await slack.command("/ask", "gz green cards", "busy-after");
    expect((await slack.fake.waitForResponse("busy-after")).body.text).toContain("2,515");
    expect(slack.fake.responses.filter((r) => r.id === "busy-second" || r.id === "busy-zh")).toEqual([]);
  });
});
