import { describe, expect, it } from "vitest";
import { Core } from "../../../src/core/core.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, EN, FIXTURE_KNOWLEDGE, fixtureWithGrammar, TODAY } from "../../helpers.js";

const coreOf = (knowledgeDir: string) => Core.load({ knowledgeDir, now: () => TODAY });
/** What a core answers to `turn` after "How many returnees has Guangzhou attracted?". */
function followingUp(core: Core, turn: string): string {
  const first = answerTo(core, "How many returnees has Guangzhou attracted?");
  return answerTo(core, turn, { ...EN, ...(first.context ? { conversation: first.context } : {}) }).title;
}

describe("reading questions with the words of the grammar files", () => {
  const packaged = coreOf(FIXTURE_KNOWLEDGE);

  it("given an opener added to the follow-up words, then a long turn that names only a new place follows up", () => {
    const turn = "now for the city of Shenzhen please";
    const own = coreOf(
      fixtureWithGrammar("en", (grammar) => {
        grammar.followUp.opens.push("now for");
      }),
    );
    expect(followingUp(packaged, turn)).not.toContain("following up");
    expect(followingUp(own, turn)).toContain("following up");
  });

  it("given a turn opening with a new-topic phrase, then the rest is answered afresh, carrying nothing over", () => {
    const fresh = answerTo(packaged, "How many returnees has Guangzhou attracted?").title;
    const turn = "ok, different question: how many returnees has Guangzhou attracted?";
    expect(followingUp(packaged, turn)).toBe(fresh);
    expect(followingUp(packaged, "换个问题：How many returnees has Guangzhou attracted?")).toBe(fresh);
  });

  it("given a phrase added to the new-topic words, then a turn opening with it is read without it", () => {
    const turn = "switching gears, how many returnees has Guangzhou attracted?";
    const own = coreOf(
      fixtureWithGrammar("en", (grammar) => {
        grammar.followUp.newTopic.push("switching gears");
      }),
    );
    expect(followingUp(own, turn)).toBe(answerTo(own, "How many returnees has Guangzhou attracted?").title);
    expect(followingUp(packaged, turn)).not.toBe(
      answerTo(packaged, "How many returnees has Guangzhou attracted?").title,
    );
  });

  it("given a phrase added to the words for more, then it goes on with the last answer as 'more' does", () => {
    const own = coreOf(
      fixtureWithGrammar("en", (grammar) => {
        grammar.followUp.more.push("keep going");
      }),
    );
    expect(followingUp(own, "keep going")).toBe(followingUp(own, "more"));
    expect(followingUp(packaged, "keep going")).not.toBe(followingUp(packaged, "more"));
  });

  it("given a word added to an answer type, then a question using it asks for that type", () => {
    const own = coreOf(
      fixtureWithGrammar("en", (grammar) => {
        grammar.answerTypes.find((t) => t.type === "count")?.words?.push("haul");
      }),
    );
    const question = "guangzhou returnee haul";
    expect(understand(question, packaged.vocabulary, "en").type).toBe("any");
    expect(understand(question, own.vocabulary, "en").type).toBe("count");
  });

  it("given a Chinese character added to the filler, then a word made of it no longer counts as a term", () => {
    const own = coreOf(
      fixtureWithGrammar("zh", (grammar) => {
        grammar.filler.push("咱", "们");
      }),
    );
    const terms = (core: Core) => understand("咱们广州海归", core.vocabulary, "zh").terms.map((t) => t.term);
    expect(terms(packaged)).toContain("咱们");
    expect(terms(own)).not.toContain("咱们");
  });
});
