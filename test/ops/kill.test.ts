/**
 * The compiled CLI as its own process, killed with SIGKILL in the middle of a flood of declined
 * questions: every decline it had shown is already in the unanswered log, since a record is written
 * before its decline is.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/core/compose/messages.js";
import { type Compiled, compile } from "../compiled.js";
import { FIXTURE_KNOWLEDGE, tempDir } from "../helpers.js";

let compiled: Compiled;

beforeAll(() => {
  compiled = compile("returnee-bot-kill");
}, 60_000);

describe("the chat killed mid-flood", () => {
  it("has on disk every decline it showed before SIGKILL", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const child = spawn(process.execPath, [compiled.cli, "chat"], {
      env: {
        PATH: process.env.PATH,
        KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
        UNANSWERED_LOG: file,
        RATE_LIMIT_ENABLED: "false",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let shown = "";
    let killed = false;
    child.stdout?.on("data", (d: Buffer) => {
      shown += d.toString();
      if (!killed && shown.split(messages.declineTitle).length > 1000) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.stdin?.on("error", () => undefined);
    const flood = Array.from({ length: 50_000 }, (_, i) => `How do I cook fried rice number ${i}?\n`);
    child.stdin?.end(flood.join(""));
    const [, signal] = await once(child, "exit");
    expect(signal).toBe("SIGKILL");
    const declines = shown.split(messages.declineTitle).length - 1;
    expect(declines).toBeGreaterThanOrEqual(1000);
    expect(declines).toBeLessThan(50_000);
    // A write the kill cut short (Linux stops a write between pages for SIGKILL) leaves its last line
    // without its "\n": records not yet shown. Every whole line is a record.
    const whole = readFileSync(file, "utf8").split("\n").slice(0, -1);
    const records = whole.map((line) => JSON.parse(line) as { text: string });
    expect(records.length).toBeGreaterThanOrEqual(declines);
    expect(records.slice(0, declines).map((r) => r.text)).toEqual(
      Array.from({ length: declines }, (_, i) => `how do i cook fried rice number ${i}`),
    );
  });
});
