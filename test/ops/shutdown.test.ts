/**
 * `returnee-bot serve` with Discord and Slack both configured, against the loopback fakes, run
 * in-process with its signals and process events given by the test. On SIGTERM it stops taking
 * new work, finishes the answers in flight, writes out the unanswered log, closes the gateway and
 * the HTTP server, and returns 0.
 */
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { notices } from "../../src/ops/notices.js";
import { type MessageBody, replyOf, TOKEN } from "../adapters/discord/harness.js";
import {
  botUser,
  slashCommand as discordCommand,
  guildPayload,
  ids,
  userMessage,
} from "../adapters/discord/payloads.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "../adapters/slack/requests.js";
import { FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { FakeSlack, type Received } from "../fakes/slack.js";
import { eventually, FIXTURE_KNOWLEDGE, isReady, tempDir } from "../helpers.js";

let discord: FakeDiscord;
let slack: FakeSlack;
const events = new EventEmitter();
const stderr = new PassThrough();
let logged = "";
stderr.on("data", (d) => (logged += d));
const entries = () =>
  logged
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const unanswered = path.join(tempDir(), "unanswered.jsonl");
let serving: Promise<number>;
let url: string;

beforeAll(async () => {
  discord = await FakeDiscord.start({
    token: TOKEN,
    applicationId: ids.app,
    user: botUser,
    guilds: [guildPayload()],
  });
  slack = await new FakeSlack().start();
  serving = main(["serve"], {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    events,
    env: {
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.app,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      LOG_LEVEL: "trace",
      UNANSWERED_LOG: unanswered,
    },
  });
  await eventually(() => entries().find(isReady), "serve ready");
  const listening = entries().find((e) => typeof e.port === "number") as { port: number };
  url = `http://127.0.0.1:${listening.port}`;
  await discord.waitForSessions(1);
});

afterAll(async () => {
  await discord?.close();
  await slack?.close();
});

const command = (text: string, id: string) =>
  postSigned(
    `${url}/slack/events`,
    new URLSearchParams(slashCommand("/ask", text, slack.responseUrl(id))).toString(),
    "application/x-www-form-urlencoded",
  );

describe("serve, running", () => {
  it("logs an unhandled rejection as an error, without the token, and keeps answering", async () => {
    events.emit("unhandledRejection", new Error(`lost promise holding ${BOT_TOKEN}`));
    const entry = entries().find((e) => e.msg === "unhandled promise rejection; carrying on");
    expect(entry).toMatchObject({ level: 50, err: { message: "lost promise holding [redacted]" } });
    await command("gz green cards", "after-rejection");
    expect((await slack.waitForResponse("after-rejection")).body.text).toContain("2,515");
  });
});

describe("serve, on SIGTERM", () => {
  it("finishes the answers in flight, takes no new work, closes everything and returns 0", async () => {
    // A declined question, for the unanswered log to write out on the way down.
    await postSigned(
      `${url}/slack/events`,
      JSON.stringify(eventCallback(directMessage("How do I cook fried rice?", "DGAP", "1.1"))),
      "application/json",
    );
    await slack.waitForCall("chat.postMessage", "DGAP");

    // One answer in flight on each platform: Slack's response_url and Discord's reply are held open.
    const slackHeld = slack.faults.hold((r: Received) => r.target === "respond/in-flight");
    await command("gz green cards", "in-flight");
    await slackHeld.arrived;
    const mention = userMessage(`<@${ids.bot}> /city Guangzhou`, { mentions: [botUser] });
    const isReply = (r: RecordedRequest) =>
      (r.body as MessageBody | undefined)?.message_reference?.message_id === mention.id;
    const discordHeld = discord.faults.hold(isReply);
    await discord.dispatch("MESSAGE_CREATE", mention);
    await discordHeld.arrived;

    let returned = false;
    void serving.then(() => {
      returned = true;
    });
    events.emit("SIGTERM");
    await eventually(() => entries().find((e) => String(e.msg).startsWith("shutting down")), "shutting down");

    // New work is turned away politely, and the health check tells the balancer.
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    const late = await command("gz green cards", "too-late");
    expect(JSON.parse(late.body)).toMatchObject({ response_type: "ephemeral", text: notices.en.restarting });
    const lateInteraction = replyOf(await interactWith(discordCommand("help")));
    expect(lateInteraction).toMatchObject({ content: notices.en.restarting, flags: 64 });
    // A Slack event is refused, for Slack to deliver again to an instance that is up.
    const lateEvent = await postSigned(
      `${url}/slack/events`,
      JSON.stringify(eventCallback(directMessage("gz green cards", "DLATE", "1.2"))),
      "application/json",
    );
    expect(lateEvent.status).toBe(503);
    // Discord never delivers a message again: a late mention is told the bot is restarting.
    const lateMention = userMessage(`<@${ids.bot}> gz green cards`, { mentions: [botUser] });
    await discord.dispatch("MESSAGE_CREATE", lateMention);

    // Still waiting for the two answers in flight.
    expect(returned).toBe(false);
    slackHeld.release();
    discordHeld.release();
    expect(await serving).toBe(0);
    expect(entries().some((e) => String(e.msg).includes("gave up"))).toBe(false);

    expect((await slack.waitForResponse("in-flight")).body.text).toContain("2,515");
    expect(slack.responses.filter((r) => r.id === "too-late")).toEqual([]);
    expect(slack.callsOf("chat.postMessage", "DLATE")).toEqual([]);
    await discord.waitForRequest(isReply, "the reply in flight");
    // Its reply went out after the one in flight, which holds the channel's queue in discord.js.
    const restarting = await discord.waitForRequest(
      (r) => (r.body as MessageBody | undefined)?.message_reference?.message_id === lateMention.id,
      "the restarting notice",
    );
    expect((restarting.body as MessageBody).content).toBe(notices.en.restarting);
    await discord.waitForNoConnections();
    // Until the process ends, the port answers 503 rather than refusing the balancer's health check.
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    const records = readFileSync(unanswered, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // The answers in flight were recorded too: the log holds every one, the decline among them.
    expect(records.filter((r) => r.kind === undefined).map((r) => r.text)).toEqual([
      "how do i cook fried rice",
    ]);
    expect(records.filter((r) => r.kind === "answered")).toHaveLength(3);
    expect(entries().at(-1)).toMatchObject({ msg: "stopped" });
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});

async function interactWith(payload: ReturnType<typeof discordCommand>) {
  await discord.dispatch("INTERACTION_CREATE", payload);
  return discord.waitForRequest(
    (r) => r.path === `/interactions/${payload.id}/${payload.token}/callback`,
    "the callback",
  );
}
