import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSlack } from "../../../src/adapters/slack/index.js";
import { BoltLogger, boltLevel } from "../../../src/adapters/slack/log.js";
import { BOT_ID, BOT_USER_ID, FakeSlack, TEAM_ID } from "../../fakes/slack.js";
import { captureLogs, fixtureCore, live, testDesk } from "../../helpers.js";
import {
  BOT_TOKEN,
  directMessage,
  eventCallback,
  mention,
  postSigned,
  SIGNING_SECRET,
  slashCommand,
} from "./requests.js";

describe("Bolt's logger, backed by the project's pino logger", () => {
  it("writes Bolt's lines as JSON, an error among the arguments as err, tokens redacted", () => {
    const log = captureLogs("debug");
    const logger = new BoltLogger(log.logger.child({ platform: "slack" }), LogLevel.DEBUG);
    logger.warn("http request failed", "socket hang up");
    logger.error("Slack API error:", new Error(`invalid_auth for ${BOT_TOKEN}`));
    expect(log.entries()).toEqual([
      expect.objectContaining({ level: 40, platform: "slack", msg: "http request failed socket hang up" }),
      expect.objectContaining({
        level: 50,
        msg: "Slack API error:",
        err: expect.objectContaining({ type: "Error" }),
      }),
    ]);
    expect(log.raw()).not.toContain(BOT_TOKEN);
  });

  it("keeps to the stricter of Bolt's level and LOG_LEVEL", () => {
    const quiet = captureLogs("warn");
    const logger = new BoltLogger(quiet.logger, LogLevel.DEBUG);
    logger.info("not at warn");
    logger.setLevel(LogLevel.ERROR);
    logger.warn("not at Bolt's error");
    logger.error("written");
    expect(quiet.entries().map((e) => e.msg)).toEqual(["written"]);
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
  });

  it("maps LOG_LEVEL onto Bolt's levels, its debug lines only with SLACK_DEBUG_LOGS", () => {
    const levels = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];
    expect(levels.map((level) => boltLevel(level))).toEqual([
      LogLevel.INFO,
      LogLevel.INFO,
      LogLevel.INFO,
      LogLevel.WARN,
      LogLevel.ERROR,
      LogLevel.ERROR,
      LogLevel.ERROR,
    ]);
    expect(levels.map((level) => boltLevel(level, true))).toEqual([
      LogLevel.DEBUG,
      LogLevel.DEBUG,
      LogLevel.INFO,
      LogLevel.WARN,
      LogLevel.ERROR,
      LogLevel.ERROR,
      LogLevel.ERROR,
    ]);
  });
});

describe("Slack's logs at debug and trace", () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await new FakeSlack().start();
  });
  afterAll(async () => {
    await fake?.close();
  });

  /** Serves a mention, a direct message and a slash command at LOG_LEVEL=trace; returns every log line. */
  async function traffic(debugLogs: boolean, tag: string): Promise<string> {
    const { desk, log } = testDesk({ level: "trace" });
    const service = await startSlack(
      live(fixtureCore()),
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0, debugLogs },
      desk,
      { host: "127.0.0.1" },
    );
    try {
      const url = `http://127.0.0.1:${service.port}/slack/events`;
      const event = (e: Record<string, unknown>) =>
        postSigned(url, JSON.stringify(eventCallback(e)), "application/json");
      await event(mention(`<@${BOT_USER_ID}> gz green cards`, `C${tag}`, "1700000100.000100"));
      await event(directMessage("How do I cook fried rice?", `D${tag}`, "1700000100.000200"));
      const form = new URLSearchParams(slashCommand("/city", "Guangzhou", fake.responseUrl(tag), `C${tag}`));
      await postSigned(url, form.toString(), "application/x-www-form-urlencoded");
      await fake.waitForCall("chat.postMessage", `C${tag}`);
      await fake.waitForCall("chat.postMessage", `D${tag}`);
      await fake.waitForResponse(tag);
      return log.raw();
    } finally {
      await service.stop();
    }
  }

  it("hold no user, channel, team or bot ids and no question or answer text", async () => {
    const logged = await traffic(false, "DEBUGOFF");
    expect(logged).toContain('"level":20');
    for (const secret of ["U0000001", "CDEBUGOFF", "DDEBUGOFF", TEAM_ID, BOT_USER_ID, BOT_ID]) {
      expect(logged).not.toContain(secret);
    }
    for (const text of ["green cards", "fried rice", "Guangzhou", "2,515"])
      expect(logged).not.toContain(text);
  });

  it("carry the platform libraries' own debug lines only with SLACK_DEBUG_LOGS, which exposes them", async () => {
    const logged = await traffic(true, "DEBUGON");
    expect(logged).toContain("DDEBUGON");
  });
});
