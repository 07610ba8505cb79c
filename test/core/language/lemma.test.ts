import { describe, expect, it } from "vitest";
import { readEnglishTable } from "../../../src/core/language/english/table.js";
import { winkLoaded } from "../../../src/core/language/english/wink.js";
import { isEnglishWord, isSubjectWord, lemma } from "../../../src/core/language/lemma.js";

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

  it("reads a word the English table lacks as its own lemma, a noun and no English word, without loading wink", () => {
    expect(readEnglishTable()).toBeDefined();
    expect(
      ["aardvarkeries", "quokkas", "gazillionth"].map((w) => [lemma(w), isEnglishWord(w), isSubjectWord(w)]),
    ).toEqual([
      ["aardvarkeries", false, true],
      ["quokkas", false, true],
      ["gazillionth", false, true],
    ]);
    // wink would make it "zebu", a WordNet word that neither wink-lexicon nor the knowledge base uses.
    expect(lemma("zebus")).toBe("zebus");
    expect(lemma("cities")).toBe("city");
    expect(winkLoaded()).toBe(false);
  });
});
