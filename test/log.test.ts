import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConfigError } from "../src/config.js";
import { createLogger, logFile, redact } from "../src/log.js";
import { describeWithDevFull, describeWithFullDisk, type FullDisk, mountFullDisk } from "./full-disk.js";
import { captureLogs, logLines, tempDir } from "./helpers.js";

const DISCORD = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";
const SIGNING = "0123456789abcdef0123456789abcdef";

describe("redaction", () => {
  it("hides Slack and Discord tokens by their shape, and Authorization credentials", () => {
    const text = `xoxb-1-abc xapp-1-A1-def xoxp-9 ${DISCORD} "authorization":"Bot abc.def.ghi" Authorization: Bearer sekrit123`;
    const out = redact(text);
    for (const secret of ["xoxb-1-abc", "xapp-1-A1-def", "xoxp-9", DISCORD, "abc.def.ghi", "sekrit123"]) {
      expect(out).not.toContain(secret);
    }
  });

  it("hides every configured secret, also as JSON escapes it", () => {
    const secret = 'pa"ss\\word-123';
    const out = redact(`raw ${secret} json ${JSON.stringify(secret)}`, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
  });

  it("hides the secret path of a Slack response_url, which lets anyone post to its channel", () => {
    const url = "https://hooks.slack.com/commands/T0000001/1234567890123/Ab3dEf6hIjKlMnOpQrStUvWx";
    expect(redact(`posting to ${url} failed`)).toBe(
      "posting to https://hooks.slack.com/commands/[redacted] failed",
    );
    expect(redact(JSON.stringify({ url: url.replace("commands", "actions") }))).toBe(
      '{"url":"https://hooks.slack.com/actions/[redacted]"}',
    );
  });

  it("leaves ordinary words alone, bots included", () => {
    expect(redact("the bot connected; Bearer of good news")).toBe("the bot connected; Bearer of good news");
  });
});

describe("the logger", () => {
  it("writes one JSON object per line, at or above its level", () => {
    const log = captureLogs("warn");
    log.logger.info("not written");
    log.logger.warn({ platform: "slack" }, "written");
    expect(log.entries()).toEqual([
      expect.objectContaining({ level: 40, platform: "slack", msg: "written", name: "returnee-bot" }),
    ]);
    expect(log.raw().endsWith("\n")).toBe(true);
  });

  it("never writes a secret, whether in a message, a field or an error", () => {
    const log = captureLogs("trace", [SIGNING]);
    const error = Object.assign(new Error(`signature check with ${SIGNING} failed`), {
      code: "E_SIG",
      config: { headers: { Authorization: `Bearer xoxb-live-token` } },
    });
    log.logger.error({ err: error, secret: SIGNING }, `failed with ${SIGNING}`);
    expect(log.raw()).not.toContain(SIGNING);
    expect(log.raw()).not.toContain("xoxb-live-token");
    expect(log.entries()[0]).toMatchObject({ err: { type: "Error", code: "E_SIG" } });
  });

  it("logs an error's name, message, code and stack, never the request it carried", () => {
    const log = captureLogs();
    const error = Object.assign(new Error("boom"), { request: { body: "private question text" } });
    log.logger.error({ err: error }, "failed");
    const [entry] = log.entries() as { err: Record<string, unknown> }[];
    expect(Object.keys(entry?.err ?? {}).sort()).toEqual(["message", "stack", "type"]);
  });
});

/** A logger writing to LOG_FILE `file`, its fallback (standard error) kept in memory. */
function fileLogger(file: string) {
  let stderr = "";
  const logger = createLogger(
    { level: "info", secrets: [] },
    logFile(file, { write: (t: string) => (stderr += t) }),
  );
  return { logger, stderr: () => stderr };
}

describeWithDevFull("a log file on a disk that refuses every write (/dev/full)", () => {
  it("never throws: each line goes to standard error instead, which is told so once", () => {
    const { logger, stderr } = fileLogger("/dev/full");
    for (let i = 0; i < 300; i++) expect(() => logger.info({ i }, "answered")).not.toThrow();
    const lines = logLines(stderr());
    expect(lines.filter((l) => l.msg === "answered")).toHaveLength(300);
    const notices = lines.filter((l) => String(l.msg).startsWith("log file cannot be written"));
    expect(notices).toEqual([expect.objectContaining({ level: 40, file: "/dev/full", code: "ENOSPC" })]);
  });
});

describeWithFullDisk("a log file on a full tmpfs", () => {
  let disk: FullDisk;
  beforeEach(() => {
    disk = mountFullDisk() as FullDisk;
  });
  afterEach(() => disk.unmount());

  it("starts on a disk already full, logs to standard error meanwhile, and back to the file once there is room", () => {
    const file = path.join(disk.dir, "logs", "bot.log");
    const { logger, stderr } = fileLogger(file);
    logger.info("while full");
    logger.info("still full");
    disk.free();
    logger.info("room again");
    const fallback = logLines(stderr()).map((l) => l.msg);
    expect(fallback).toEqual([
      "log file cannot be written; logging to standard error until it can",
      "while full",
      "still full",
    ]);
    expect(logLines(readFileSync(file, "utf8")).map((l) => l.msg)).toEqual([
      "room again",
      "log file written again; the lines in between went to standard error",
    ]);
  });
});

describe("LOG_FILE that can never be written", () => {
  it("stops start-up naming LOG_FILE and the reason, with a long path cut short", () => {
    const dir = tempDir();
    const blocker = path.join(dir, "a-file");
    writeFileSync(blocker, "");
    for (const [file, code] of [
      [dir, "EISDIR"],
      [path.join(blocker, "x".repeat(200), "bot.log"), "ENOTDIR"],
    ] as const) {
      let error: unknown;
      try {
        logFile(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain(`LOG_FILE: cannot be opened for appending (${code})`);
      expect(message.length).toBeLessThan(200);
    }
    expect(existsSync(path.join(blocker, "x".repeat(200)))).toBe(false);
  });
});
