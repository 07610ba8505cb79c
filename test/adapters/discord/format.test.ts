import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import { LIMITS, suggestionOf, truncate } from "../../../src/adapters/discord/format.js";
import { discordMessages } from "../../../src/core/messages.js";
import type { Answer, AnswerFact, CitedSource } from "../../../src/core/types.js";
import { fixtureCore } from "./harness.js";
import { expectWithinLimits } from "./limits.js";

const core = fixtureCore();

function hugeAnswer(factCount: number): Answer {
  const sources: CitedSource[] = Array.from({ length: 40 }, (_, i) => ({
    id: `s${i}`,
    title: `Source ${i} ${"t".repeat(400)}`,
    publisher: `Publisher ${"p".repeat(900)}`,
    author: "Someone",
    date: "2021-12-15",
    age: "published 2021-12-15, 4 years ago",
  }));
  const facts: AnswerFact[] = Array.from({ length: factCount }, (_, i) => ({
    id: `f${i}`,
    text: `Fact ${i}: ${"long words ".repeat(100)}`,
    topic: "returnees",
    sourceId: `s${i % 40}`,
    asOf: "December 2021",
  }));
  return {
    answered: true,
    language: "en",
    title: `A title ${"x".repeat(500)}`,
    body: `A lead ${"y".repeat(300)}`,
    facts,
    sources,
    ageNote: `An age note ${"z".repeat(3000)}`,
    suggestions: Array.from({ length: 12 }, (_, i) => ({
      command: "city",
      args: { name: "Hangzhou ".repeat(i * 2) },
    })),
    score: 1,
  };
}

describe("Discord rendering of an answer", () => {
  it("renders the title, lead, facts with date and source number, sources with date and age, and the age note", () => {
    const { embed, buttons } = expectWithinLimits(runLine("/city Hangzhou", core));
    expect(embed?.title).toBe("Hangzhou: what my sources say for returnees");
    expect(embed?.description).toMatch(/^Fixture city: capital of Zhejiang province\.\n\n• /);
    expect(embed?.description).toContain(
      "10,000 yuan to each returnee graduate in the fixture policy. (as of June 2021) [1]",
    );
    expect(embed?.fields).toEqual([
      {
        name: "[1] Hangzhou: Maintaining momentum as a magnet for global talent",
        value: "China.org.cn, by Wang Yiming; published 2021-12-15, 4 years ago",
      },
    ]);
    expect(embed?.footer?.text).toMatch(/^These figures date from June 2021 to 15 December 2021/);
    expect(buttons.map((b) => [b.label, suggestionOf(b.custom_id)])).toEqual([
      ["/policy Fixture Talent Plan", "/policy Fixture Talent Plan"],
    ]);
  });

  it("does not repeat the lead when it is the first fact", () => {
    const { embed } = expectWithinLimits(runLine("How many returnees are in Guangzhou?", core));
    const description = embed?.description ?? "";
    expect(description.match(/Guangzhou counted 60,000 returnees/g)).toHaveLength(1);
  });

  it("renders a decline plainly, offering what the bot can answer as text and as buttons", () => {
    const { embed, buttons } = expectWithinLimits(runLine("/city Atlantis", core));
    expect(embed?.title).toBe("Not in my sources");
    expect(embed?.description).toContain('I have nothing on a city called "Atlantis".');
    expect(embed?.description).toContain(`${discordMessages.offer} /city Hangzhou · /city Guangzhou`);
    expect(embed?.fields).toBeUndefined();
    expect(embed?.footer).toBeUndefined();
    expect(buttons.map((b) => b.label)).toEqual(["/city Hangzhou", "/city Guangzhou"]);
  });

  it("keeps every Discord limit for a huge answer and says how many facts were left out", () => {
    const { embed, buttons } = expectWithinLimits(hugeAnswer(200));
    const description = embed?.description ?? "";
    const shown = description.split("\n").filter((line) => line.startsWith("• ")).length;
    expect(shown).toBeGreaterThan(0);
    expect(description.endsWith(discordMessages.moreFacts(200 - shown))).toBe(true);
    expect(embed?.title?.endsWith("…")).toBe(true);
    expect(embed?.footer?.text.endsWith("…")).toBe(true);
    expect(embed?.fields?.at(-1)?.name).toMatch(/^…and \d+ more sources$/);
    expect(buttons.length).toBe(LIMITS.buttonsPerRow);
  });

  it("shows at least the start of a first fact too long to fit whole", () => {
    const answer = hugeAnswer(1);
    const first = answer.facts[0] as AnswerFact;
    const { embed } = expectWithinLimits({ ...answer, facts: [{ ...first, text: "w ".repeat(5000) }] });
    expect(embed?.description).toMatch(/\n\n• w w w[^\n]*…$/);
  });

  it("makes no button for a suggestion too long for a custom_id", () => {
    const long = { command: "ask", args: { question: "why ".repeat(30).trim() } };
    const { buttons } = expectWithinLimits({
      ...runLine("/city Atlantis", core),
      suggestions: [long, { command: "help", args: {} }],
    });
    expect(buttons.map((b) => b.label)).toEqual(["/help"]);
  });

  it("keeps every Discord limit, whatever the answer", () => {
    const text = (maxLength: number, minLength = 0) => fc.string({ unit: "grapheme", minLength, maxLength });
    const source = fc
      .record({
        id: fc.constantFrom("a", "b", "c", "d"),
        title: text(600, 1),
        publisher: text(1200, 1),
        author: fc.option(text(300, 1), { nil: undefined }),
        date: fc.option(fc.constant("2021-12-15"), { nil: null }),
        age: text(200, 1),
      })
      .map(({ author, ...s }): CitedSource => (author === undefined ? s : { ...s, author }));
    const fact = fc.record({
      id: fc.string(),
      text: text(3000, 1),
      topic: fc.constant("returnees" as const),
      sourceId: fc.constantFrom("a", "b", "c", "d", "unknown"),
      asOf: text(40),
    });
    const answer = fc.record({
      answered: fc.boolean(),
      language: fc.constantFrom("en" as const, "zh" as const),
      title: text(400),
      body: text(6000),
      facts: fc.array(fact, { maxLength: 60 }),
      sources: fc.array(source, { maxLength: 40 }),
      ageNote: text(3000),
      suggestions: fc.array(
        text(150).map((name) => ({ command: "city", args: { name } })),
        { maxLength: 12 },
      ),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(answer, (a) => {
        expectWithinLimits(a);
      }),
      { numRuns: 150 },
    );
  });
});

describe("Truncation", () => {
  it("ends with an ellipsis within the limit and never splits a character", () => {
    const cut = truncate("😀".repeat(10), 6);
    expect(cut).toBe("😀😀…");
    expect(cut.length).toBeLessThanOrEqual(6);
  });

  it("leaves text that fits alone", () => {
    expect(truncate("Hangzhou", 8)).toBe("Hangzhou");
  });
});
