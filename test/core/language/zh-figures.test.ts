import { describe, expect, it } from "vitest";
import { zhFigure } from "../../../src/core/language/zh-figures.js";

describe("figures in a Chinese title", () => {
  it.each([
    ["2.85 million", "285万"],
    ["10.8 billion yuan", "108亿元"],
    ["June 2019", "2019年6月"],
    ["21-22 December 2018", "2018年12月21-22日"],
    ["six", "六"],
    ["third place", "第三"],
    ["50,000 square meters", "50,000平方米"],
  ])("writes %s the Chinese way, as %s", (figure, chinese) => {
    expect(zhFigure(figure)).toBe(chinese);
  });

  it("leaves digits and what it does not know as they are", () => {
    expect(zhFigure("67,000")).toBe("67,000");
    expect(zhFigure("(8620) 83563549")).toBe("(8620) 83563549");
    expect(zhFigure("24.3 percent")).toBe("24.3%");
  });
});
