import { describe, expect, it } from "vitest";
import { realCore } from "../helpers.js";

const core = realCore();
const explained = (question: string) => core.explain(question, "en").split("\n");

describe("--explain follows every branch the decision takes", () => {
  it("names each side of a comparison with the claim that heads it", () => {
    const lines = explained("which pulled a bigger share of returnee founders, beijing or shanghai");
    const decided = lines.filter((l) => l.startsWith("decision: "));
    expect(decided.find((l) => l.includes("side 1 (Beijing)"))).toMatch(/claim gzh-ccg-comparison#\d/);
    expect(decided.find((l) => l.includes("side 2 (Shanghai)"))).toMatch(/claim gzh-ccg-comparison#\d/);
    // Each side's frame is shown with the claims held against it.
    expect(lines.some((l) => /^side 1 \(Beijing\): frame: subjects beijing/.test(l))).toBe(true);
    expect(lines.some((l) => /^side 2 \(Shanghai\): frame: subjects shanghai/.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /claim \S+ shanghai · share-of-returnee-entrepreneurs = 8\.1 percent.*agrees/.test(l),
      ),
    ).toBe(true);
  });

  it("shows each side's own retrieval in a comparison of two asks", () => {
    const lines = explained("which city has more returnees, guangzhou or hangzhou?");
    expect(lines.some((l) => /^side 1 \(Guangzhou\): answer type/.test(l))).toBe(true);
    expect(lines.some((l) => /^side 2 \(Hangzhou\): answer type/.test(l))).toBe(true);
  });

  it("explains a follow-up in the light of the earlier turns given", () => {
    const lines = core
      .explain("and in 2023?", "en", [{ question: "how many returnees has guangzhou drawn", language: "en" }])
      .split("\n");
    expect(lines).toContain(
      "decision: declined: no claim of returnees-drawn for the time asked; known: gzh-returnee-count#0",
    );
    expect(lines.at(-1)).toMatch(
      /^verdict: declined: .*following up: how many returnees has guangzhou drawn/,
    );
  });

  it("says a figure known only for another place is why it declines", () => {
    const lines = explained("how many talent green cards has Shenzhen issued");
    expect(lines).toContain(
      "decision: declined: no fact covers it for shenzhen; fact gze-green-cards does for guangzhou",
    );
    expect(lines.at(-1)).toMatch(/^verdict: declined/);
  });

  it("says a year the sources lack is why it declines, naming the property and the claims for another year", () => {
    const lines = explained("gz returnee count for 2023");
    expect(lines.find((l) => l.startsWith("decision: "))).toMatch(
      /^decision: declined: no claim of \S+ for the time asked; known: \S+#\d+/,
    );
  });

  it("says no fact covers a question it cannot answer", () => {
    const lines = explained("what is the average rent in Guangzhou");
    expect(lines.find((l) => l.startsWith("decision: "))).toMatch(
      /^decision: declined: no fact covers the question/,
    );
  });

  it("names the claim that answers a plain question", () => {
    const lines = explained("how many talent green cards has gz handed out");
    expect(lines.find((l) => l.startsWith("decision: "))).toMatch(
      /^decision: answered by claim gze-green-cards#\d+$/,
    );
  });
});
