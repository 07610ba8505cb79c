import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupRecords, LogTally } from "../../src/ops/report.js";
import type { UnansweredRecord } from "../../src/ops/unanswered-record.js";
import { FIXTURE_KNOWLEDGE, runCli, tempDir } from "../helpers.js";

function record(text: string, extra: Partial<UnansweredRecord> = {}): UnansweredRecord {
  return { time: "2026-03-01T10:00:00.000Z", platform: "discord", text, considered: [], ...extra };
}

const log = (records: UnansweredRecord[]) => records.map((r) => JSON.stringify(r)).join("\n");

describe("grouping unanswered questions by similarity", () => {
  it("puts rephrasings of one question together and counts them, most asked first", () => {
    const groups = groupRecords([
      record("how many returnees live in shenzhen", { considered: ["sz-a", "gz-b"] }),
      record("how many returnees live in shenzhen", { platform: "slack", considered: ["sz-a"] }),
      record("returnees living in shenzhen", { time: "2026-03-05T08:00:00.000Z" }),
      record("visa for spouses"),
      record("city atlantis"),
      record("visa for a spouse"),
    ]);
    expect(groups.map((g) => [g.count, g.text])).toEqual([
      [3, "how many returnees live in shenzhen"],
      [2, "visa for a spouse"],
      [1, "city atlantis"],
    ]);
    expect(groups[0]).toMatchObject({
      variants: ["returnees living in shenzhen"],
      platforms: { discord: 2, slack: 1 },
      lastAsked: "2026-03-05T08:00:00.000Z",
      facts: ["sz-a", "gz-b"],
    });
  });

  it("keeps questions about different things apart", () => {
    const groups = groupRecords([record("returnees in shenzhen"), record("returnees in chengdu")]);
    expect(groups).toHaveLength(2);
  });

  it("groups questions made only of stop words together, apart from every other", () => {
    const groups = groupRecords([record("what is it"), record("how many"), record("returnees in chengdu")]);
    expect(groups.map((g) => [g.count, g.text, g.variants])).toEqual([
      [2, "how many", ["what is it"]],
      [1, "returnees in chengdu", []],
    ]);
  });

  it("skips lines that are not records, such as one cut short", () => {
    const tally = new LogTally();
    for (const line of `${log([record("a question")])}\n{"time":"2026-03\n\n[1,2]\n`.split("\n")) {
      tally.addLine(line);
    }
    expect([tally.records, tally.skipped]).toEqual([1, 2]);
  });
});

async function report(env: NodeJS.ProcessEnv, ...args: string[]) {
  return runCli(["report", ...args], { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, ...env });
}

describe("returnee-bot report", () => {
  it("prints what people asked most that the bot could not answer, with counts and nearest facts", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(
      file,
      log([
        record("visa for spouses", { considered: ["visa-fact"] }),
        record("how many returnees live in shenzhen"),
        record("visa for a spouse", { platform: "slack", considered: ["visa-fact"] }),
      ]),
    );
    const { code, out } = await report({ UNANSWERED_LOG: file });
    expect(code).toBe(0);
    expect(out).toContain(`3 records in ${file}; 2 groups need a look`);
    const lines = out.split("\n");
    expect(lines[2]).toMatch(/^1\. [0-9a-f]{8} declined 2× visa for a spouse$/);
    expect(lines[3]).toBe("   also asked as: visa for spouses");
    expect(lines[4]).toBe("   last asked 2026-03-01 · discord 1, slack 1 · nearest facts: visa-fact");
    expect(lines[5]).toMatch(/^2\. [0-9a-f]{8} declined 1× how many returnees live in shenzhen$/);
  });

  it("shows only the top groups when asked, saying how many more there are", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(file, log([record("alpha"), record("beta"), record("gamma")]));
    const { out } = await report({ UNANSWERED_LOG: file }, "--top", "1");
    expect(out).toContain("…and 2 more groups; --top N shows more.");
    expect(out).not.toContain("beta");
  });

  it("says so when nothing is recorded yet, or the log is turned off", async () => {
    const missing = path.join(tempDir(), "none.jsonl");
    expect((await report({ UNANSWERED_LOG: missing })).out).toContain("Nothing is recorded");
    expect((await report({ UNANSWERED_LOG: "off" })).out).toContain("turned off");
  });

  it("reads the rotated files too, oldest first", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(`${file}.1`, log([record("alpha")]));
    writeFileSync(`${file}.2`, log([record("alpha"), record("beta")]));
    writeFileSync(file, log([record("gamma")]));
    const { out } = await report({ UNANSWERED_LOG: file });
    expect(out).toContain(`4 records in ${file}`);
    expect(out).toMatch(/1\. [0-9a-f]{8} declined 2× alpha/);
  });

  it("reads 60 rotated files of 10 MiB each, more than one string can hold, line by line", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const size = 10 * 1024 * 1024;
    for (let n = 1; n <= 60; n++) {
      // A hole of 10 MiB (a line of zero bytes that takes no disk), then a record: as big as a full rotated file.
      const fd = openSync(`${file}.${n}`, "w");
      ftruncateSync(fd, size);
      writeSync(
        fd,
        `\n${JSON.stringify(record(n % 2 === 0 ? "rent in shenzhen" : "visa for a spouse"))}\n`,
        size,
      );
      closeSync(fd);
    }
    const { code, out } = await report({ UNANSWERED_LOG: file });
    expect(code).toBe(0);
    expect(out).toContain(`60 records in ${file}; 2 groups need a look`);
    expect(out).toContain("60 lines are not a record");
  }, 60_000);

  it("prints no terminal escapes or control characters from a hand-edited log", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(
      file,
      log([
        record("\u001b[2J\u001b[31mvisa\u001b[0m for a spouse\u0007", {
          platform: "slack\u001b]0;pwned\u0007" as UnansweredRecord["platform"],
          considered: ["visa\u009b-fact"],
        }),
      ]),
    );
    const { out } = await report({ UNANSWERED_LOG: file });
    expect(out).toMatch(/1\. [0-9a-f]{8} declined 1× visa for a spouse/);
    expect(out).toContain("slack 1 · nearest facts: visa-fact");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters.
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
