import { describe, expect, it } from "vitest";
import { lemma } from "../../src/core/lemma.js";

describe("lemma", () => {
  it("gives a past participle its verb: issued is issue, handed is hand", () => {
    expect(lemma("issued")).toBe("issue");
    expect(lemma("handed")).toBe("hand");
  });

  it("gives a plural its singular: cities is city", () => {
    expect(lemma("cities")).toBe("city");
  });

  it("leaves a word already in its dictionary form alone, a singular in -ss included", () => {
    expect(lemma("talent")).toBe("talent");
    expect(lemma("boss")).toBe("boss");
    expect(lemma("business")).toBe("business");
  });

  it("leaves numbers and Chinese words unchanged", () => {
    expect(lemma("2018")).toBe("2018");
    expect(lemma("67000")).toBe("67000");
    expect(lemma("广州")).toBe("广州");
  });

  it("answers the same word the same way the second time", () => {
    expect(lemma("returned")).toBe(lemma("returned"));
  });
});
