import { describe, expect, it } from "vitest";
import { byAgreement, partsOf } from "../../../src/core/answering/compare.js";
import { frameOf, namedOutright } from "../../../src/core/answering/match.js";
import { retrieve } from "../../../src/core/answering/retrieve.js";
import type { Query } from "../../../src/core/language/query.js";
import { splitQuestion, understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();

describe("byAgreement", () => {
  it("given a side whose best-ranked fact only mentions the thing, then puts first the fact whose claim answers it", () => {
    const side = understand("Guangzhou incubators of every kind", core.vocabulary, "en");
    const found = retrieve(side, core.index, core.claims);
    if (!found.found) throw new Error("no facts for the side");
    const frame = frameOf(side, core.claims, (t) => core.index.weight(t));
    const ordered = byAgreement(frame, found, core.claims);
    expect(ordered.ranked[0]?.indexed.fact.id).toBe("gze-incubators");
    expect(ordered.named).toBe(true);
    expect(found.best[0]?.indexed.fact.id).not.toBe("gze-incubators");
  });

  it("given a side that names no property, then keeps the best-ranked facts in their order", () => {
    const side = understand("Hangzhou in 2020", core.vocabulary, "en");
    const found = retrieve(side, core.index, core.claims);
    if (!found.found) throw new Error("no facts for the side");
    const frame = frameOf(side, core.claims, (t) => core.index.weight(t));
    expect(byAgreement(frame, found, core.claims).ranked.slice(0, found.best.length)).toEqual(found.best);
  });
});

describe("a comparison of two asks", () => {
  it("answers two asks of one thing with the one fact that holds both, not a fact of a half-named property", () => {
    const answer = answerTo(core, "what was CEOT called originally, and when did it start?");
    expect(answer.facts.map((f) => f.id)).toContain("ceot-founded-1998");
    expect(answer.title).not.toMatch(/phone/);
  });

  it("heads each side with the claim that answers it, not the best-ranked fact's", () => {
    const answer = answerTo(core, "Guangzhou: incubators of every kind vs makerspaces");
    expect(answer.title).toMatch(/^Guangzhou · incubators: 280 .* vs Guangzhou · makerspaces: 138/);
  });

  it("answers 'how many of them came from overseas' with the talents from overseas, not those who studied abroad", () => {
    const answer = answerTo(
      core,
      "In 2020, how many talents did Hangzhou have in total, and how many of them came from overseas?",
    );
    expect(answer.title).toMatch(/2\.85 million .* vs Hangzhou · talents from overseas: About 30,000/);
  });
});

describe("partsOf", () => {
  const sidesOf = (question: string) => {
    const split = splitQuestion(question, core.vocabulary.grammar.split);
    if (split === undefined) throw new Error(`"${question}" is not split`);
    const named = (side: Query) =>
      namedOutright(
        frameOf(side, core.claims, (t) => core.index.weight(t)),
        side,
      );
    return partsOf(split, understand(question, core.vocabulary, "en"), core.vocabulary, named)?.sides;
  };

  it("given a side that names only a year, then asks the other side's question of that year", () => {
    const sides = sidesOf("talents from overseas at the 2017 CEOT vs the 2018 one");
    expect(sides?.map((s) => s.entities.map((e) => e.id))).toEqual([["ceot-2017"], ["ceot-2018"]]);
    expect(sides?.map((s) => s.years)).toEqual([[], []]);
  });

  it("given places of one kind whose sides each ask something of their own, then each side keeps its own words and year", () => {
    const sides = sidesOf("Guangzhou's incubators in 2017 or Hangzhou's talent clubs in 2021");
    expect(sides?.map((s) => s.entities.map((e) => e.id))).toEqual([["guangzhou"], ["hangzhou"]]);
    expect(sides?.map((s) => s.years)).toEqual([["2017"], ["2021"]]);
    expect(sides?.[0]?.terms.map((t) => t.term)).not.toContain("club");
  });

  it("given places of one kind with one question between them, then asks it of each", () => {
    const sides = sidesOf("how many returnees in guangzhou or hangzhou");
    expect(sides?.every((s) => s.terms.some((t) => t.term === "returnee"))).toBe(true);
  });

  it("given a side of light words naming no property beside a year, then asks the other side's question of that year", () => {
    const sides = sidesOf("overseas talents at the 2017 CEOT compared with those expected in 2018");
    expect(sides?.map((s) => s.entities.map((e) => e.id))).toEqual([["ceot-2017"], ["ceot-2018"]]);
  });

  it("given a side with words of its own beside a year, then keeps what it asks", () => {
    const sides = sidesOf("hz overseas talent vs studied abroad 2020, how many of each");
    expect(sides?.[1]?.terms.map((t) => t.term)).toContain("study");
  });
});

describe("a comparison across years", () => {
  it("gives each year's figure of the one property", () => {
    const answer = answerTo(core, "how many talents from overseas did the 2017 CEOT draw, or the 2018 one");
    expect(answer.title).toMatch(
      /^2017 CEOT · talents from overseas: more than 3,500 .* vs 2018 CEOT · talents from overseas: Some 3,500/,
    );
  });
});

describe("two questions joined by 'and'", () => {
  it("given who someone is and what he said, both held by one fact, then each is answered by its own claim", () => {
    const answer = answerTo(core, "Who is Jonathan Woetzel and what did he say about China's innovation?");
    expect(answer.title).toMatch(
      /^Jonathan Woetzel · works at: McKinsey Global Institute.*; Jonathan Woetzel · view: /,
    );
  });

  it("given two Chinese questions, the second asking by 多少 at its end, then each is answered by the kind of figure it names", () => {
    const answer = answerTo(core, "广州2017年上半年高新技术产业产值是多少？同比增长了多少？", {
      language: "zh",
    });
    expect(answer.title).toMatch(
      /^广州 · 高新技术产业产值：4361亿元.*；广州 · 高新技术产业产值增长率：11\.6%/,
    );
  });

  it("given two things of one kind, each asked in a question of its own, then each side keeps its own words", () => {
    const answer = answerTo(
      core,
      "how many green cards did guangzhou hand out, and how many thousand talents experts does it have?",
    );
    expect(answer.title).toMatch(/green cards issued: 2,515.*; .*Thousand Talents Program: 267/);
  });

  it("given a year only the second question names, then the first is not asked of it", () => {
    const answer = answerTo(
      core,
      "when did the ceot start, and how many sessions were there by the 2018 one?",
    );
    expect(answer.title).toMatch(/1998; .*19 sessions/);
  });
});

describe("a side of a comparison without names", () => {
  it("given no fact for it, then names it by its words, not by nothing", () => {
    const answer = answerTo(
      core,
      "which cities does gac plan research or design sites in, besides silicon valley",
    );
    expect(answer.title).toMatch(/ vs design site$/);
    expect(answer.body).toContain("design site: my sources give nothing on this.");
  });
});
