import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import {
  clip,
  escapeMrkdwn,
  isShareable,
  renderAnswer,
  renderNotice,
} from "../../../src/adapters/slack/format.js";
import { messages, slackMessages } from "../../../src/core/messages.js";
import type { Answer } from "../../../src/core/types.js";
import { fixtureCore } from "../../helpers.js";
import { expectInert, expectWithinLimits, mrkdwnTexts } from "./limits.js";

const core = fixtureCore();

const json = (value: unknown) => JSON.stringify(value);

function answer(parts: Partial<Answer>): Answer {
  return {
    answered: true,
    language: "en",
    title: "A title",
    body: "A body.",
    facts: [],
    sources: [],
    ageNote: "",
    suggestions: [],
    score: 1,
    ...parts,
  };
}

const HOSTILE = "<!channel> <@U123> <!here> @here @everyone & <https://evil.example|click> &amp;";

describe("renderAnswer", () => {
  it("renders a header, the lead, the facts with their dates and sources, and the age note", () => {
    const message = renderAnswer(core.city("Guangzhou"));
    const [header, ...rest] = message.blocks;
    expect(header).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: expect.stringMatching(/^Guangzhou/) },
    });
    const all = json(rest);
    expect(all).toContain("A southern city.");
    expect(all).toContain(
      "• Guangzhou had drawn more than 67,000 overseas returnees by July 2017. _(as of July 2017)_ [1]",
    );
    expect(all).toContain(
      "[1] *Alpha City courts returning scholars*, Alpha Daily; published 2017-09-06, 9 years ago",
    );
    expect(all).toMatch(/These figures date from .*9 years ago/);
    expect(message.text).toMatch(/^Guangzhou/);
    expect(message.text).toContain("67,000");
  });

  it("puts the sources and the age note in one context line", () => {
    const context = renderAnswer(core.ask("How many returnees has Guangzhou attracted?")).blocks.find(
      (b) => b.type === "context",
    );
    expect(context?.type).toBe("context");
    const texts = context?.type === "context" ? context.elements.map((e) => ("text" in e ? e.text : "")) : [];
    expect(texts[0]).toContain("Alpha City courts returning scholars");
    expect(texts[texts.length - 1]).toMatch(/^_These figures date from/);
  });

  it("names an article's author and marks an undated one", () => {
    expect(json(renderAnswer(core.sources()).blocks)).toContain(
      "*Returnees reshape Beta*, Beta Weekly, by A. Writer; undated (about 2025)",
    );
  });

  it("offers follow-ups as commands", () => {
    const message = renderAnswer(core.ask("How many returnees has Guangzhou attracted?"));
    expect(json(message.blocks)).toContain(`${slackMessages.tryThese} \`/city Guangzhou\``);
  });

  it("says plainly when it declines, and offers what it can answer", () => {
    const message = renderAnswer(core.ask("How do I cook fried rice?"));
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: messages.declineTitle } });
    const all = json(message.blocks);
    expect(all).toContain(messages.declineBody);
    expect(all).toContain(slackMessages.offer);
    expect(all).toContain("• `/city Guangzhou`");
    expect(message.text).toMatch(/^Not in my sources\n/);
  });

  it("offers /help when a decline comes without suggestions", () => {
    const declined = core.ask("x".repeat(600));
    expect(declined.suggestions).toEqual([]);
    expect(json(renderAnswer(declined).blocks)).toContain("• `/help`");
  });

  it("escapes everything a user could have typed, in the blocks and the text", () => {
    const message = renderAnswer(runLine(`/city ${HOSTILE}`, core));
    expectInert(message);
    expect(message.text).toContain("&lt;!channel&gt;");
    expect(json(message.blocks)).toContain("&lt;@U123&gt;");
    expect(message.text).toContain("&amp;amp;");
  });

  it("escapes every part of an answer: lead, facts, dates, sources, age note and suggestions", () => {
    const message = renderAnswer(
      answer({
        body: HOSTILE,
        facts: [{ id: "f", text: HOSTILE, topic: "returnees", sourceId: "s", asOf: HOSTILE }],
        sources: [{ id: "s", title: HOSTILE, publisher: HOSTILE, author: HOSTILE, date: null, age: HOSTILE }],
        ageNote: HOSTILE,
        suggestions: [{ command: "ask", args: { question: HOSTILE } }],
      }),
    );
    expectInert(message);
    expect(mrkdwnTexts(message).filter((t) => t.includes("&lt;!channel&gt;")).length).toBeGreaterThanOrEqual(
      5,
    );
  });

  it("keeps every Slack limit for a huge answer, and says how many facts it left out", () => {
    const long = (n: number, label: string) => `${label} ${"<long & winding> ".repeat(n)}`;
    const huge = answer({
      title: long(40, "Title"),
      body: long(2000, "Body"),
      facts: Array.from({ length: 400 }, (_, i) => ({
        id: `f${i}`,
        text: long(150, `Fact ${i}`),
        topic: "returnees" as const,
        sourceId: `s${i % 30}`,
        asOf: "July 2017",
      })),
      sources: Array.from({ length: 30 }, (_, i) => ({
        id: `s${i}`,
        title: long(50, `Source ${i}`),
        publisher: "Publisher",
        date: "2017-09-06",
        age: "published 2017-09-06, 9 years ago",
      })),
      ageNote: long(300, "Age"),
      suggestions: Array.from({ length: 50 }, (_, i) => ({
        command: "city",
        args: { name: long(10, `${i}`) },
      })),
    });
    const message = renderAnswer(huge);
    expectWithinLimits(message);
    expectInert(message);
    expect(message.blocks).toHaveLength(50);
    const all = json(message.blocks);
    expect(all).toMatch(/…and \d+ more facts, cut to fit one Slack message\./);
    expect(all).toContain(slackMessages.moreSources(20));
    expect(all).toMatch(/_Age /);
  });

  it("keeps every limit and escapes everything, whatever the answer", () => {
    // Mostly the characters that matter to Slack, among any others.
    const unit = fc.oneof(
      fc.constantFrom("<", ">", "&", "@", "here", "channel", "amp;", "lt;", "!", " ", "\n", "😀", "*"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 1500 });
    const short = fc.string({ unit, minLength: 1, maxLength: 100 });
    const arbitraryAnswer = fc.record({
      answered: fc.boolean(),
      language: fc.constantFrom("en" as const, "zh" as const),
      title: text,
      body: text,
      facts: fc.array(
        fc.record({
          id: short,
          text,
          topic: fc.constant("returnees" as const),
          sourceId: fc.constantFrom("a", "b", "c"),
          asOf: short,
        }),
        { maxLength: 120 },
      ),
      sources: fc.array(
        fc.record({
          id: fc.constantFrom("a", "b", "c"),
          title: text,
          publisher: short,
          date: fc.constant(null),
          age: short,
        }),
        { maxLength: 25 },
      ),
      ageNote: text,
      suggestions: fc.array(
        short.map((question) => ({ command: "ask", args: { question } })),
        { maxLength: 30 },
      ),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(arbitraryAnswer, (a) => {
        const message = renderAnswer(a);
        expectWithinLimits(message);
        expectInert(message);
      }),
      { numRuns: 150 },
    );
  });
});

describe("escapeMrkdwn and clip", () => {
  it("turns &, < and > into entities, & first", () => {
    expect(escapeMrkdwn("a & b < c > d &lt;")).toBe("a &amp; b &lt; c &gt; d &amp;lt;");
  });

  it("breaks a bare @here, @channel or @everyone, but not an e-mail address", () => {
    expect(escapeMrkdwn("@here and @Channel, @everyone")).not.toMatch(/@(here|channel|everyone)/i);
    expect(escapeMrkdwn("mail@here.example")).toBe("mail@here.example");
  });

  it("never cuts an entity or a surrogate pair in half", () => {
    for (let max = 2; max < 12; max++) {
      const cut = clip("ab&amp;&lt;cd😀😀😀", max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/…$/, "")).not.toMatch(/&(?!amp;|lt;)[a-z]*$/);
      expect(cut).not.toMatch(/[\ud800-\udbff]…?$/);
    }
  });
});

describe("renderNotice and isShareable", () => {
  it("renders the apology as one escaped section", () => {
    const notice = renderNotice(messages.apology);
    expect(notice.text).toBe(messages.apology);
    expect(notice.blocks).toHaveLength(1);
  });

  it("shares sourced answers and keeps help, the source list and declines for the asker", () => {
    expect(isShareable(core.city("Guangzhou"))).toBe(true);
    expect(isShareable(runLine("/help", core))).toBe(false);
    expect(isShareable(core.sources())).toBe(false);
    expect(isShareable(core.ask("How do I cook fried rice?"))).toBe(false);
  });
});
