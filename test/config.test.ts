import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  DEFAULT_KEEP_ALIVE_SECONDS,
  DEFAULT_MAX_CONCURRENT_ANSWERS,
  DEFAULT_RATE_LIMIT,
  loadConfig,
} from "../src/config.js";

/** Shaped like Slack's: 32 hexadecimal characters. */
const SIGNING = "8f742231b10e8888abcd99b1b0e985a5";

function problems(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("numbers in the environment", () => {
  it("take a port in plain decimal digits only, not 1e3, 0x10, 80.0 or 70000", () => {
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING, PORT: "8080" }).slack?.port,
    ).toBe(8080);
    for (const port of ["1e3", "0x10", "80.0", "-1", "70000", "8080abc", " 8 ", "8 "]) {
      expect(problems({ PORT: port })).toContain("PORT: must be a port number");
    }
  });

  it("read UNANSWERED_LOG_MAX_BYTES, 10 MiB by default", () => {
    expect(loadConfig({}).unansweredMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ UNANSWERED_LOG_MAX_BYTES: "2048" }).unansweredMaxBytes).toBe(2048);
    expect(problems({ UNANSWERED_LOG_MAX_BYTES: "1e6" })).toContain("UNANSWERED_LOG_MAX_BYTES:");
  });

  it("read UNANSWERED_LOG_KEEP, 50 rotated files by default, at least 1", () => {
    expect(loadConfig({}).unansweredKeep).toBe(50);
    expect(loadConfig({ UNANSWERED_LOG_KEEP: "3" }).unansweredKeep).toBe(3);
    expect(problems({ UNANSWERED_LOG_KEEP: "0" })).toContain("UNANSWERED_LOG_KEEP:");
  });
});

describe("serving settings", () => {
  it("keep an idle HTTP connection 65 s unless HTTP_KEEP_ALIVE_SECONDS says otherwise, from 1 to 3600", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s".repeat(32) };
    expect(loadConfig(slack).slack?.keepAliveSeconds).toBe(DEFAULT_KEEP_ALIVE_SECONDS);
    expect(DEFAULT_KEEP_ALIVE_SECONDS).toBeGreaterThan(60);
    expect(loadConfig({ ...slack, HTTP_KEEP_ALIVE_SECONDS: "350" }).slack?.keepAliveSeconds).toBe(350);
    for (const value of ["0", "3601", "65s", "1e2"]) {
      expect(problems({ HTTP_KEEP_ALIVE_SECONDS: value })).toContain("HTTP_KEEP_ALIVE_SECONDS:");
    }
  });

  it("bound the answers in flight at 200 unless MAX_CONCURRENT_ANSWERS says otherwise, at least 1", () => {
    expect(loadConfig({}).maxConcurrentAnswers).toBe(DEFAULT_MAX_CONCURRENT_ANSWERS);
    expect(DEFAULT_MAX_CONCURRENT_ANSWERS).toBe(200);
    expect(loadConfig({ MAX_CONCURRENT_ANSWERS: "50" }).maxConcurrentAnswers).toBe(50);
    for (const value of ["0", "-5", "many"]) {
      expect(problems({ MAX_CONCURRENT_ANSWERS: value })).toContain("MAX_CONCURRENT_ANSWERS:");
    }
  });
});

describe("operations settings", () => {
  it("default to info logs, ./unanswered.jsonl and a rate limit that is on", () => {
    const config = loadConfig({}, "/srv/bot");
    expect(config.logLevel).toBe("info");
    expect(config.unansweredLog).toBe(path.resolve("/srv/bot", "unanswered.jsonl"));
    expect(config.rateLimit).toEqual(DEFAULT_RATE_LIMIT);
  });

  it("read LOG_LEVEL, UNANSWERED_LOG and RATE_LIMIT_*", () => {
    const config = loadConfig(
      {
        LOG_LEVEL: "debug",
        UNANSWERED_LOG: "logs/asked.jsonl",
        RATE_LIMIT_BURST: "3",
        RATE_LIMIT_PER_MINUTE: "30",
      },
      "/srv/bot",
    );
    expect(config).toMatchObject({
      logLevel: "debug",
      unansweredLog: "/srv/bot/logs/asked.jsonl",
      rateLimit: { burst: 3, perMinute: 30 },
    });
  });

  it("turn the unanswered log and the rate limit off when asked", () => {
    const config = loadConfig({ UNANSWERED_LOG: "off", RATE_LIMIT_ENABLED: "false" });
    expect(config.unansweredLog).toBeUndefined();
    expect(config.rateLimit).toBeUndefined();
  });

  it("name each malformed variable, and never print a value or a secret", () => {
    const message = problems({
      LOG_LEVEL: "loud",
      RATE_LIMIT_BURST: "0",
      RATE_LIMIT_PER_MINUTE: "lots",
      RATE_LIMIT_ENABLED: "maybe",
      SLACK_BOT_TOKEN: "xoxb-real-secret-token",
    });
    for (const name of ["LOG_LEVEL", "RATE_LIMIT_BURST", "RATE_LIMIT_PER_MINUTE", "RATE_LIMIT_ENABLED"]) {
      expect(message).toContain(`${name}:`);
    }
    for (const value of ["loud", "lots", "maybe", "xoxb-real-secret-token"])
      expect(message).not.toContain(value);
  });
});

describe("Slack settings that cannot be meant", () => {
  it("refuse an empty SLACK_BOT_TOKEN beside a signing secret or an app token, instead of chatting in the terminal", () => {
    expect(problems({ SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: SIGNING })).toContain(
      "SLACK_BOT_TOKEN: is required when SLACK_SIGNING_SECRET is set (it is empty or missing)",
    );
    expect(problems({ SLACK_BOT_TOKEN: "  ", SLACK_APP_TOKEN: "xapp-1-A1-x" })).toContain(
      "SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set",
    );
  });

  it("read SLACK_ADMIN_USER_IDS as a list of Slack user ids, naming the variable when it is not one", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING };
    expect(loadConfig({ ...slack, SLACK_ADMIN_USER_IDS: "U012AB3CD, W0XYZ" }).slack?.adminUserIds).toEqual([
      "U012AB3CD",
      "W0XYZ",
    ]);
    expect(loadConfig(slack).slack?.adminUserIds).toBeUndefined();
    for (const bad of ["alice", "U012AB3CD;U0XYZ", "#general", "u012ab3cd"]) {
      expect(problems({ ...slack, SLACK_ADMIN_USER_IDS: bad })).toContain(
        "SLACK_ADMIN_USER_IDS: must be Slack user ids",
      );
    }
  });

  it("refuse a signing secret too short to be Slack's, without printing it", () => {
    for (const secret of ["x", "short-secret", SIGNING.slice(1)]) {
      const message = problems({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: secret });
      expect(message).toContain("SLACK_SIGNING_SECRET: must be the app's Signing Secret");
      expect(message).not.toContain(secret);
    }
    expect(
      loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING }).slack?.signingSecret,
    ).toBe(SIGNING);
  });
});

describe("the curators' digest", () => {
  const slack = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: SIGNING };
  const discord = { DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "900000000000000001" };

  it("is off unless set, and reads its schedule and channels when set", () => {
    expect(loadConfig(slack).digest).toBeUndefined();
    expect(
      loadConfig({
        ...slack,
        ...discord,
        DIGEST_EVERY_HOURS: "24",
        SLACK_DIGEST_CHANNEL: "C0123ABC",
        DISCORD_DIGEST_CHANNEL: "900000000000000020",
      }).digest,
    ).toEqual({ everyHours: 24, slackChannel: "C0123ABC", discordChannel: "900000000000000020" });
  });

  it("stops start-up naming a bad schedule or channel id", () => {
    for (const hours of ["0", "1.5", "-2", "1e2", "daily"]) {
      expect(problems({ ...slack, DIGEST_EVERY_HOURS: hours, SLACK_DIGEST_CHANNEL: "C01" })).toContain(
        "DIGEST_EVERY_HOURS: must be a whole number of hours",
      );
    }
    expect(problems({ ...slack, DIGEST_EVERY_HOURS: "1", SLACK_DIGEST_CHANNEL: "#curators" })).toContain(
      "SLACK_DIGEST_CHANNEL: must be a Slack channel id",
    );
    expect(problems({ ...discord, DIGEST_EVERY_HOURS: "1", DISCORD_DIGEST_CHANNEL: "curators" })).toContain(
      "DISCORD_DIGEST_CHANNEL: must be a numeric snowflake id",
    );
  });

  it("stops start-up when half of it is set: a schedule with no channel, a channel with no schedule or platform", () => {
    expect(problems({ ...slack, DIGEST_EVERY_HOURS: "6" })).toContain(
      "DIGEST_EVERY_HOURS: needs SLACK_DIGEST_CHANNEL or DISCORD_DIGEST_CHANNEL",
    );
    expect(problems({ ...slack, SLACK_DIGEST_CHANNEL: "C01" })).toContain(
      "SLACK_DIGEST_CHANNEL: needs DIGEST_EVERY_HOURS",
    );
    expect(
      problems({ ...slack, DIGEST_EVERY_HOURS: "6", DISCORD_DIGEST_CHANNEL: "900000000000000020" }),
    ).toContain("DISCORD_DIGEST_CHANNEL: needs DISCORD_TOKEN");
  });
});
