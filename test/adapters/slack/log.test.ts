import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { BoltLogger, boltLevel } from "../../../src/adapters/slack/log.js";
import { captureLogs } from "../../helpers.js";
import { BOT_TOKEN } from "./requests.js";

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
