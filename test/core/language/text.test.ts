import { describe, expect, it } from "vitest";
import { compact, editDistance, inflection, normalise } from "../../../src/core/language/text.js";

describe("normalise", () => {
  it("lower-cases, drops possessives and punctuation, and joins thousands", () => {
    expect(normalise("Guangzhou's 67,000 returnees!")).toBe("guangzhou 67000 returnees");
  });

  it("leaves words and figures without signs or punctuation as they are, lower-cased", () => {
    expect(normalise("Hangzhou drew 2020 talents in 2023")).toBe("hangzhou drew 2020 talents in 2023");
    expect(normalise("Growth of 5.9 over 1,200: 40%")).toBe("growth of 5.9 over 1200 40 percent");
  });

  it("spells '#' before a figure as 'number', and drops it elsewhere", () => {
    expect(normalise("the #1 reason")).toBe("the number 1 reason");
    expect(normalise("#gz talent")).toBe("gz talent");
  });

  it("keeps decimals and folds full-width forms and accents", () => {
    expect(normalise("５.９ percent at Café")).toBe("5.9 percent at cafe");
  });

  it("removes zero-width characters instead of splitting words on them", () => {
    expect(normalise("Guang\u200bzhou")).toBe("guangzhou");
  });

  it("sets Chinese characters apart from Latin words", () => {
    expect(normalise("GZ广州talent")).toBe("gz 广州 talent");
  });

  it("keeps abbreviations such as R&D and U.S. whole", () => {
    expect(normalise("R&D in the U.S.")).toBe("rd in the us");
  });

  it("reads plain ASCII as the Unicode path reads it", () => {
    const ascii = "R&D: 5.9% of 1,200\tfirms in the U.S. (Guangzhou's)";
    expect(normalise(ascii)).toBe("rd 5.9 percent of 1200 firms in the us guangzhou");
    // A zero-width space, dropped, sends the same text down the Unicode path.
    expect(normalise(`${ascii}\u200b`)).toBe(normalise(ascii));
  });
});

describe("compact", () => {
  it("ignores spaces so that spellings with and without them compare equal", () => {
    expect(compact("Guang Zhou")).toBe(compact("guangzhou"));
    expect(compact("all-in-one card")).toBe(compact("all in one card"));
  });
});

describe("editDistance", () => {
  it("counts a swap of neighbouring letters as one edit", () => {
    expect(editDistance("guangzhuo", "guangzhou")).toBe(1);
    expect(editDistance("conventon", "convention")).toBe(1);
    expect(editDistance("france", "finance")).toBe(2);
  });
});

describe("inflection", () => {
  it("drops plural, past and -ing endings but keeps derivations apart", () => {
    expect(inflection("issued")).toBe(inflection("issue"));
    expect(inflection("companies")).toBe(inflection("company"));
    expect(inflection("recruiting")).toBe(inflection("recruit"));
    expect(inflection("population")).not.toBe(inflection("populous"));
  });
});
