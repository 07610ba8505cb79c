import { describe, expect, it } from "vitest";
import {
  alternation,
  anyOf,
  chinesePattern,
  phrasePattern,
  wordsPattern,
} from "../../../src/core/language/word-patterns.js";

describe("patterns built from the grammar's word lists", () => {
  it("matches a word only whole, unless a trailing * lets it go on", () => {
    expect(anyOf([wordsPattern(["fund"])]).test("funds for returnees")).toBe(false);
    expect(anyOf([wordsPattern(["fund*"])]).test("funds for returnees")).toBe(true);
  });

  it("lets a space in a word stand for any spacing", () => {
    expect(anyOf([wordsPattern(["how many"])]).test("how   many came")).toBe(true);
  });

  it("takes a word's regular-expression characters literally", () => {
    expect(anyOf([`\\s+${alternation(["v."], "")}\\s+`]).test("a vs b")).toBe(false);
    expect(anyOf([`\\s+${alternation(["v."], "")}\\s+`]).test("a v. b")).toBe(true);
  });

  it("cuts at the longer of two words that begin alike, so 或者 is not cut as 或", () => {
    expect("北京或者上海".split(anyOf([chinesePattern(["或", "或者"])]))).toEqual(["北京", "上海"]);
  });

  it("joins a phrase's slots in a row, and lets anything come between slots parted by …", () => {
    const organisers = anyOf([
      phrasePattern([
        ["which", "what"],
        ["company", "firm"],
      ]),
    ]);
    expect(organisers.test("which firm runs it")).toBe(true);
    expect(organisers.test("which big firm runs it")).toBe(false);
    const spending = anyOf([phrasePattern([["how much"], "…", ["money*"]])]);
    expect(spending.test("how much did they put in as money")).toBe(true);
    expect(spending.test("money: how much")).toBe(false);
  });

  it("matches nothing for an empty list of patterns", () => {
    expect(anyOf([]).test("anything")).toBe(false);
  });
});
