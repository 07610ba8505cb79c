import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { WriteFn } from "../../src/ops/line-file.js";
import { UnansweredLog } from "../../src/ops/unanswered.js";
import { captureLogs, fixtureCore, recordDeclined, TODAY, tempDir } from "../helpers.js";

const core = fixtureCore();

function records(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the unanswered log", () => {
  it("appends one JSON line per declined question: normalised text, time, platform, nearest facts, no ids", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger);
    const line = "<@U0000001> How many returnees live in Shenzhen?";
    recordDeclined(log, "slack", line, core);
    recordDeclined(log, "discord", "/city Atlantis", core);
    log.flush();
    const [first, second] = records(file);
    expect(first).toEqual({
      time: TODAY.toISOString(),
      platform: "slack",
      language: "en",
      text: "how many returnees live in shenzhen",
      // nearest is the fact holding the property asked (returnees drawn), for another city
      considered: ["a-returnees"],
    });
    expect(second).toMatchObject({ platform: "discord", text: "city atlantis", considered: [] });
    expect(readFileSync(file, "utf8")).not.toContain("U0000001");
  });

  it("records nothing for answers, nor for declines that are not questions", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger);
    for (const line of ["gz green cards", "", "/frobnicate", "/city", "x".repeat(501), "/help"]) {
      recordDeclined(log, "terminal", line, core);
    }
    log.flush();
    expect(existsSync(file)).toBe(false);
  });

  it("keeps appending to what is there, in order", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(file, '{"earlier":"record"}\n');
    const log = new UnansweredLog(file, captureLogs().logger);
    for (const city of ["Atlantis", "Lemuria", "Mu"]) recordDeclined(log, "slack", `/city ${city}`, core);
    log.flush();
    expect(
      readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l).text ?? "earlier"),
    ).toEqual(["earlier", "city atlantis", "city lemuria", "city mu"]);
  });

  it("never throws on a full disk: it logs the failure once, carries on, and says what is lost at the end", () => {
    const logs = captureLogs();
    const log = new UnansweredLog("/dev/full", logs.logger);
    expect(() => recordDeclined(log, "slack", "/city Atlantis", core)).not.toThrow();
    recordDeclined(log, "slack", "/city Lemuria", core);
    const warnings = logs.entries().filter((e) => e.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ file: "/dev/full", err: { code: "ENOSPC" }, waiting: 1 });
    log.flush();
    expect(logs.entries().at(-1)).toMatchObject({ level: 40, lost: 2, dropped: 0 });
  });

  it("keeps records in memory while the directory cannot be written, and writes them once it can", async () => {
    const dir = tempDir();
    const blocker = path.join(dir, "logs");
    writeFileSync(blocker, "a file where the log directory should be");
    const file = path.join(blocker, "unanswered.jsonl");
    const logs = captureLogs();
    const log = new UnansweredLog(file, logs.logger);
    recordDeclined(log, "discord", "/city Atlantis", core);
    log.flush();
    const warning = logs.entries().find((e) => e.level === 40) as { err: { code: string } } | undefined;
    expect(["EEXIST", "ENOTDIR"]).toContain(warning?.err.code);

    rmSync(blocker);
    recordDeclined(log, "discord", "/city Lemuria", core);
    log.flush();
    expect(records(file).map((r) => r.text)).toEqual(["city atlantis", "city lemuria"]);
    expect(logs.entries().some((e) => e.msg === "unanswered log: writing again")).toBe(true);
  });

  it("cuts a write that fails part-way back to the last whole line: no torn line, none written twice", () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    // The second line written fills the disk part-way, as ENOSPC does; then the disk has room again.
    let calls = 0;
    const write: WriteFn = (fd, data, offset, length) => {
      calls += 1;
      if (calls === 2) return writeSync(fd, data, offset, Math.floor(length / 2));
      if (calls === 3) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      return writeSync(fd, data, offset, length);
    };
    const logs = captureLogs();
    const log = new UnansweredLog(file, logs.logger, { write });
    for (const city of ["Atlantis", "Lemuria"]) recordDeclined(log, "slack", `/city ${city}`, core);
    // Only the first is in the file, whole; the half of the second was cut off.
    expect(readFileSync(file, "utf8")).toBe(
      `${JSON.stringify({ time: TODAY.toISOString(), platform: "slack", language: "en", text: "city atlantis", considered: [] })}\n`,
    );
    recordDeclined(log, "slack", "/city Mu", core);
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l).text)).toEqual(["city atlantis", "city lemuria", "city mu"]);
    expect(logs.entries().map((e) => [e.level, e.msg])).toEqual([
      [40, "unanswered log: cannot write; keeping records in memory and retrying with the next one"],
      [30, "unanswered log: writing again"],
    ]);
  });

  it("keeps at most 1,000 records in memory while the disk fails, and logs how many it dropped", () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    let full = true;
    const write: WriteFn = (fd, data, offset, length) => {
      if (full) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      return writeSync(fd, data, offset, length);
    };
    const logs = captureLogs();
    const log = new UnansweredLog(file, logs.logger, { write });
    const asked = Array.from({ length: 1005 }, (_, i) => `/city Atlantis${i}`);
    for (const line of asked.slice(0, -1)) recordDeclined(log, "discord", line, core);
    full = false;
    recordDeclined(log, "discord", asked.at(-1) ?? "", core);
    expect(records(file).map((r) => r.text)).toEqual(
      asked.slice(5).map((line) => line.slice(1).toLowerCase()),
    );
    expect(logs.entries().find((e) => e.msg === "unanswered log: writing again")).toMatchObject({
      dropped: 5,
    });
  });

  it("rotates the file past its size limit, keeping every rotated file", () => {
    const dir = tempDir();
    const file = path.join(dir, "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger, { maxBytes: 300 });
    const asked = Array.from({ length: 12 }, (_, i) => `/city Atlantis${i}`);
    for (const line of asked) recordDeclined(log, "terminal", line, core);
    const files = readdirSync(dir).sort();
    expect(files.length).toBeGreaterThan(2);
    expect(files[0]).toBe("unanswered.jsonl");
    const all = [
      ...files.slice(1).sort((a, b) => Number(a.split(".").pop()) - Number(b.split(".").pop())),
      files[0],
    ];
    const texts = all.flatMap((name) => records(path.join(dir, name ?? "")).map((r) => r.text));
    expect(texts).toEqual(asked.map((line) => line.slice(1).toLowerCase()));
    for (const name of files)
      expect(readFileSync(path.join(dir, name), "utf8").length).toBeLessThanOrEqual(300);
  });

  it("starts a new file when the log is moved away", () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger);
    recordDeclined(log, "slack", "/city Atlantis", core);
    rmSync(file);
    recordDeclined(log, "slack", "/city Lemuria", core);
    expect(records(file).map((r) => r.text)).toEqual(["city lemuria"]);
  });
});
