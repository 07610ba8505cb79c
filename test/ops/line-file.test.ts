/**
 * One unanswered log shared by several processes (instances on one machine, or Discord's shards
 * without Redis), rotated many times while they all write: the compiled CLI's terminal chat, several
 * at once, each declining its own questions into the same file.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type Compiled, compile } from "../compiled.js";
import { FIXTURE_KNOWLEDGE, tempDir } from "../helpers.js";

let compiled: Compiled;

beforeAll(() => {
  compiled = compile("returnee-bot-line-file");
}, 60_000);

/** Runs `chat` with these questions on standard input; resolves with its exit code. */
async function chat(questions: string[], env: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, [compiled.cli, "chat"], {
    env: { PATH: process.env.PATH, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, RATE_LIMIT_ENABLED: "false", ...env },
    stdio: ["pipe", "ignore", "inherit"],
  });
  child.stdin.end(questions.map((q) => `${q}\n`).join(""));
  const [code] = await once(child, "exit");
  return code as number | null;
}

/** Every record's text in the log and its rotated files, the size of each file and of its longest line. */
function readAll(file: string): { texts: string[]; sizes: number[]; longest: number } {
  const dir = path.dirname(file);
  const names = readdirSync(dir).filter((n) => n.startsWith(path.basename(file)));
  const contents = names.map((n) => readFileSync(path.join(dir, n), "utf8"));
  return {
    texts: contents.flatMap((c) =>
      c
        .split("\n")
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { text: string }).text),
    ),
    sizes: contents.map((c) => Buffer.byteLength(c)),
    longest: Math.max(...contents.flatMap((c) => c.split("\n").map((line) => Buffer.byteLength(line) + 1))),
  };
}

const questions = (process: number, count: number) =>
  Array.from({ length: count }, (_, i) => `How do I cook fried rice in process ${process} batch ${i}?`);

describe("an unanswered log that several processes share", () => {
  it("keeps every record of 4 processes × 1,000 declines rotated at 1 KiB: none lost, none twice", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const env = { UNANSWERED_LOG: file, UNANSWERED_LOG_MAX_BYTES: "1024", UNANSWERED_LOG_KEEP: "100000" };
    const codes = await Promise.all([0, 1, 2, 3].map((p) => chat(questions(p, 1000), env)));
    expect(codes).toEqual([0, 0, 0, 0]);
    const { texts, sizes, longest } = readAll(file);
    const expected = [0, 1, 2, 3].flatMap((p) => questions(p, 1000).map((q) => q.slice(0, -1).toLowerCase()));
    expect(texts.sort()).toEqual(expected.sort());
    // Each process checks the size before it appends, so while all four append at once a file can
    // pass the limit by the lines of the other three.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 + 3 * longest);
  });

  it("keeps only the newest UNANSWERED_LOG_KEEP rotated files while two processes rotate", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const env = { UNANSWERED_LOG: file, UNANSWERED_LOG_MAX_BYTES: "1024", UNANSWERED_LOG_KEEP: "3" };
    const codes = await Promise.all([0, 1].map((p) => chat(questions(p, 300), env)));
    expect(codes).toEqual([0, 0]);
    const rotated = readdirSync(path.dirname(file))
      .filter((n) => n !== "unanswered.jsonl")
      .map((n) => Number(n.split(".").pop()))
      .sort((a, b) => a - b);
    expect(rotated).toHaveLength(3);
    // 600 records of about 120 bytes rotated at 1 KiB: dozens of rotations, the oldest removed.
    expect(rotated[0]).toBeGreaterThan(10);
  });
});
