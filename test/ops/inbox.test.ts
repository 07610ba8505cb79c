import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupRecords } from "../../src/ops/report.js";
import { runCli } from "../helpers.js";
import { answered, declined, inboxJson, inboxSetUp, vote } from "../inbox.js";

describe("the inbox's groups", () => {
  it("keeps follow-ups of one question apart when they ask about different places, each with what it followed", () => {
    const groups = groupRecords([
      declined("and hangzhou", { followed: "how many returnees live in beijing" }),
      declined("and hangzhou", { followed: "returnees living in beijing how many" }),
      declined("and shenzhen", { followed: "how many returnees live in beijing" }),
      declined("and hangzhou", { followed: "visa for a spouse" }),
    ]);
    expect(groups.map((g) => [g.count, g.text, g.followed])).toEqual([
      [2, "and hangzhou", "how many returnees live in beijing"],
      [1, "and hangzhou", "visa for a spouse"],
      [1, "and shenzhen", "how many returnees live in beijing"],
    ]);
    expect(new Set(groups.map((g) => g.id)).size).toBe(3);
  });

  it("keeps a question asked afresh apart from the same words asked as a follow-up", () => {
    const groups = groupRecords([
      declined("returnees in hangzhou"),
      declined("returnees in hangzhou", { followed: "visa for a spouse" }),
    ]);
    expect(groups.map((g) => g.followed).sort()).toEqual(["visa for a spouse", undefined]);
  });

  it("groups 👎 answers apart from declined questions, with the answer's ids and the reasons given after each 👎", () => {
    const groups = groupRecords([
      declined("green cards in guangzhou"),
      vote("down", "green cards in guangzhou", ["a-green-cards", "a-green-cards#0"]),
      vote("down", "green cards in guangzhou", ["a-green-cards", "a-green-cards#0"], { reason: "stale" }),
      vote("down", "guangzhou green cards", ["a-green-cards"]),
      vote("down", "guangzhou green cards", ["a-green-cards"], { reason: "stale" }),
      vote("up", "green cards in guangzhou", ["a-green-cards"]),
    ]);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ["disliked", 2],
      ["declined", 1],
    ]);
    expect(groups[0]).toMatchObject({ facts: ["a-green-cards", "a-green-cards#0"], reasons: { stale: 2 } });
  });

  it("gives a group the same id however often it is asked", () => {
    const once = groupRecords([declined("visa for a spouse")]);
    const often = groupRecords([
      declined("visa for a spouse"),
      declined("visa for spouses"),
      declined("visa for a spouse"),
    ]);
    expect(often[0]?.id).toBe(once[0]?.id);
    expect(once[0]?.id).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("returnee-bot report as an inbox", () => {
  it("shows the answer rate by language, the most asked facts and the votes per fact", async () => {
    const { env } = inboxSetUp([
      answered(["a-green-cards", "a-green-cards#0"]),
      answered(["a-green-cards"]),
      answered(["a-returnees"], { language: "zh" }),
      declined("visa for a spouse", { language: "en" }),
      declined("an old line without a language"),
      vote("up", "green cards", ["a-green-cards", "a-green-cards#0"]),
      vote("down", "green cards", ["a-green-cards"]),
      vote("down", "green cards", ["a-green-cards"], { reason: "wrong" }),
    ]);
    const view = await inboxJson(env);
    expect(view.answerRate).toEqual({
      en: { answered: 2, declined: 1, rate: 0.667 },
      unknown: { answered: 0, declined: 1, rate: 0 },
      zh: { answered: 1, declined: 0, rate: 1 },
    });
    expect(view.mostAsked).toEqual([
      { id: "a-green-cards", count: 2 },
      { id: "a-returnees", count: 1 },
    ]);
    expect(view.votes).toEqual([{ id: "a-green-cards", up: 1, down: 1 }]);
    expect(view.dueForReview).toEqual([]);
    const { out } = await runCli(["report"], env);
    expect(out).toContain("en: 67% (2 answered, 1 declined)");
    expect(out).toContain("a-green-cards 👍1 👎1");
    expect(out).toContain("Due for review:\n  none");
  });

  it("prints JSON with stable keys for tools", async () => {
    const { env } = inboxSetUp([declined("visa for a spouse", { considered: ["a-ada"] })]);
    const view = await inboxJson(env);
    expect(Object.keys(view)).toEqual([
      "source",
      "records",
      "skipped",
      "groups",
      "listed",
      "handled",
      "answerRate",
      "mostAsked",
      "votes",
      "dueForReview",
    ]);
    expect(view.groups[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}$/),
      kind: "declined",
      count: 1,
      text: "visa for a spouse",
      variants: [],
      platforms: { discord: 1 },
      languages: {},
      lastAsked: "2026-03-01T10:00:00.000Z",
      facts: ["a-ada"],
      reasons: {},
      state: "new",
    });
  });

  it("prints an empty inbox as JSON when the log is turned off", async () => {
    const view = await inboxJson({ UNANSWERED_LOG: "off", KNOWLEDGE_DIR: inboxSetUp([]).knowledge });
    expect([view.source, view.records, view.groups]).toEqual(["UNANSWERED_LOG=off", 0, []]);
  });

  it("keeps an ignored group out of the listing, in knowledge/inbox.json, and shows it with --all", async () => {
    const { env, knowledge } = inboxSetUp([declined("visa for a spouse"), declined("city atlantis")]);
    const visa = (await inboxJson(env)).groups.find((g) => g.text === "visa for a spouse");
    const ignored = await runCli(["report", "ignore", visa?.id ?? ""], env);
    expect(ignored).toMatchObject({
      code: 0,
      out: `group ${visa?.id} marked ignored in knowledge/inbox.json\n`,
    });
    const file = JSON.parse(readFileSync(path.join(knowledge, "inbox.json"), "utf8"));
    expect(file).toMatchObject({ version: 1, groups: { [visa?.id ?? ""]: { state: "ignored" } } });
    const after = await inboxJson(env);
    expect(after.groups.map((g) => g.text)).toEqual(["city atlantis"]);
    expect(after.handled).toBe(1);
    const all = await inboxJson(env, "--all");
    expect(all.groups.map((g) => [g.text, g.state])).toEqual([
      ["city atlantis", "new"],
      ["visa for a spouse", "ignored"],
    ]);
  });

  it("keeps a pending group listed, marked pending", async () => {
    const { env } = inboxSetUp([declined("visa for a spouse")]);
    const [visa] = (await inboxJson(env)).groups;
    expect((await runCli(["report", "pending", visa?.id ?? ""], env)).code).toBe(0);
    expect((await inboxJson(env)).groups.map((g) => g.state)).toEqual(["pending"]);
    expect((await runCli(["report"], env)).out).toContain("visa for a spouse [pending]");
  });

  it("keeps a group's state when another phrasing becomes its most asked and its id changes", async () => {
    const { env } = inboxSetUp([declined("visa for a spouse"), declined("visa for spouses")]);
    const [visa] = (await inboxJson(env)).groups;
    await runCli(["report", "ignore", visa?.id ?? ""], env);
    const more = inboxSetUp([
      declined("visa for spouses"),
      declined("visa for spouses"),
      declined("visa for a spouse"),
    ]);
    const env2 = { ...more.env, KNOWLEDGE_DIR: env.KNOWLEDGE_DIR };
    expect((await inboxJson(env2, "--all")).groups.map((g) => g.state)).toEqual(["ignored"]);
  });

  it("refuses bad options, missing arguments and unknown groups with exit code 2, naming them", async () => {
    const { env } = inboxSetUp([declined("visa for a spouse")]);
    const cases: [string[], string][] = [
      [["--top", "abc"], '--top takes a whole number from 1, not "abc"'],
      [["--top", "0"], "--top takes a whole number"],
      [["--colour"], "--colour"],
      [["ignore"], "ignore needs a GROUP id"],
      [["amend", "0123abcd"], "amend needs --to"],
      [["ignore", "0123abcd"], "no group 0123abcd"],
      [["archive", "0123abcd"], 'unknown action "archive"'],
      [["ignore", "0123abcd", "--to", "x"], "--to goes with amend only"],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await runCli(["report", ...args], env);
      expect([code, out], args.join(" ")).toEqual([2, ""]);
      expect(err, args.join(" ")).toContain(message);
    }
  });

  it("stops on a malformed knowledge/inbox.json, naming the file and the path in it, in report and kb-check", async () => {
    const { env, knowledge } = inboxSetUp([declined("visa for a spouse")]);
    writeFileSync(path.join(knowledge, "inbox.json"), '{"version":1,"groups":{"abc":{"state":"later"}}}\n');
    for (const command of [["report"], ["kb-check"]]) {
      const { code, err } = await runCli(command, env);
      expect(code, command[0]).toBe(1);
      expect(err).toContain("knowledge/inbox.json");
      expect(err).toContain(".groups.abc");
    }
  });
});
