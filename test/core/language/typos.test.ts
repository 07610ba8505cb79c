import { describe, expect, it } from "vitest";
import { TypoCorrector } from "../../../src/core/language/typos.js";

describe("TypoCorrector", () => {
  it("takes a mistyped word for the known word one edit away", () => {
    const typos = new TypoCorrector(["incubators", "institutions"]);
    expect(typos.correct("incubaters")).toBe("incubators");
  });

  it("between known words as close, takes the one that ends as the typed word does", () => {
    const typos = new TypoCorrector(["found", "founder"]);
    expect(typos.correct("foundr")).toBe("founder");
  });

  it("leaves short words, known words and words far from any known one alone", () => {
    const typos = new TypoCorrector(["founder", "held"]);
    expect(typos.correct("hled")).toBeUndefined();
    expect(typos.correct("founder")).toBeUndefined();
    expect(typos.correct("salary")).toBeUndefined();
  });
});
