import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack } from "../../../src/adapters/slack/index.js";
import { messages } from "../../../src/core/compose/messages.js";
import { MemoryConversations } from "../../../src/ops/conversations.js";
import type { Desk } from "../../../src/ops/index.js";
import { MemoryRateLimiter } from "../../../src/ops/rate-limit.js";
import { BOT_USER_ID, FakeSlack } from "../../fakes/slack.js";
import {
  AT_LIMIT,
  CONTEXT,
  eventually,
  fixtureCore,
  live,
  OVER_LIMIT,
  tempDir,
  testDesk,
  UNTIL_DONE,
  waitNotices,
} from "../../helpers.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  mention,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "./requests.js";

const tooLong = messages.tooLong(500);

/** A fake Slack and the app serving through the given desk over HTTP. */
async function start(desk: Desk) {
  const fake = await new FakeSlack().start();
  const service = await startSlack(
    live(fixtureCore()),
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk,
    { host: "127.0.0.1" },
  );
  const url = `http://127.0.0.1:${service.port}/slack/events`;
  return {
    fake,
    service,
    command: (command: string, text: string, id: string, user = "U0000001") =>
      postSigned(
        url,
        new URLSearchParams({
          ...slashCommand(command, text, fake.responseUrl(id)),
          user_id: user,
        }).toString(),
        "application/x-www-form-urlencoded",
      ),
    event: (event: Record<string, unknown>) =>
      postSigned(url, JSON.stringify(eventCallback(event)), "application/json"),
    stop: async () => {
      await service.stop();
      await fake.close();
    },
  };
}

type Running = Awaited<ReturnType<typeof start>>;

describe("Slack: questions up to the documented length, and over it", () => {
  let slack: Running;
  beforeAll(async () => {
    slack = await start(testDesk().desk);
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it("answers a 500-character /ask whole, and asks to shorten a 501-character one", async () => {
    await slack.command("/ask", AT_LIMIT, "at-limit");
    expect((await slack.fake.waitForResponse("at-limit")).body.text).toContain("2,515");
    await slack.command("/ask", OVER_LIMIT, "over-limit");
    expect((await slack.fake.waitForResponse("over-limit")).body.text).toContain(tooLong);
  });

  it("counts a mention's question without the mention itself", async () => {
    await slack.event(mention(`<@${BOT_USER_ID}> ${AT_LIMIT}`, "CLIMIT1", "1700000300.000100"));
    expect((await slack.fake.waitForCall("chat.postMessage", "CLIMIT1")).args.text).toContain("2,515");
    await slack.event(mention(`<@${BOT_USER_ID}> ${OVER_LIMIT}`, "CLIMIT2", "1700000300.000200"));
    expect((await slack.fake.waitForCall("chat.postEphemeral", "CLIMIT2")).args.text).toContain(tooLong);
  });

  it("does the same in a direct message", async () => {
    await slack.event(directMessage(AT_LIMIT, "DLIMIT1", "1700000301.000100"));
    expect((await slack.fake.waitForCall("chat.postMessage", "DLIMIT1")).args.text).toContain("2,515");
    await slack.event(directMessage(OVER_LIMIT, "DLIMIT2", "1700000301.000200"));
    expect((await slack.fake.waitForCall("chat.postMessage", "DLIMIT2")).args.text).toContain(tooLong);
  });
});

describe("Slack: conversations", () => {
  it("carries a DM's, a thread's and a person's slash commands' context, and nothing across them", async () => {
    const conversations = new MemoryConversations();
    for (const key of ["slack:DCONV1", "slack:CCONV:1700000500.000100", "slack:C0000001:U0000005"]) {
      await conversations.set(key, CONTEXT);
    }
    const { desk, log } = testDesk({ conversations, level: "debug" });
    const slack = await start(desk);
    try {
      const carried = (surface: string) =>
        log
          .entries()
          .filter((e) => e.msg === "answered" && e.surface === surface)
          .map((e) => e.carried);
      await slack.event(directMessage("gz green cards", "DCONV1", "1700000500.000001"));
      await slack.event(directMessage("gz green cards", "DCONV2", "1700000500.000002"));
      await slack.event(
        mention(`<@${BOT_USER_ID}> gz green cards`, "CCONV", "1700000500.000200", "1700000500.000100"),
      );
      await slack.event(mention(`<@${BOT_USER_ID}> gz green cards`, "CCONV", "1700000500.000300"));
      await slack.command("/ask", "gz green cards", "conv-1", "U0000005");
      await slack.command("/ask", "gz green cards", "conv-2", "U0000006");
      await eventually(
        () => (log.entries().filter((e) => e.msg === "answered").length === 6 ? true : undefined),
        "six answers",
      );
      expect(carried("direct message").sort()).toEqual([false, true]);
      expect(carried("mention").sort()).toEqual([false, true]);
      expect(carried("slash command").sort()).toEqual([false, true]);
      // The desk's own lines (Bolt's debug lines are Bolt's) never hold a conversation's key.
      expect(JSON.stringify(log.entries().filter((e) => e.surface !== undefined))).not.toContain("CCONV");
    } finally {
      await slack.stop();
    }
  });
});

describe("Slack: one person's flood", () => {
  let slack: Running;
  beforeAll(async () => {
    // Two questions in a window of two minutes: nothing refills during the test.
    slack = await start(testDesk({ limiter: new MemoryRateLimiter({ burst: 2, perMinute: 1 }) }).desk);
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it("answers their first mentions, tells them once in the thread to wait, then costs no more calls", async () => {
    const flood = Array.from({ length: 10 }, (_, i) =>
      mention(`<@${BOT_USER_ID}> gz green cards`, "CFLOOD", `1700000400.0001${String(i).padStart(2, "0")}`),
    );
    for (const event of flood) await slack.event(event);
    await slack.event({
      ...mention(`<@${BOT_USER_ID}> gz green cards`, "CCALM", "1700000401.000100"),
      user: "U0000002",
    });
    expect((await slack.fake.waitForCall("chat.postMessage", "CCALM")).args.text).toContain("2,515");
    const notice = await slack.fake.waitForCall("chat.postEphemeral", "CFLOOD");
    expect(notice.args).toMatchObject({ user: "U0000001" });
    expect(waitNotices(120)).toContain(notice.args.text);
    expect(slack.fake.callsOf("chat.postMessage", "CFLOOD")).toHaveLength(2);
    expect(slack.fake.callsOf("chat.postEphemeral", "CFLOOD")).toHaveLength(1);
  });

  it("acknowledges every refused slash command with the notice itself, calling nothing", async () => {
    const user = "U0000003";
    await slack.command("/help", "", "flood-0", user);
    await slack.command("/help", "", "flood-1", user);
    for (let i = 2; i < 5; i++) {
      const response = await slack.command("/help", "", `flood-${i}`, user);
      expect(response.status).toBe(200);
      const body = JSON.parse(response.body);
      expect(body).toMatchObject({ response_type: "ephemeral" });
      expect(waitNotices(120)).toContain(body.text);
    }
    await slack.fake.waitForResponse("flood-0");
    await slack.fake.waitForResponse("flood-1");
    expect(
      slack.fake.responses
        .map((r) => r.id)
        .filter((id) => id.startsWith("flood-"))
        .sort(),
    ).toEqual(["flood-0", "flood-1"]);
  });
});

describe("Slack: the unanswered log", () => {
  it("records declined questions with the platform and no user, channel or team id", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const { desk } = testDesk({ unanswered: file });
    const slack = await start(desk);
    try {
      await slack.command("/ask", "How many returnees live in Shenzhen?", "gap-1");
      await slack.fake.waitForResponse("gap-1");
      await slack.event(mention(`<@${BOT_USER_ID}> How do I cook fried rice?`, "CGAP1", "1700000500.000100"));
      await slack.fake.waitForCall("chat.postEphemeral", "CGAP1");
      await desk.drain(UNTIL_DONE);
      const content = readFileSync(file, "utf8");
      expect(
        content
          .trim()
          .split("\n")
          .map((l) => [JSON.parse(l).platform, JSON.parse(l).text]),
      ).toEqual([
        ["slack", "how many returnees live in shenzhen"],
        ["slack", "how do i cook fried rice"],
      ]);
      for (const id of ["U0000001", "CGAP1", "C0000001", "T0000001", BOT_USER_ID])
        expect(content).not.toContain(id);
    } finally {
      await slack.stop();
    }
  });
});
