import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import { replyOf } from "../../../commands/replies.js";
import { decodeSuggestion } from "../../../src/adapters/follow-ups.js";
import { escapeMrkdwn, isShareable, renderAnswer, renderNotice } from "../../../src/adapters/slack/format.js";
import { slackMessages } from "../../../src/adapters/slack/messages.js";
import { messages } from "../../../src/core/compose/messages.js";
import { notices } from "../../../src/ops/notices.js";
import { answerTo, fixtureCore, fixtureCoreWithLinks } from "../../helpers.js";
import { answerOf as answer, arbitraryAnswer, arbitraryCard, card, HEADLINE, SOURCE } from "../answers.js";
import { buttonsOf, expectInert, expectWithinLimits, mrkdwnTexts, visibleLength } from "./limits.js";

const core = fixtureCore();
const en = slackMessages.en;

const json = (value: unknown) => JSON.stringify(value);
const buttons = (message: ReturnType<typeof renderAnswer>) =>
  buttonsOf(message).map((b) => [b.text.text, decodeSuggestion(b.value ?? "")]);

const HOSTILE = "<!channel> <@U123> <!here> @here @everyone & <https://evil.example|click> &amp;";

describe("renderAnswer", () => {
  it("renders a header that answers, the headline fact first, each fact alone on a line, the source, and the age note", () => {
    const message = renderAnswer(runLine("/city Guangzhou", core));
    const [header, first, ...rest] = message.blocks;
    expect(header).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "Guangzhou · returnees drawn: more than 67,000 (July 2017)" },
    });
    expect(first).toMatchObject({
      type: "section",
      text: {
        text: expect.stringMatching(
          /^• Guangzhou had drawn more than 67,000 overseas returnees by July 2017\.\n/,
        ),
      },
    });
    const all = json([first, ...rest]);
    expect(all).toContain("• Guangzhou had issued 2,515 talent green cards by mid-2017.");
    expect(all.match(/2,515 talent green cards/g)).toHaveLength(1);
    expect(all).toContain(
      "[1] *Alpha City courts returning scholars*, Alpha Daily; published 2017-09-06, 9 years ago",
    );
    expect(all).toMatch(/Figures from .*9 years ago/);
    expect(message.text).toMatch(/^Guangzhou · returnees drawn: more than 67,000 \(July 2017\)\n/);
    expect(message.text).toContain("2,515");
  });

  it("puts the sources and the age note in one context line", () => {
    const context = renderAnswer(runLine("How many returnees has Guangzhou attracted?", core)).blocks.find(
      (b) => b.type === "context",
    );
    expect(context?.type).toBe("context");
    const texts = context?.type === "context" ? context.elements.map((e) => ("text" in e ? e.text : "")) : [];
    expect(texts[0]).toContain("Alpha City courts returning scholars");
    expect(texts[texts.length - 1]).toMatch(/^_Figures from July 2017 /);
  });

  it("names an article's author and marks an undated one", () => {
    expect(json(renderAnswer(runLine("/sources", core)).blocks)).toContain(
      "*Returnees reshape Beta*, Beta Weekly, by A. Writer; undated (about 2025)",
    );
  });

  it("offers follow-ups as buttons that carry their command", () => {
    const message = renderAnswer(runLine("How many returnees has Guangzhou attracted?", core));
    expect(buttons(message)).toContainEqual([
      "/city Guangzhou",
      { command: "city", args: { name: "Guangzhou" } },
    ]);
    expect(message.blocks.at(-1)?.type).toBe("actions");
  });

  it("says plainly when it declines, and offers what it can answer as buttons", () => {
    const message = renderAnswer(runLine("How do I cook fried rice?", core));
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: messages.declineTitle } });
    const all = json(message.blocks);
    expect(all).toContain(messages.declineBody(2));
    expect(all).toContain(en.offer);
    expect(buttons(message)).toContainEqual([
      "/city Guangzhou",
      { command: "city", args: { name: "Guangzhou" } },
    ]);
    expect(message.text).toMatch(/^Not in my sources\n/);
  });

  it("offers /help when a decline comes without suggestions", () => {
    const declined = { ...runLine("How do I cook fried rice?", core), suggestions: [] };
    expect(declined.answered).toBe(false);
    expect(buttons(renderAnswer(declined))).toEqual([["/help", { command: "help", args: {} }]]);
  });

  it("offers what the bot covers as buttons when a question is too long", () => {
    const declined = renderAnswer(replyOf(answerTo(core, "x".repeat(600)), core));
    expect(json(declined.blocks)).toContain(en.offer);
    expect(buttons(declined)).toContainEqual([
      "/city Guangzhou",
      { command: "city", args: { name: "Guangzhou" } },
    ]);
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
        facts: [{ id: "f", text: HOSTILE, topic: "returnees", sourceId: "s", asOf: "" }],
        sources: [{ id: "s", title: HOSTILE, publisher: HOSTILE, author: HOSTILE, date: null, age: HOSTILE }],
        ageNote: HOSTILE,
        more: [{ command: "ask", args: { question: HOSTILE }, label: HOSTILE }],
        suggestions: [{ command: "ask", args: { question: HOSTILE } }],
      }),
    );
    expectInert(message);
    expect(mrkdwnTexts(message).filter((t) => t.includes("&lt;!channel&gt;")).length).toBeGreaterThanOrEqual(
      4,
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
    expect(all).toMatch(/…and \d+ more facts, left out to keep one Slack message short\./);
    expect(all).toContain(en.moreSources(20));
    expect(all).toMatch(/_Age /);
  });

  it("keeps every limit and escapes everything, whatever the answer, long Chinese text included", () => {
    fc.assert(
      fc.property(arbitraryAnswer({ text: 4000, facts: 120, sources: 25 }), (a) => {
        const message = renderAnswer(a);
        expectWithinLimits(message);
        expectInert(message);
      }),
      { numRuns: 150 },
    );
  });
});

describe("renderAnswer: 👍 and 👎", () => {
  it("adds them last under any answer, within every limit, each carrying the ballot", () => {
    fc.assert(
      fc.property(arbitraryAnswer({ text: 4000, facts: 120, sources: 25 }), (a) => {
        const message = renderAnswer(a, "AbCdEfGhIj-_");
        expectWithinLimits(message);
        expect(
          buttonsOf(message)
            .slice(-2)
            .map((b) => b.value),
        ).toEqual(["vote:up:AbCdEfGhIj-_", "vote:down:AbCdEfGhIj-_"]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("renderAnswer: links to the articles", () => {
  it("links each source's title to its article, where the knowledge base has its address", () => {
    const url = "https://alpha.example/news/scholars?id=7&lang=en";
    const message = renderAnswer(runLine("/sources", fixtureCoreWithLinks({ alpha: url })));
    expectInert(message, [url]);
    const all = json(message.blocks);
    expect(all).toContain(
      "[1] *<https://alpha.example/news/scholars?id=7&amp;lang=en|Alpha City courts returning scholars>*, Alpha Daily; published 2017-09-06, 9 years ago",
    );
    expect(all).toContain("*Returnees reshape Beta*, Beta Weekly");
    expect(message.text).toContain(
      `"Alpha City courts returning scholars", published 2017-09-06, 9 years ago ${url}`.replace(
        /&/g,
        "&amp;",
      ),
    );
  });

  it("keeps a link whole and its label inert, whatever the address and the title hold", () => {
    const message = renderAnswer(
      answer({ sources: [{ ...SOURCE, title: HOSTILE, url: "https://x.example/a|b>c?d=<e>" }] }),
    );
    const link = "https://x.example/a%7Cb%3Ec?d=%3Ce%3E";
    expectInert(message, [link]);
    expect(json(message.blocks)).toContain(`*<${link}|&lt;!channel&gt;`);
  });

  it("makes no link of an address that is not a web page", () => {
    const message = renderAnswer(answer({ sources: [{ ...SOURCE, url: "javascript:alert(1)" }] }));
    expectInert(message);
    expect(json(message)).not.toContain("javascript");
  });
});

describe("renderAnswer of a card", () => {
  it("shows the headline first, in its own section, then the facts, then its topics as buttons", () => {
    const message = renderAnswer(card());
    const [header, headline, facts, topics] = message.blocks;
    expect(header).toMatchObject({ type: "header", text: { text: "Hangzhou: 2.85 million talents (2021)" } });
    expect(headline).toMatchObject({ type: "section", text: { text: HEADLINE } });
    expect(facts).toMatchObject({ type: "section", text: { text: expect.stringMatching(/^• Fact 1:/) } });
    expect(topics?.type).toBe("actions");
    expect(buttons(message)).toEqual([
      ["talent clubs (5)", { command: "city", args: { name: "Hangzhou", topic: "clubs" } }],
      ["investment (3)", { command: "city", args: { name: "Hangzhou", topic: "investment" } }],
      ["/policy 115 Plan", { command: "policy", args: { name: "115 Plan" } }],
    ]);
  });

  it("says in Chinese what it left out of a long Chinese card, within 1,500 characters", () => {
    const long = card("zh");
    const facts = Array.from(
      { length: 60 },
      (_, i) => ({ ...long.facts[0], id: `z${i}` }) as (typeof long.facts)[0],
    );
    const message = renderAnswer({ ...long, facts });
    expectWithinLimits(message);
    expect(json(message.blocks)).toMatch(/另有 \d+ 条事实未列出/);
    expect(visibleLength(message)).toBeLessThan(1500);
  });

  it("keeps a card under 1,500 characters, headline first, whatever its parts", () => {
    fc.assert(
      fc.property(arbitraryCard, (c) => {
        const message = renderAnswer(c);
        expectWithinLimits(message);
        expectInert(message);
        expect(visibleLength(message)).toBeLessThan(1500);
      }),
      { numRuns: 100 },
    );
  });
});

describe("escapeMrkdwn", () => {
  it("turns &, < and > into entities, & first", () => {
    expect(escapeMrkdwn("a & b < c > d &lt;")).toBe("a &amp; b &lt; c &gt; d &amp;lt;");
  });

  it("breaks a bare @here, @channel or @everyone, but not an e-mail address", () => {
    expect(escapeMrkdwn("@here and @Channel, @everyone")).not.toMatch(/@(here|channel|everyone)/i);
    expect(escapeMrkdwn("mail@here.example")).toBe("mail@here.example");
  });
});

describe("renderNotice and isShareable", () => {
  it("renders the apology as one escaped section", () => {
    const notice = renderNotice(notices.en.apology);
    expect(notice.text).toBe(notices.en.apology);
    expect(notice.blocks).toHaveLength(1);
  });

  it("shares sourced answers and keeps help, the source list and declines for the asker", () => {
    expect(isShareable(runLine("/city Guangzhou", core))).toBe(true);
    expect(isShareable(runLine("/help", core))).toBe(false);
    expect(isShareable(runLine("/sources", core))).toBe(false);
    expect(isShareable(runLine("How do I cook fried rice?", core))).toBe(false);
  });
});
