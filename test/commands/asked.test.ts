import { describe, expect, it } from "vitest";
import { askedText } from "../../commands/asked.js";

describe("what a line asks", () => {
  it("given /ask with or without its option name, then the question alone", () => {
    expect(askedText("/ask question: How MANY returnees, in Shenzhen?")).toBe(
      "How MANY returnees, in Shenzhen?",
    );
    expect(askedText("/ASK gz green cards")).toBe("gz green cards");
  });

  it("given another command or a plain question, then the line as typed", () => {
    expect(askedText("/city Atlantis")).toBe("/city Atlantis");
    expect(askedText("how many returnees?")).toBe("how many returnees?");
  });
});
