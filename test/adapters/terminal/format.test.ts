import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import { formatJsonLine, formatText } from "../../../src/adapters/terminal/format.js";
import { fixtureCore, fixtureCoreWithLinks } from "../../helpers.js";
import { answerOf, arbitraryCard, card, HEADLINE, SOURCE } from "../answers.js";

const core = fixtureCore();

describe("formatText", () => {
  it("shows each fact alone on its line, the source once, and the age of the figures once", () => {
    const text = formatText(runLine("guangzhou green cards", core));
    expect(text).toContain("• Guangzhou had issued 2,515 talent green cards by mid-2017.\n");
    expect(text).not.toContain("(as of");
    expect(text).toContain(
      '[1] "Alpha City courts returning scholars", Alpha Daily; published 2017-09-06, 9 years ago',
    );
    expect(text.match(/Figures from June 2017/g)).toHaveLength(1);
    expect(text.match(/2,515/g)).toHaveLength(2);
    expect(text.startsWith("Guangzhou · talent green cards issued: 2,515 (June 2017)\n")).toBe(true);
  });

  it("names an article's author and marks an undated one", () => {
    expect(formatText(runLine("/sources", core))).toContain(
      '"Returnees reshape Beta", Beta Weekly, by A. Writer; undated (about 2025)',
    );
  });

  it("says plainly when it declines, with what to try instead", () => {
    const text = formatText(runLine("What is the average rent in Guangzhou?", core));
    expect(text).toMatch(/^Not in my sources\n/);
    expect(text).toMatch(/Try: \/city Guangzhou/);
  });
});

describe("formatText: links to the articles", () => {
  const ALPHA = "https://alpha.example/news/scholars?id=7&lang=en";

  it("gives /sources each article's link, under its line, where the knowledge base has one", () => {
    const text = formatText(runLine("/sources", fixtureCoreWithLinks({ alpha: ALPHA })));
    expect(text).toContain(
      `[1] "Alpha City courts returning scholars", Alpha Daily; published 2017-09-06, 9 years ago\n    ${ALPHA}\n`,
    );
    expect(text.match(/https?:/g)).toHaveLength(1);
  });

  it("links an answer's source too, and keeps links out of the JSON lines contract", () => {
    const answer = runLine("guangzhou green cards", fixtureCoreWithLinks({ alpha: ALPHA }));
    expect(formatText(answer)).toContain(`\n    ${ALPHA}\n`);
    const line = JSON.parse(formatJsonLine("q", answer));
    expect(line.sources).toEqual([
      { title: "Alpha City courts returning scholars", publisher: "Alpha Daily", date: "2017-09-06" },
    ]);
    expect(line.text).toContain(ALPHA);
  });

  it("shows no link for an address that is not a web page", () => {
    const text = formatText(answerOf({ sources: [{ ...SOURCE, url: "javascript:alert(1)" }] }));
    expect(text).not.toContain("javascript");
  });
});

describe("formatText of a card", () => {
  it("leads with the title and the headline, and lists its topics as commands to type", () => {
    const text = formatText(card());
    expect(text.startsWith(`Hangzhou: 2.85 million talents (2021)\n${HEADLINE}\n\n• Fact 1:`)).toBe(true);
    expect(text).toContain(
      "\nMore: talent clubs (5) `/city Hangzhou topic:clubs` · investment (3) `/city Hangzhou topic:investment`\n",
    );
    expect(text).toMatch(/\nTry: \/policy 115 Plan$/);
  });

  it("writes a Chinese card's own words in Chinese", () => {
    const text = formatText(card("zh"));
    expect(text).toContain("更多：人才俱乐部 (5) `/city Hangzhou topic:clubs`");
    expect(text).toContain("\n来源：\n");
    expect(text).toContain("试试：/policy 115 Plan");
  });

  it("keeps a card under 1,500 characters, headline first, whatever its parts", () => {
    fc.assert(
      fc.property(arbitraryCard, (c) => {
        const text = formatText(c);
        expect(text.length).toBeLessThan(1500);
        expect(text.split("\n")[0]).toBe(c.title.length <= 120 ? c.title : expect.stringMatching(/…$/));
      }),
      { numRuns: 100 },
    );
  });
});

describe("formatJsonLine", () => {
  it("keeps the evaluation contract: input, answered, text, sources and score", () => {
    const line = JSON.parse(formatJsonLine("gz green cards", runLine("gz green cards", core)));
    expect(Object.keys(line)).toEqual(["input", "answered", "text", "sources", "score"]);
    expect(line.sources).toEqual([
      { title: "Alpha City courts returning scholars", publisher: "Alpha Daily", date: "2017-09-06" },
    ]);
    expect(line.answered).toBe(true);
    expect(typeof line.score).toBe("number");
  });
});
