import { describe, expect, it } from "vitest";
import { classify, kindWord } from "../../../src/core/language/answer-type.js";
import { realCore } from "../../helpers.js";

const { answers } = realCore().vocabulary.grammar;

describe("the word of the kind of answer a question asks for", () => {
  it("given a question with no such word, then finds none", () => {
    expect(kindWord(answers, "how many returnees has guangzhou attracted")).toBeUndefined();
  });

  it("given a kind word after other words, then finds it and the type it asks", () => {
    expect(kindWord(answers, "in 2020 which city ranked first")).toMatchObject({
      word: "city",
      type: "place",
    });
  });
});

describe("the kind of answer a question's wording wants", () => {
  it("given wording that asks no type, then wants any answer", () => {
    expect(classify(answers, "guangzhou returnee founders", [])).toBe("any");
  });

  it("given wording that asks a type, then wants that type", () => {
    expect(classify(answers, "how many returnees has guangzhou attracted", [])).toBe("count");
    expect(classify(answers, "when was summba founded", [])).toBe("date");
  });
});
