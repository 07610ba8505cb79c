import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../src/core/core.js";
import type { Language } from "../../src/core/types.js";
import { answerTo, runCli, TODAY } from "../helpers.js";
import { declined, inboxJson, inboxSetUp } from "../inbox.js";

const read = (knowledge: string, file: string) => readFileSync(path.join(knowledge, file), "utf8");

/** The core over the amended folder, as the bot would load it. */
const ask = (knowledge: string, question: string, language: Language = "en") =>
  answerTo(Core.load({ knowledgeDir: knowledge, now: () => TODAY }), question, { language });

async function onlyGroup(env: NodeJS.ProcessEnv): Promise<string> {
  const groups = (await inboxJson(env)).groups;
  expect(groups).toHaveLength(1);
  return groups[0]?.id ?? "";
}

describe("report amend", () => {
  it("adds a group's phrasings to the FAQ of a fact, so the next identical question is answered", async () => {
    const { env, knowledge } = inboxSetUp([
      declined("why did the chemist come home", { considered: ["a-ada"] }),
      declined("why did the chemist come back home", { considered: ["a-ada"] }),
    ]);
    expect(ask(knowledge, "why did the chemist come home").answered).toBe(false);
    const id = await onlyGroup(env);
    const { code, out } = await runCli(["report", "amend", id, "--to", "a-ada"], env);
    expect(code).toBe(0);
    expect(out).toContain(`group ${id}: 2 phrasings added to FAQ faq-a-ada`);
    const answer = ask(knowledge, "why did the chemist come home");
    expect([answer.answered, answer.facts[0]?.id]).toEqual([true, "a-ada"]);
    expect(JSON.parse(read(knowledge, "inbox.json")).groups[id]).toMatchObject({
      state: "done",
      to: "faq-a-ada",
    });
    expect((await inboxJson(env)).groups).toEqual([]);
  });

  it("adds phrasings to a named FAQ in place: only the new lines differ, and the file ends with a newline", async () => {
    const { env, knowledge } = inboxSetUp([declined("green cards guangzhou total")]);
    const before = read(knowledge, "faq/alpha.json");
    const id = await onlyGroup(env);
    expect((await runCli(["report", "amend", id, "--to", "q-green-cards"], env)).code).toBe(0);
    const after = read(knowledge, "faq/alpha.json");
    // The line would pass 110 columns: the list opens, a phrasing a line; the rest stays as it was.
    expect(after).toBe(
      before.replace(
        '["How many talent green cards has Guangzhou handed out?", "guangzhou green card count"]',
        '[\n      "How many talent green cards has Guangzhou handed out?",\n      "guangzhou green card count",\n      "green cards guangzhou total"\n    ]',
      ),
    );
    expect(after.endsWith("]\n")).toBe(true);
  });

  it("puts Chinese phrasings where the Chinese FAQ phrasings go, and the Chinese question is answered", async () => {
    const { env, knowledge } = inboxSetUp([declined("艾达的实验室在哪", { language: "zh" })]);
    expect(ask(knowledge, "艾达的实验室在哪", "zh").answered).toBe(false);
    const id = await onlyGroup(env);
    const { code, err } = await runCli(["report", "amend", id, "--to", "q-green-cards"], env);
    expect([code, err]).toEqual([0, ""]);
    expect(JSON.parse(read(knowledge, "zh/faq/alpha.json"))).toEqual({
      "q-green-cards": ["艾达的实验室在哪"],
    });
    expect(ask(knowledge, "艾达的实验室在哪", "zh").answered).toBe(true);
  });

  it("refuses an edit that would break the knowledge base, naming file and path, and writes nothing", async () => {
    // A new FAQ needs two phrasings; the group has one.
    const { env, knowledge } = inboxSetUp([declined("why did the chemist come home")]);
    const before = read(knowledge, "faq/alpha.json");
    const id = await onlyGroup(env);
    const { code, err } = await runCli(["report", "amend", id, "--to", "a-ada"], env);
    expect(code).toBe(1);
    expect(err).toContain("nothing was written");
    expect(err).toContain("knowledge/faq/alpha.json");
    expect(err).toContain("[1].questions");
    expect(read(knowledge, "faq/alpha.json")).toBe(before);
    expect((await inboxJson(env)).groups.map((g) => g.state)).toEqual(["new"]);
  });

  it("refuses an unknown FAQ or fact id, and a group of follow-ups, with exit code 2", async () => {
    const question = inboxSetUp([declined("why did the chemist come home")]);
    const unknown = await runCli(
      ["report", "amend", await onlyGroup(question.env), "--to", "no-such-fact"],
      question.env,
    );
    expect([unknown.code, unknown.err]).toEqual([
      2,
      "report: no FAQ or fact with the id no-such-fact in the knowledge folder\n",
    ]);
    const { env } = inboxSetUp([declined("and ada", { followed: "who moved to guangzhou" })]);
    const id = await onlyGroup(env);
    const followUp = await runCli(["report", "amend", id, "--to", "q-green-cards"], env);
    expect(followUp.code).toBe(2);
    expect(followUp.err).toContain(`group ${id} holds follow-ups`);
  });
});
