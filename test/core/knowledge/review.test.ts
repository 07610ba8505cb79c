import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import { Core } from "../../../src/core/core.js";
import { KnowledgeError, loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { dueForReview } from "../../../src/core/knowledge/review.js";
import type { Entity } from "../../../src/core/knowledge/schema.js";
import { answerTo, EN, editedFixture, runCli, TODAY } from "../../helpers.js";

type Fact = Record<string, unknown> & { id: string; claims: Record<string, unknown>[] };

function fact(facts: Fact[], id: string): Fact {
  const found = facts.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no fact ${id}`);
  return found;
}

/** The fixture's facts (facts/alpha.json) changed by `edit`. */
const withFacts = (edit: (facts: Fact[]) => void) => editedFixture<Fact>("facts/alpha.json", edit);

/** The message a changed fixture stops loading with. */
function refusal(edit: (facts: Fact[]) => void): string {
  const dir = withFacts(edit);
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error.message;
    throw error;
  }
  throw new Error("the knowledge base loaded");
}

/** A newer count of Guangzhou's returnees, which supersedes the fixture's July 2017 one. */
const NEWER_RETURNEES: Fact = {
  id: "a-returnees-2019",
  text: "Guangzhou had drawn more than 80,000 overseas returnees by 2019.",
  source: "alpha",
  entities: ["guangzhou"],
  topic: "returnees",
  asOf: "2019",
  figures: [{ text: "80,000", type: "count" }],
  claims: [{ subject: "guangzhou", property: "returnees-drawn", value: "more than 80,000" }],
};

/**
 * The fixture with a 2019 count of Guangzhou's returnees beside its July 2017 one, and with one of
 * them superseded by what `by` names; both current without it.
 */
function withReturnees(superseded?: { fact: string; by: string }): Core {
  const dir = withFacts((facts) => {
    facts.push(structuredClone(NEWER_RETURNEES));
    if (superseded !== undefined)
      Object.assign(fact(facts, superseded.fact), { status: "superseded", supersededBy: superseded.by });
  });
  return Core.load({ knowledgeDir: dir, now: () => TODAY });
}
const OLD_BY_NEW = { fact: "a-returnees", by: "a-returnees-2019" };

describe("the loader refuses review fields that do not hold together", () => {
  it("refuses a superseded fact that names nothing newer, naming the file and path", () => {
    const message = refusal((facts) => Object.assign(fact(facts, "a-returnees"), { status: "superseded" }));
    expect(message).toMatch(/facts\/alpha\.json:\n.*\[0\]\.supersededBy: a superseded figure must name/);
  });

  it("refuses a superseded claim that names nothing newer", () => {
    const message = refusal((facts) => {
      Object.assign(fact(facts, "a-ada").claims[0] as object, { status: "superseded" });
    });
    expect(message).toMatch(/\[3\]\.claims\[0\]\.supersededBy: a superseded figure must name/);
  });

  it("refuses a supersededBy naming an unknown fact, or a claim its fact does not have", () => {
    const unknown = refusal((facts) =>
      Object.assign(fact(facts, "a-returnees"), { status: "superseded", supersededBy: "no-such-fact" }),
    );
    expect(unknown).toMatch(/\[0\]\.supersededBy: unknown fact or claim "no-such-fact"/);
    const noClaim = refusal((facts) =>
      Object.assign(fact(facts, "a-returnees"), { status: "superseded", supersededBy: "a-green-cards#5" }),
    );
    expect(noClaim).toMatch(/unknown fact or claim "a-green-cards#5"/);
  });

  it("refuses a supersededBy on a figure that is not superseded, and one naming itself", () => {
    const current = refusal((facts) => Object.assign(fact(facts, "a-returnees"), { supersededBy: "a-ada" }));
    expect(current).toMatch(/\[0\]\.supersededBy: given, but its status is not "superseded"/);
    const itself = refusal((facts) =>
      Object.assign(fact(facts, "a-returnees"), { status: "superseded", supersededBy: "a-returnees#0" }),
    );
    expect(itself).toMatch(/\[0\]\.supersededBy: "a-returnees#0" is itself/);
  });

  it("refuses review dates that are not YYYY-MM or YYYY-MM-DD, and an unknown status", () => {
    expect(refusal((facts) => Object.assign(fact(facts, "a-returnees"), { reviewAfter: "2019" }))).toMatch(
      /\[0\]\.reviewAfter: expected YYYY-MM or YYYY-MM-DD/,
    );
    expect(
      refusal((facts) => Object.assign(fact(facts, "a-ada").claims[0] as object, { reviewAfter: "2019-13" })),
    ).toMatch(/\[3\]\.claims\[0\]\.reviewAfter: expected YYYY-MM/);
    expect(
      refusal((facts) =>
        Object.assign(fact(facts, "a-returnees"), { reviewed: { on: "last spring", by: "curator" } }),
      ),
    ).toMatch(/\[0\]\.reviewed\.on/);
    expect(refusal((facts) => Object.assign(fact(facts, "a-returnees"), { status: "stale" }))).toMatch(
      /\[0\]\.status/,
    );
  });
});

describe("an answer never leads with a superseded figure", () => {
  const question = "How many returnees has Guangzhou attracted?";

  it("leads with the figure that supersedes it, and mentions the old one only as history", () => {
    // Both current, the July 2017 count answers: the test can tell the two apart.
    expect(answerTo(withReturnees(), question).title).toContain("67,000");
    const answer = answerTo(withReturnees(OLD_BY_NEW), question);
    expect(answer.title).toContain("80,000");
    expect(answer.title).not.toContain("67,000");
    expect(answer.facts.map((f) => f.text)).toContainEqual(expect.stringMatching(/^Earlier: .*67,000/));
  });

  it("says in --explain which claim considered is superseded, and by what", () => {
    expect(withReturnees(OLD_BY_NEW).explain(question, "en")).toMatch(
      /claim a-returnees#0 .*; superseded by a-returnees-2019/,
    );
  });

  it("follows a supersededBy that names one claim of a fact", () => {
    const answer = answerTo(withReturnees({ ...OLD_BY_NEW, by: "a-returnees-2019#0" }), question);
    expect(answer.title).toContain("80,000");
  });

  it("heads an entity's card with the figure that supersedes it, in English and in Chinese", () => {
    expect(runLine("/city Guangzhou", withReturnees()).title).toContain("67,000");
    const core = withReturnees(OLD_BY_NEW);
    const card = runLine("/city Guangzhou", core);
    expect(card.title).toMatch(/returnees drawn: more than 80,000/);
    expect(card.facts.map((f) => f.text)).toContainEqual(expect.stringMatching(/^Earlier: .*67,000/));
    const zh = core.card(core.kb.entities.get("guangzhou") as Entity, { language: "zh" });
    expect(zh.title).toContain("80,000");
    expect(zh.facts.map((f) => f.text)).toContainEqual(expect.stringMatching(/^此前：.*67,000/));
  });

  it("puts the current figure in a comparison's title, whichever of two is newer", () => {
    const compare = "returnees in Guangzhou or Shenzhen?";
    expect(answerTo(withReturnees(), compare).title).toContain("80,000");
    const title = answerTo(withReturnees({ fact: "a-returnees-2019", by: "a-returnees" }), compare).title;
    expect(title).toContain("67,000");
    expect(title).not.toContain("80,000");
  });
});

describe("the age line of a volatile figure past its review date", () => {
  /** The fixture with the July 2017 returnee count due for review from July 2019, on a given day. */
  function coreOn(day: string, change: Record<string, unknown> = {}): Core {
    const dir = withFacts((facts) =>
      Object.assign(fact(facts, "a-returnees"), { reviewAfter: "2019-07", ...change }),
    );
    return Core.load({ knowledgeDir: dir, now: () => new Date(day) });
  }
  const question = "How many returnees has Guangzhou attracted?";

  it("says since when it has been due for review, in English and in Chinese", () => {
    const core = coreOn("2026-11-21T12:00:00Z");
    expect(answerTo(core, question, EN).ageNote).toMatch(/9 years ago; due for review since July 2019\)/);
    expect(answerTo(core, question, { language: "zh" }).ageNote).toContain("自2019年7月起待复核");
  });

  it("says nothing of review before the date, after a check, or for a figure that does not date", () => {
    expect(answerTo(coreOn("2019-06-30T12:00:00Z"), question).ageNote).not.toContain("review");
    const checked = coreOn("2026-11-21T12:00:00Z", { reviewed: { on: "2019-08-01", by: "curator" } });
    expect(answerTo(checked, question).ageNote).not.toContain("review");
    expect(answerTo(coreOn("2026-11-21T12:00:00Z", { volatile: false }), question).ageNote).not.toContain(
      "review",
    );
  });
});

describe("dueForReview", () => {
  it("lists current facts whose review date has come, longest overdue first, with their claims", () => {
    const dir = withFacts((facts) => {
      Object.assign(fact(facts, "a-returnees"), { reviewAfter: "2020-01" });
      Object.assign(fact(facts, "a-ada").claims[0] as object, { reviewAfter: "2019-03-15" });
      Object.assign(fact(facts, "a-green-cards"), { reviewAfter: "2099-01" });
      Object.assign(fact(facts, "a-fair-projects"), { reviewAfter: "2018-01", status: "historical" });
    });
    expect(dueForReview(loadKnowledge(dir), TODAY)).toEqual([
      { fact: "a-ada", since: "2019-03-15", claims: ["a-ada#0"] },
      { fact: "a-returnees", since: "2020-01", claims: ["a-returnees#0"] },
    ]);
  });
});

describe("returnee-bot kb-check --stale", () => {
  const dir = () =>
    withFacts((facts) =>
      Object.assign(fact(facts, "a-returnees"), {
        reviewAfter: "2019-07",
        reviewed: { on: "2018-01-02", by: "curator" },
      }),
    );
  const env = (knowledge: string) => ({ KNOWLEDGE_DIR: knowledge, UNANSWERED_LOG: "off" });

  it("warns of each fact due for review and still exits 0", async () => {
    const { code, out } = await runCli(["kb-check", "--stale"], env(dir()));
    expect(code).toBe(0);
    expect(out).toContain(
      "warning: fact a-returnees: due for review since 2019-07 (a-returnees#0); last reviewed 2018-01-02 by curator\n",
    );
  });

  it("leaves plain kb-check as it was: no review warnings", async () => {
    const { code, out } = await runCli(["kb-check"], env(dir()));
    expect(code).toBe(0);
    expect(out).not.toContain("due for review");
  });
});
