import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../commands/index.js";
import { runLine } from "../../../commands/index.js";
import { LIMITS, renderAnswer } from "../../../src/adapters/discord/format.js";
import { discordMessages } from "../../../src/adapters/discord/messages.js";
import { decodeSuggestion } from "../../../src/adapters/follow-ups.js";
import { truncate } from "../../../src/adapters/text.js";
import type { AnswerFact } from "../../../src/core/types.js";
import { fixtureCoreWithLinks } from "../../helpers.js";
import { answerOf, arbitraryAnswer, arbitraryCard, card, HEADLINE, SOURCE } from "../answers.js";
import { fixtureCore } from "./harness.js";
import { expectWithinLimits, visibleLength } from "./limits.js";

/** A ballot's token as the desk makes one. */
const BALLOT = "AbCdEfGhIj-_";

const core = fixtureCore();
const en = discordMessages.en;

function hugeAnswer(factCount: number): Reply {
  return answerOf({
    title: `A title ${"x".repeat(500)}`,
    body: `A lead ${"y".repeat(300)}`,
    facts: Array.from({ length: factCount }, (_, i) => ({
      id: `f${i}`,
      text: `Fact ${i}: ${"long words ".repeat(100)}`,
      topic: "returnees",
      sourceId: `s${i % 40}`,
      asOf: "December 2021",
    })),
    sources: Array.from({ length: 40 }, (_, i) => ({
      ...SOURCE,
      id: `s${i}`,
      title: `Source ${i} ${"t".repeat(400)}`,
      publisher: `Publisher ${"p".repeat(900)}`,
    })),
    ageNote: `An age note ${"z".repeat(3000)}`,
    suggestions: Array.from({ length: 12 }, (_, i) => ({
      command: "city",
      args: { name: "Hangzhou ".repeat(i * 2) },
    })),
  });
}

describe("Discord rendering of an answer", () => {
  it("renders the title, the lead, each fact alone on a line, the source with date and age, and the age note", () => {
    const answer = runLine("/city Hangzhou", core);
    const { embed, buttons } = expectWithinLimits(answer);
    // The title is the first claim about the city; its fact's line is the lead.
    expect(embed?.title).toBe(
      "Hangzhou · net talent inflow rank: the highest (in the fixture ranking, 2021)",
    );
    expect(embed?.description).toMatch(/^• Fixture fact: Hangzhou had the highest net inflow[^\n]*\n• /);
    expect(embed?.description).toContain(
      "• Fixture fact: Hangzhou offers 10,000 yuan to each returnee graduate in the fixture policy.",
    );
    // The facts hold for different dates, so the core puts each in its line; the renderer adds none.
    for (const fact of answer.facts) {
      expect(embed?.description?.split(fact.asOf)).toHaveLength(2);
    }
    expect(embed?.fields).toEqual([
      {
        name: "[1] Hangzhou: Maintaining momentum as a magnet for global talent",
        value: "China.org.cn, by Wang Yiming; published 2021-12-15, 4 years ago",
      },
    ]);
    expect(embed?.footer?.text).toMatch(/^Figures from June 2021 to 15 December 2021 \(4 years ago\)/);
    expect(buttons.map((b) => [b.label, decodeSuggestion(b.custom_id)])).toEqual([
      ["/policy Fixture Talent Plan", { command: "policy", args: { name: "Fixture Talent Plan" } }],
    ]);
  });

  it("does not repeat the lead when it is the first fact", () => {
    const { embed } = expectWithinLimits(runLine("How many returnees are in Guangzhou?", core));
    const description = embed?.description ?? "";
    expect(description.match(/Guangzhou counted 60,000 returnees/g)).toHaveLength(1);
  });

  it("numbers facts by their source only when an answer cites several", () => {
    const facts = [SOURCE.id, "s2"].map((sourceId, i) => ({
      id: `f${i}`,
      text: `Fact ${i}.`,
      topic: "returnees" as const,
      sourceId,
      asOf: "as of 2021",
    }));
    const { embed } = expectWithinLimits(answerOf({ facts, sources: [SOURCE, { ...SOURCE, id: "s2" }] }));
    expect(embed?.description).toContain("• Fact 0. [1]\n• Fact 1. [2]");
  });

  it("renders a decline plainly, offering what the bot can answer as buttons", () => {
    const { embed, buttons } = expectWithinLimits(runLine("/city Atlantis", core));
    expect(embed?.title).toBe("Not in my sources");
    expect(embed?.description).toContain('I have nothing on a city called "Atlantis".');
    expect(embed?.description?.endsWith(en.offer(""))).toBe(true);
    expect(embed?.fields).toBeUndefined();
    expect(embed?.footer).toBeUndefined();
    expect(buttons.map((b) => b.label)).toEqual(["/city Hangzhou", "/city Guangzhou"]);
  });

  it("keeps every Discord limit for a huge answer and says how many facts were left out", () => {
    const { embed, buttons } = expectWithinLimits(hugeAnswer(200));
    const description = embed?.description ?? "";
    const shown = description.split("\n").filter((line) => line.startsWith("• ")).length;
    expect(shown).toBeGreaterThan(0);
    expect(description).toContain(en.moreFacts(200 - shown));
    expect(embed?.title?.endsWith("…")).toBe(true);
    expect(embed?.footer?.text.endsWith("…")).toBe(true);
    expect(embed?.fields?.at(-1)?.name).toMatch(/^…and \d+ more sources$/);
    expect(buttons.length).toBe(LIMITS.buttonsPerRow);
  });

  it("shows at least the start of a first fact too long to fit whole", () => {
    const answer = hugeAnswer(1);
    const first = answer.facts[0] as AnswerFact;
    const { embed } = expectWithinLimits({ ...answer, facts: [{ ...first, text: "w ".repeat(5000) }] });
    expect(embed?.description).toMatch(/\n\n• w w w[^\n]*…/);
  });

  it("writes out a suggestion too long for a custom_id instead of making it a button", () => {
    const long = { command: "ask", args: { question: "why ".repeat(30).trim() } };
    const { embed, buttons } = expectWithinLimits({
      ...runLine("/city Atlantis", core),
      suggestions: [long, { command: "help", args: {} }],
    });
    expect(buttons.map((b) => b.label)).toEqual(["/help"]);
    expect(embed?.description).toContain(en.offer("`/ask why why"));
  });

  it("keeps every Discord limit, whatever the answer, long Chinese text included", () => {
    fc.assert(
      fc.property(arbitraryAnswer({ text: 6000, facts: 60, sources: 40 }), (a) => {
        expectWithinLimits(a);
      }),
      { numRuns: 150 },
    );
  });
});

describe("Discord rendering of the articles' links", () => {
  const url = "https://www.china.org.cn/hangzhou-magnet.htm";

  it("puts an article's link on its own line under its publisher and age", () => {
    const { embed } = expectWithinLimits(answerOf({ sources: [{ ...SOURCE, url }] }));
    expect(embed?.fields?.[0]?.value).toBe(
      `China.org.cn, by Wang Yiming; published 2021-12-15, 4 years ago\n${url}`,
    );
  });

  it("leaves out a link that would not fit whole, rather than cut it", () => {
    const long = { ...SOURCE, publisher: "P".repeat(1000), url };
    const { embed } = expectWithinLimits(answerOf({ sources: [long] }));
    expect(embed?.fields?.[0]?.value).not.toContain("https:");
  });

  it("links /sources through the core where the knowledge base has an address", () => {
    const alpha = "https://alpha.example/news/scholars";
    const sources = runLine("/sources", fixtureCoreWithLinks({ alpha }));
    const { embed } = expectWithinLimits(sources);
    const fields = embed?.fields ?? [];
    expect(fields.find((f) => f.name.includes("Alpha City"))?.value).toMatch(new RegExp(`\n${alpha}$`));
    expect(fields.filter((f) => f.value.includes("https:"))).toHaveLength(1);
  });
});

describe("Discord rendering of 👍 and 👎", () => {
  it("adds them in a row of their own under any answer, within every limit", () => {
    fc.assert(
      fc.property(arbitraryAnswer({ text: 6000, facts: 60, sources: 40 }), (a) => {
        const { rows } = expectWithinLimits(a, BALLOT);
        expect(rows.at(-1)?.components.map((b) => b.custom_id)).toEqual([
          `vote:up:${BALLOT}`,
          `vote:down:${BALLOT}`,
        ]);
      }),
      { numRuns: 100 },
    );
  });

  it("labels them in the answer's language", () => {
    const labels = renderAnswer(card("zh"), BALLOT)
      .components.at(-1)
      ?.components.map((b) => b.label);
    expect(labels).toEqual(["有帮助", "没帮助"]);
  });
});

describe("Discord rendering of a card", () => {
  it("shows the title and the headline first, then the facts, and its topics as buttons that carry their command", () => {
    const { embed, buttons } = expectWithinLimits(card());
    expect(embed?.title).toBe("Hangzhou: 2.85 million talents (2021)");
    expect(embed?.description?.startsWith(`${HEADLINE}\n\n• Fact 1:`)).toBe(true);
    expect(buttons.map((b) => [b.label, decodeSuggestion(b.custom_id)])).toEqual([
      ["talent clubs (5)", { command: "city", args: { name: "Hangzhou", topic: "clubs" } }],
      ["investment (3)", { command: "city", args: { name: "Hangzhou", topic: "investment" } }],
      ["/policy 115 Plan", { command: "policy", args: { name: "115 Plan" } }],
    ]);
  });

  it("puts the topics in their own row, above the follow-ups", () => {
    const rows = renderAnswer(card()).components.map((row) => row.components.map((b) => b.label));
    expect(rows).toEqual([["talent clubs (5)", "investment (3)"], ["/policy 115 Plan"]]);
  });

  it("says in Chinese what it left out of a Chinese card", () => {
    const long = card("zh");
    const facts = Array.from({ length: 60 }, (_, i) => ({ ...(long.facts[0] as AnswerFact), id: `z${i}` }));
    const { embed } = expectWithinLimits({ ...long, facts });
    expect(embed?.description?.startsWith("截至2021年，杭州已吸引285万人才。")).toBe(true);
    expect(embed?.description).toMatch(/另有 \d+ 条事实未列出/);
    expect(visibleLength({ ...long, facts })).toBeLessThan(1500);
  });

  it("keeps a card under 1,500 characters, its headline first, whatever its parts", () => {
    fc.assert(
      fc.property(arbitraryCard, (c) => {
        const { embed } = expectWithinLimits(c);
        expect(visibleLength(c)).toBeLessThan(1500);
        expect(embed?.title).toBe(truncate(c.title, 120));
        // The body leads, or, when it only repeats the first fact, that fact's line does.
        const lead =
          (embed?.description ?? "")
            .split("\n")[0]
            ?.replace(/( \[\d+\])+$/, "")
            .replace(/…$/, "")
            .replace(/^• /, "") ?? "";
        expect(c.body.startsWith(lead)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
