import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { questionText, UnansweredLog } from "../../src/ops/unanswered.js";
import { captureLogs, fixtureCore, TODAY, tempDir } from "../helpers.js";

const core = fixtureCore();

function records(file: string): Record<string, unknown>[] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("the text a curator reads", () => {
  it("drops mentions, channel links, broadcasts and snowflakes, which carry ids", () => {
    const text = questionText(
      "<@123456789012345678> <@U0G9QF9C6> ask <#C123|general> <!channel> 123456789012345678 Shenzhen?",
    );
    expect(text).toBe("ask shenzhen");
  });

  it("drops the /ask command word and its option name, and normalises", () => {
    expect(questionText("/ask question: How MANY returnees, in Shenzhen?")).toBe(
      "how many returnees in shenzhen",
    );
    expect(questionText("/city Atlantis")).toBe("city atlantis");
  });
});

describe("the unanswered log", () => {
  it("appends one JSON line per declined question: normalised text, time, platform, nearest facts, no ids", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger, { now: () => TODAY });
    const line = "<@U0000001> How many returnees live in Shenzhen?";
    log.record("slack", line, runLine(line, core));
    log.record("discord", "/city Atlantis", runLine("/city Atlantis", core));
    log.flush();
    const [first, second] = records(file);
    expect(first).toEqual({
      time: TODAY.toISOString(),
      platform: "slack",
      text: "how many returnees live in shenzhen",
      considered: ["b-shenzhen-startups"],
    });
    expect(second).toMatchObject({ platform: "discord", text: "city atlantis", considered: [] });
    expect(readFileSync(file, "utf8")).not.toContain("U0000001");
  });

  it("records nothing for answers, nor for declines that are not questions", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    const log = new UnansweredLog(file, captureLogs().logger);
    for (const line of ["gz green cards", "", "/frobnicate", "/city", "x".repeat(501), "/help"]) {
      log.record("terminal", line, runLine(line, core));
    }
    log.flush();
    expect(existsSync(file)).toBe(false);
  });

  it("keeps appending to what is there, in order", async () => {
    const file = path.join(tempDir(), "unanswered.jsonl");
    writeFileSync(file, '{"earlier":"record"}\n');
    const log = new UnansweredLog(file, captureLogs().logger);
    for (const city of ["Atlantis", "Lemuria", "Mu"])
      log.record("slack", `/city ${city}`, runLine(`/city ${city}`, core));
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
    expect(() => log.record("slack", "/city Atlantis", runLine("/city Atlantis", core))).not.toThrow();
    log.record("slack", "/city Lemuria", runLine("/city Lemuria", core));
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
    log.record("discord", "/city Atlantis", runLine("/city Atlantis", core));
    log.flush();
    const warning = logs.entries().find((e) => e.level === 40) as { err: { code: string } } | undefined;
    expect(["EEXIST", "ENOTDIR"]).toContain(warning?.err.code);

    rmSync(blocker);
    log.record("discord", "/city Lemuria", runLine("/city Lemuria", core));
    log.flush();
    expect(records(file).map((r) => r.text)).toEqual(["city atlantis", "city lemuria"]);
    expect(logs.entries().some((e) => e.msg === "unanswered log: writing again")).toBe(true);
  });
});
