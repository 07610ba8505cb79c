import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { helpMessages } from "../../commands/messages.js";
import type { ConversationContext } from "../../src/core/types.js";
import { MemoryConversations } from "../../src/ops/conversations.js";
import { MemoryDeliveries } from "../../src/ops/deliveries.js";
import { Desk, type Reply, type Request, type Run, type Send } from "../../src/ops/index.js";
import { notices } from "../../src/ops/notices.js";
import { MemoryRateLimiter } from "../../src/ops/rate-limit.js";
import {
  CONTEXT,
  eventually,
  fixtureCore,
  TODAY,
  tempDir,
  testDesk,
  UNTIL_DONE,
  waitNotices,
} from "../helpers.js";

const core = fixtureCore();

function request(text: string, extra: Partial<Request> = {}): Request {
  return { platform: "slack", user: "U1", text, mustReply: false, surface: "mention", ...extra };
}

/** Serves a line and returns what the adapter was asked to send. */
async function served(desk: Desk, req: Request, run?: Run) {
  const sent: Reply[] = [];
  await desk.serve(req, run ?? (() => runLine(req.text, core)), async (reply) => void sent.push(reply));
  return sent;
}

const texts = (replies: Reply[]) =>
  replies.map((r) =>
    r.kind === "answer" ? r.answer.title : r.kind === "busy" ? `busy (${r.language})` : r.text,
  );

describe("the desk every adapter serves through", () => {
  it("answers, and records the answer's ids and a declined question in the unanswered log", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const { desk } = testDesk({ unanswered: file });
    expect(texts(await served(desk, request("gz green cards")))).toEqual([
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
    ]);
    await served(desk, request("How do I cook fried rice?"));
    await desk.drain(UNTIL_DONE);
    const [answered, declined] = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answered).toEqual({
      kind: "answered",
      time: TODAY.toISOString(),
      platform: "slack",
      language: "en",
      ids: ["a-green-cards", "a-green-cards#0"],
    });
    expect(declined).toMatchObject({ text: "how do i cook fried rice", language: "en" });
  });

  it("tells a person once when they are rate-limited, then drops their messages", async () => {
    const { desk, log } = testDesk({ limiter: new MemoryRateLimiter({ burst: 2, perMinute: 6 }) });
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(...(await served(desk, request("gz green cards"))));
    expect(texts(replies).slice(0, 2)).toEqual([
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
    ]);
    expect(texts(replies).slice(2)).toHaveLength(1);
    expect(waitNotices(20)).toContain(texts(replies)[2]);
    expect(
      log.entries().filter((e) => e.msg === "rate limit: holding back one person's questions"),
    ).toHaveLength(1);
    expect(log.raw()).not.toContain("U1");
  });

  it("always replies to an interaction that must get a reply, even past the first refusal", async () => {
    const { desk } = testDesk({ limiter: new MemoryRateLimiter({ burst: 1, perMinute: 1 }) });
    const interaction = request("/help", { mustReply: true });
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(...(await served(desk, interaction)));
    expect(texts(replies)[0]).toBe(helpMessages.en.title);
    expect(texts(replies).slice(1)).toHaveLength(2);
    for (const notice of texts(replies).slice(1)) expect(waitNotices(60)).toContain(notice);
  });

  it("gives a conversation's answer the context its last turn left, and keeps the new one", async () => {
    const conversations = new MemoryConversations();
    const desk = new Desk({ logger: testDesk().log.logger, conversations });
    const first = CONTEXT;
    const seen: (ConversationContext | undefined)[] = [];
    const answering =
      (context?: ConversationContext): Run =>
      (carried) => {
        seen.push(carried);
        // Only the first turn leaves a context here, so what the store keeps is that one.
        const { context: _left, ...answer } = runLine("gz green cards", core);
        return context === undefined ? answer : { ...answer, context };
      };
    const thread = request("gz green cards", { conversation: "C1:1700000000.000100" });
    await served(desk, thread, answering(first));
    await served(desk, thread, answering());
    await served(desk, request("gz green cards", { conversation: "C2:1700000000.000200" }), answering());
    await served(desk, request("gz green cards"), answering());
    expect(seen).toEqual([undefined, first, undefined, undefined]);
    expect(await conversations.get("slack:C1:1700000000.000100")).toEqual(first);
  });

  it("answers a delivery once, however often it is delivered", async () => {
    const desk = new Desk({ logger: testDesk().log.logger, deliveries: new MemoryDeliveries() });
    const replies = [];
    for (const delivery of ["Ev1", "Ev1", "Ev2"]) {
      replies.push(await served(desk, request("gz green cards", { delivery })));
    }
    expect(replies.map((r) => r.length)).toEqual([1, 0, 1]);
  });

  it("releases a delivery whose every reply failed, so that a redelivery is answered", async () => {
    const deliveries = new MemoryDeliveries();
    const desk = new Desk({ logger: testDesk({ level: "silent" }).log.logger, deliveries });
    const failing = async () => {
      throw new Error("the platform is down");
    };
    const req = request("gz green cards", { delivery: "Ev-failed" });
    expect(await desk.serve(req, () => runLine(req.text, core), failing)).toBe(false);
    expect(texts(await served(desk, req))).toEqual([
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
    ]);
  });

  it("apologises when answering throws, and when sending fails, and never throws itself", async () => {
    const { desk, log } = testDesk();
    const failing = await served(desk, request("anything"), () => {
      throw new Error("the core broke");
    });
    expect(texts(failing)).toEqual([notices.en.apology]);

    const attempts: Reply[] = [];
    await desk.serve(
      request("gz green cards"),
      () => runLine("gz green cards", core),
      async (reply) => {
        attempts.push(reply);
        throw new Error("the platform is down");
      },
    );
    expect(texts(attempts)).toEqual([
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
      notices.en.apology,
    ]);
    expect(log.entries().map((e) => e.msg)).toEqual([
      "answering failed",
      "sending the answer failed",
      "sending a notice failed",
    ]);
  });

  it("once closing, takes no new work: every asker hears it is restarting, and no delivery is claimed", async () => {
    const deliveries = new MemoryDeliveries();
    const desk = new Desk({ logger: testDesk().log.logger, deliveries });
    desk.close();
    expect(texts(await served(desk, request("gz green cards", { mustReply: true })))).toEqual([
      notices.en.restarting,
    ]);
    expect(texts(await served(desk, request("gz green cards", { delivery: "Ev-late" })))).toEqual([
      notices.en.restarting,
    ]);
    // Delivered again elsewhere, or here after a restart, it is answered.
    expect(await deliveries.claim("Ev-late")).toBe(true);
  });

  it("given a question in Chinese, then its notices (restarting, rate limited, apology) are in Chinese", async () => {
    const closed = new Desk({ logger: testDesk().log.logger });
    closed.close();
    expect(texts(await served(closed, request("广州有多少人才绿卡？")))).toEqual([notices.zh.restarting]);
    const { desk } = testDesk({ limiter: new MemoryRateLimiter({ burst: 1, perMinute: 1 }) });
    await served(desk, request("广州有多少人才绿卡？"));
    const [limited] = texts(await served(desk, request("广州有多少人才绿卡？")));
    expect(limited).toMatch(/^你短时间内问得太多了/);
    const failing = await served(desk, request("广州有多少人才绿卡？", { user: "U2" }), () => {
      throw new Error("the core failed");
    });
    expect(texts(failing)).toEqual([notices.zh.apology]);
  });

  it("past its bound on answers in flight, tells new askers it is busy, in their language, and warns once", async () => {
    const { log } = testDesk();
    const deliveries = new MemoryDeliveries();
    const desk = new Desk({ logger: log.logger, deliveries, maxConcurrent: 2 });
    const held: (() => void)[] = [];
    const holding: Send = () => new Promise<void>((resolve) => held.push(resolve));
    const answering = [1, 2].map(() =>
      desk.serve(request("gz green cards"), () => runLine("gz green cards", core), holding),
    );
    await eventually(() => (held.length === 2 ? true : undefined), "two answers in flight");
    expect(texts(await served(desk, request("gz green cards", { delivery: "Ev-busy" })))).toEqual([
      "busy (en)",
    ]);
    expect(texts(await served(desk, request("广州发了多少张人才绿卡")))).toEqual(["busy (zh)"]);
    const warnings = log.entries().filter((e) => String(e.msg).startsWith("busy:"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, turnedAway: 1 });
    // Turned away, the delivery is not claimed: Slack's redelivery is answered.
    expect(await deliveries.claim("Ev-busy")).toBe(true);
    for (const release of held) release();
    expect(await Promise.all(answering)).toEqual([true, true]);
    expect(texts(await served(desk, request("gz green cards")))).toEqual([
      "Guangzhou · talent green cards issued: 2,515 (June 2017)",
    ]);
  });

  it("lets answers in flight finish while draining", async () => {
    const { desk } = testDesk();
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    let delivered = false;
    void desk.serve(
      request("gz green cards"),
      () => runLine("gz green cards", core),
      async () => {
        await slow;
        delivered = true;
      },
    );
    expect(desk.pending).toBe(1);
    desk.close();
    const draining = desk.drain(UNTIL_DONE);
    release();
    expect(await draining).toBe(0);
    expect(delivered).toBe(true);
  });
});
