import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { helpMessages } from "../../../commands/messages.js";
import { messages } from "../../../src/core/compose/messages.js";
import { describeWithFullDisk, type FullDisk, mountFullDisk } from "../../full-disk.js";
import { AT_LIMIT, FIXTURE_KNOWLEDGE, logLines, OVER_LIMIT, tempDir, waitNotices } from "../../helpers.js";
import { cli } from "./run-cli.js";

const tooLong = messages.tooLong(500);
const env = (extra: NodeJS.ProcessEnv = {}) => ({
  KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
  UNANSWERED_LOG: "off",
  ...extra,
});

describe("the terminal: questions up to the documented length, and over it", () => {
  it("answers a 500-character question whole with ask, and asks to shorten a 501-character one", async () => {
    expect((await cli(["ask", AT_LIMIT], "", env())).out).toContain("2,515");
    const over = await cli(["ask", OVER_LIMIT], "", env());
    expect(over.out).toContain(tooLong);
    expect(over.out).not.toContain("2,515");
  });

  it("does the same line by line with ask --jsonl, whose standard output stays JSON lines only", async () => {
    const { out, err } = await cli(
      ["ask", "--jsonl"],
      `${AT_LIMIT}\n${OVER_LIMIT}\n`,
      env({ LOG_LEVEL: "trace" }),
    );
    const lines = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.input.length, l.answered])).toEqual([
      [500, true],
      [501, false],
    ]);
    expect(lines[1].text).toContain(tooLong);
    expect(Object.keys(lines[0]).sort()).toEqual(["answered", "input", "score", "sources", "text"]);
    expect(err).toBe("");
  });

  it("does the same in the chat", async () => {
    const { out } = await cli(["chat"], `${AT_LIMIT}\n${OVER_LIMIT}\n`, env());
    const [, first, second] = out.split("> ");
    expect(first).toContain("2,515");
    expect(second).toContain(tooLong);
  });
});

describe("the terminal chat, for the one person at the keyboard", () => {
  const tight = { RATE_LIMIT_BURST: "1", RATE_LIMIT_PER_MINUTE: "1" };

  it("answers every line however fast it comes: the chat has no rate limit", async () => {
    for (const argv of [["chat"], ["serve"]]) {
      const { out } = await cli(argv, "/help\n/help\n/help\n", env(tight));
      expect(out.split(helpMessages.en.title), argv[0]).toHaveLength(4);
      expect(waitNotices(120).some((notice) => out.includes(notice))).toBe(false);
    }
  });

  it("writes no log line into the conversation unless LOG_LEVEL asks for one", async () => {
    // A log the chat cannot write: the desk warns, at a level logged by default.
    const unwritable = tempDir();
    const asked = "How do I cook fried rice?\n";
    const quiet = await cli(["chat"], asked, env({ UNANSWERED_LOG: unwritable }));
    expect(quiet.out).toContain(messages.declineTitle);
    expect(quiet.err).toBe("");
    expect(quiet.out).not.toContain('"level"');

    const loud = await cli(["chat"], asked, env({ UNANSWERED_LOG: unwritable, LOG_LEVEL: "warn" }));
    expect(loud.err).toContain('"level":40');
    expect(loud.out).not.toContain('"level"');
  });

  it("appends its log lines to LOG_FILE, not to the terminal", async () => {
    const file = path.join(tempDir(), "logs", "bot.jsonl");
    const { out, err } = await cli(["chat"], "gz green cards\n", env({ LOG_FILE: file, LOG_LEVEL: "debug" }));
    expect(out).toContain("2,515");
    expect(err).toBe("");
    const lines = readFileSync(file, "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).msg)).toContain("answered");
  });

  it("records what it could not answer, with the platform terminal", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    await cli(["chat"], "How do I cook fried rice?\ngz green cards\n", env({ UNANSWERED_LOG: file }));
    const records = readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((r) => [r.kind, r.platform, r.text])).toEqual([
      [undefined, "terminal", "how do i cook fried rice"],
      ["answered", "terminal", undefined],
    ]);
  });

  it("leaves ask and ask --jsonl out of the unanswered log: they are for scripts and evaluation", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    await cli(["ask", "How do I cook fried rice?"], "", env({ UNANSWERED_LOG: file }));
    await cli(["ask", "--jsonl"], "How do I cook fried rice?\n", env({ UNANSWERED_LOG: file }));
    expect(existsSync(file)).toBe(false);
  });

  it("records every one of 5,000 declined questions asked in a row, before it shows the decline", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const asked = Array.from({ length: 5000 }, (_, i) => `How do I cook fried rice number ${i}?`);
    const { out } = await cli(
      ["chat"],
      `${asked.join("\n")}\n`,
      env({ UNANSWERED_LOG: file, RATE_LIMIT_ENABLED: "false" }),
    );
    expect(out.split(messages.declineTitle)).toHaveLength(5001);
    const records = readFileSync(file, "utf8").trim().split("\n");
    expect(records).toHaveLength(5000);
    expect(JSON.parse(records[4999] ?? "").text).toBe("how do i cook fried rice number 4999");
  });
});

describeWithFullDisk("the chat with LOG_FILE and UNANSWERED_LOG on a full disk", () => {
  let disk: FullDisk;
  beforeEach(() => {
    disk = mountFullDisk() as FullDisk;
  });
  afterEach(() => disk.unmount());

  it("answers all 300 questions and exits 0, logging to standard error and saying once why", async () => {
    const asked = Array.from({ length: 300 }, () => "What is the average rent in Suzhou?\n").join("");
    const { code, out, err } = await cli(
      ["chat"],
      asked,
      env({
        LOG_FILE: path.join(disk.dir, "bot.log"),
        UNANSWERED_LOG: path.join(disk.dir, "unanswered.jsonl"),
        RATE_LIMIT_ENABLED: "false",
      }),
    );
    expect(code).toBe(0);
    expect(out.split(messages.declineTitle)).toHaveLength(301);
    const lines = logLines(err);
    expect(lines.filter((l) => String(l.msg).startsWith("log file cannot be written"))).toHaveLength(1);
    expect(lines.filter((l) => String(l.msg).startsWith("unanswered log: cannot write"))).toHaveLength(1);
    expect(lines.at(-1)).toMatchObject({
      lost: 300,
      msg: "unanswered log: stopping with records that could not be written",
    });
  });
});
