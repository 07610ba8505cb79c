import { describe, expect, it } from "vitest";
import { formatJsonLine, formatText } from "../../../src/adapters/terminal/format.js";
import { fixtureCore } from "../../helpers.js";

const core = fixtureCore();

describe("formatText", () => {
  it("shows each fact with its date and the number of its source", () => {
    const text = formatText(core.ask("guangzhou green cards"));
    expect(text).toContain(
      "• Guangzhou had issued 2,515 talent green cards by mid-2017. (as of June 2017) [1]",
    );
    expect(text).toContain(
      '[1] "Alpha City courts returning scholars", Alpha Daily; published 2017-09-06, 9 years ago',
    );
    expect(text).toMatch(/These figures date from June 2017/);
  });

  it("names an article's author and marks an undated one", () => {
    expect(formatText(core.sources())).toContain(
      '"Returnees reshape Beta", Beta Weekly, by A. Writer; undated (about 2025)',
    );
  });

  it("says plainly when it declines, with what to try instead", () => {
    const text = formatText(core.ask("What is the average rent in Guangzhou?"));
    expect(text).toMatch(/^Not in my sources\n/);
    expect(text).toMatch(/Try: \/city Guangzhou/);
  });
});

describe("formatJsonLine", () => {
  it("keeps the evaluation contract: input, answered, text, sources and score", () => {
    const line = JSON.parse(formatJsonLine("gz green cards", core.ask("gz green cards")));
    expect(Object.keys(line)).toEqual(["input", "answered", "text", "sources", "score"]);
    expect(line.sources).toEqual([
      { title: "Alpha City courts returning scholars", publisher: "Alpha Daily", date: "2017-09-06" },
    ]);
    expect(line.answered).toBe(true);
    expect(typeof line.score).toBe("number");
  });
});
