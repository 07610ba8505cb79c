import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/types.js";
import { answerTo, EN, realCore } from "../../helpers.js";

const core = realCore();

/** The answers to a conversation's turns, each read in the light of the one before. */
function conversation(...turns: string[]): Answer[] {
  const answers: Answer[] = [];
  for (const turn of turns) {
    const last = answers.at(-1)?.context;
    answers.push(answerTo(core, turn, { ...EN, ...(last === undefined ? {} : { conversation: last }) }));
  }
  return answers;
}

describe("follow-ups that name only a property", () => {
  it("given a count about Guangzhou's Thousand Talents experts, then 'academicians?' asks the count of academicians in Guangzhou", () => {
    const [, academicians] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "academicians?",
    );
    expect(academicians?.answered).toBe(true);
    expect(academicians?.title).toContain("79");
    expect(academicians?.title).toContain("Guangzhou");
  });

  it("given a second elliptical turn, then it keeps the same subject", () => {
    const [, , laureates] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "academicians?",
      "and nobel laureates?",
    );
    expect(laureates?.answered).toBe(true);
    expect(laureates?.title).toMatch(/six|6/);
  });

  it("given a count about Guangzhou's Thousand Talents experts, then 'nobel laureates?' naming a prize asks it of Guangzhou", () => {
    const [, laureates] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "nobel laureates?",
    );
    expect(laureates?.answered).toBe(true);
    expect(laureates?.title).toMatch(/Guangzhou.*(six|6)/);
  });

  it("given a sum in yuan, then 'in dollars?' still gives the same sum in dollars", () => {
    const [, dollars] = conversation("how much did gz put into innovation in 2017", "in dollars?");
    expect(dollars?.title).toContain("1.64");
  });

  it("remembers the subject of the claim the answer led with", () => {
    const [first] = conversation("how many thousand talents plan experts work in guangzhou");
    expect(first?.context?.subject).toBe("guangzhou");
  });
});

describe("a turn that starts a new topic", () => {
  it("given 'ok different question:' before a full question, then it is answered as asked afresh", () => {
    const [, turn] = conversation(
      "when is ceot 2018",
      "ok different question: how many returnees has guangzhou attracted",
    );
    expect(turn?.answered).toBe(true);
    expect(turn?.title).toContain("67,000");
    expect(turn?.followed).toBeUndefined();
  });
});
