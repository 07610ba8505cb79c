import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpMessages } from "../../../commands/messages.js";
import { DEFAULT_OUTGOING, type OutgoingLimits } from "../../../src/adapters/outgoing.js";
import { type SlackService, startSlack } from "../../../src/adapters/slack/index.js";
import { notices } from "../../../src/ops/notices.js";
import { FakeSlack, type Received } from "../../fakes/slack.js";
import { eventually, fixtureCore, live, testDesk } from "../../helpers.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "./requests.js";

/**
 * Slack failing over HTTP the way it does: a 5xx or a 429 with Retry-After from the Web API, a
 * failing response_url. The Web API client retries both (its retry policy, and Retry-After); a
 * response_url is not retried by Bolt, so the failure is reported and the asker gets an apology.
 */
const { desk, log } = testDesk({ secrets: [BOT_TOKEN, SIGNING_SECRET] });
let fake: FakeSlack;
let service: SlackService;
let url: string;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  service = await startSlack(
    live(fixtureCore()),
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk,
    { host: "127.0.0.1" },
  );
  url = `http://127.0.0.1:${service.port}/slack/events`;
});

afterAll(async () => {
  await service?.stop();
  await fake?.close();
});

const dm = (text: string, channel: string) =>
  postSigned(
    url,
    JSON.stringify(eventCallback(directMessage(text, channel, `${Date.now() / 1000}`))),
    "application/json",
  );
const to = (target: string, channel?: string) => (r: Received) =>
  r.target === target && (channel === undefined || r.args.channel === channel);

describe("Slack failing", () => {
  it("retries a post the Web API answers with 503, logging each retry at warn, and the answer arrives", async () => {
    fake.faults.fail(to("chat.postMessage", "D5XX"), { status: 503 }, 2);
    await dm("gz green cards", "D5XX");
    const call = await fake.waitForCall("chat.postMessage", "D5XX");
    expect(call.args.text).toContain("2,515");
    expect(fake.refused.filter(to("chat.postMessage", "D5XX"))).toHaveLength(2);
    const retries = log.entries().filter((e) => e.method === "chat.postMessage" && e.status === 503);
    expect(retries).toHaveLength(2);
    expect(retries[0]).toMatchObject({ level: 40, platform: "slack" });
  });

  it("waits out a 429 for its Retry-After, logs it, and the answer arrives", async () => {
    fake.faults.fail(to("chat.postMessage", "D429"), {
      status: 429,
      headers: { "Retry-After": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    await dm("gz green cards", "D429");
    expect((await fake.waitForCall("chat.postMessage", "D429")).args.text).toContain("2,515");
    expect(log.entries().some((e) => String(e.msg).includes("rate limiting. Will retry in 1 seconds"))).toBe(
      true,
    );
  });

  it("reports a response_url that fails, apologises there, and keeps serving", async () => {
    fake.faults.fail(to("respond/url-500"), { status: 500 });
    const form = new URLSearchParams(slashCommand("/city", "Guangzhou", fake.responseUrl("url-500")));
    expect((await postSigned(url, form.toString(), "application/x-www-form-urlencoded")).status).toBe(200);
    const apology = await fake.waitForResponse("url-500");
    expect(apology.body).toMatchObject({ response_type: "ephemeral", text: notices.en.apology });
    const failure = log
      .entries()
      .find((e) => e.msg === "sending the answer failed" && e.surface === "slash command");
    expect(failure).toMatchObject({
      level: 50,
      err: { message: expect.stringContaining("response_url: 500") },
    });
  });

  it("gives up on a Web API that keeps failing, as its retry policy says, and stays up", async () => {
    const failing = new FakeSlack();
    await failing.start();
    const quick = testDesk();
    const app = await startSlack(
      live(fixtureCore()),
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: failing.apiUrl, port: 0 },
      quick.desk,
      // Production retries for five minutes; the same client, told to retry twice at once.
      { host: "127.0.0.1", retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 2 } },
    );
    try {
      failing.faults.fail(to("chat.postMessage", "DDOWN"), { status: 500 }, 6);
      const appUrl = `http://127.0.0.1:${app.port}/slack/events`;
      const event = (channel: string) =>
        postSigned(
          appUrl,
          JSON.stringify(eventCallback(directMessage("/help", channel, "1.2"))),
          "application/json",
        );
      await event("DDOWN");
      await eventually(
        () => quick.log.entries().find((e) => e.msg === "sending a notice failed"),
        "the failed apology logged",
      );
      // The answer and the apology, each tried three times.
      expect(failing.refused.filter(to("chat.postMessage", "DDOWN"))).toHaveLength(6);
      await event("DUP");
      expect((await failing.waitForCall("chat.postMessage", "DUP")).args.text).toContain(
        helpMessages.en.title,
      );
    } finally {
      await app.stop();
      await failing.close();
    }
  });

  /** An app of its own whose outgoing calls have these limits, and a command sender for it. */
  async function limitedApp(outgoing: OutgoingLimits) {
    const own = testDesk();
    const app = await startSlack(
      live(fixtureCore()),
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
      own.desk,
      { host: "127.0.0.1", outgoing },
    );
    const appUrl = `http://127.0.0.1:${app.port}/slack/events`;
    const command = (id: string) =>
      postSigned(
        appUrl,
        new URLSearchParams(slashCommand("/ask", "gz green cards", fake.responseUrl(id))).toString(),
        "application/x-www-form-urlencoded",
      );
    const dm = (channel: string) =>
      postSigned(
        appUrl,
        JSON.stringify(eventCallback(directMessage("gz green cards", channel, "1.3"))),
        "application/json",
      );
    return { app, log: own.log, command, dm };
  }

  it("never logs a response_url's secret path when it fails, and never says Bolt retries it", async () => {
    const { app, log: own, command } = await limitedApp(DEFAULT_OUTGOING);
    const secret = "T0000001/1234567890/s3cr3tR3sp0ns3T0k3n";
    try {
      for (const status of [503, 429]) {
        fake.faults.fail(to(`respond/${secret}`), { status, headers: { "Retry-After": "1" } }, 2);
        await command(secret);
      }
      await eventually(
        () =>
          own.entries().filter((e) => e.msg === "sending a notice failed").length === 2 ? true : undefined,
        "both failures reported",
      );
      expect(fake.refused.filter(to(`respond/${secret}`))).toHaveLength(4);
      expect(own.raw()).not.toContain("s3cr3tR3sp0ns3T0k3n");
      expect(own.raw()).not.toContain("1234567890");
      expect(own.entries().filter((e) => String(e.msg).includes("retr"))).toEqual([]);
      expect(own.entries().filter((e) => e.msg === "sending the answer failed")).toHaveLength(2);
    } finally {
      await app.stop();
    }
  });

  it("given a response_url that accepts and never answers, keeps no more than the bound open, and the rest go out once it answers", async () => {
    const { app, command, dm } = await limitedApp({ maxOpen: 3, timeoutMs: 60_000 });
    const stall = fake.faults.stall((r) => r.target.startsWith("respond/held-"));
    try {
      const acks = await Promise.all(Array.from({ length: 8 }, (_, i) => command(`held-${i}`)));
      expect(acks.map((a) => a.status)).toEqual(Array(8).fill(200));
      await eventually(() => (stall.arrived === 3 ? true : undefined), "three answers held open");
      // The Web API has its own bound: a direct message is answered while every response_url hangs.
      await dm("DWHILEHELD");
      expect((await fake.waitForCall("chat.postMessage", "DWHILEHELD")).args.text).toContain("2,515");
      expect([stall.arrived, stall.open]).toEqual([3, 3]);
      stall.release();
      for (let i = 0; i < 8; i++) {
        expect((await fake.waitForResponse(`held-${i}`)).body.text).toContain("2,515");
      }
      expect(stall.mostOpen).toBe(3);
    } finally {
      stall.release();
      await app.stop();
    }
  });

  it("given a response_url that never answers, gives every reply up after its timeout, leaving none open, and later replies go out", async () => {
    const { app, log: own, command } = await limitedApp({ maxOpen: 3, timeoutMs: 300 });
    const stall = fake.faults.stall((r) => r.target.startsWith("respond/stuck-"));
    try {
      await Promise.all(Array.from({ length: 8 }, (_, i) => command(`stuck-${i}`)));
      const failed = (msg: string) => own.entries().filter((e) => e.msg === msg);
      await eventually(
        () => (failed("sending a notice failed").length === 8 ? true : undefined),
        "the answers and apologies given up",
      );
      expect(failed("sending the answer failed")).toHaveLength(8);
      expect(failed("sending the answer failed")[0]).toMatchObject({ err: { type: "TimeoutError" } });
      await eventually(() => (stall.open === 0 ? true : undefined), "no request left open");
      await command("after-stuck");
      expect((await fake.waitForResponse("after-stuck")).body.text).toContain("2,515");
    } finally {
      stall.release();
      await app.stop();
    }
  });

  it("never logs a token or the signing secret while failing", () => {
    expect(log.raw()).not.toContain(BOT_TOKEN);
    expect(log.raw()).not.toContain(SIGNING_SECRET);
  });
});
