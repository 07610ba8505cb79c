import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { figuresOf } from "../../../src/core/language/figures.js";
import { fixtureWithGrammar, realCore } from "../../helpers.js";

const figures = figuresOf(realCore().kb.grammar);

describe("figures in a Chinese title", () => {
  it.each([
    ["2.85 million", "285万"],
    ["10.8 billion yuan", "108亿元"],
    ["June 2019", "2019年6月"],
    ["21-22 December 2018", "2018年12月21-22日"],
    ["six", "六"],
    ["ten", "十"],
    ["third place", "第三"],
    ["50,000 square meters", "50,000平方米"],
  ])("writes %s the Chinese way, as %s", (figure, chinese) => {
    expect(figures.chinese(figure)).toBe(chinese);
  });

  it("leaves digits and what it does not know as they are", () => {
    expect(figures.chinese("67,000")).toBe("67,000");
    expect(figures.chinese("(8620) 83563549")).toBe("(8620) 83563549");
    expect(figures.chinese("1.2 million people")).toBe("1.2 million people");
    expect(figures.chinese("24.3 percent")).toBe("24.3%");
  });

  it("takes its words from the grammar files: a unit added there is written in Chinese", () => {
    const kb = loadKnowledge(
      fixtureWithGrammar("zh", (zh) => ({ ...zh, measures: { ...zh.measures, hectares: "公顷" } })),
    );
    expect(figuresOf(kb.grammar).chinese("12 hectares")).toBe("12公顷");
  });
});

describe("reading a value as a size", () => {
  it("reads shares, counts with commas and written scales in both languages", () => {
    expect(figures.magnitude("24.3 percent")).toBe(24.3);
    expect(figures.magnitude("more than 67,000")).toBe(67000);
    expect(figures.magnitude("2.85 million")).toBe(2850000);
    expect(figures.magnitude("6.7万")).toBe(67000);
    expect(figures.magnitude("10.3亿元")).toBeCloseTo(1.03e9);
  });

  it("gives no size to a value without a figure", () => {
    expect(figures.magnitude("several")).toBeUndefined();
  });
});
