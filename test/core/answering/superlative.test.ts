import { describe, expect, it } from "vitest";
import { languageFor } from "../../../commands/index.js";
import { frameOf } from "../../../src/core/answering/match.js";
import { highest, magnitude } from "../../../src/core/answering/superlative.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const frame = (question: string) =>
  frameOf(understand(question, core.vocabulary, languageFor(question)), core.claims, (t) =>
    core.index.weight(t),
  );
const title = (question: string) => answerTo(core, question, { language: languageFor(question) }).title;

describe("reading a claim's value as a size", () => {
  it("reads shares, counts with commas and written scales", () => {
    expect(magnitude("24.3 percent")).toBe(24.3);
    expect(magnitude("more than 67,000")).toBe(67000);
    expect(magnitude("2.85 million")).toBe(2850000);
    expect(magnitude("6.7万")).toBe(67000);
  });

  it("gives no size to a value without a figure", () => {
    expect(magnitude("several")).toBeUndefined();
  });
});

describe("answering a superlative by the highest value of the property named", () => {
  it("leads 'which city do most returnee founders pick' with Beijing, the top share", () => {
    expect(highest(frame("which city do most returnee founders pick"), core.claims)?.claim.subject).toBe(
      "beijing",
    );
    expect(title("which city do most returnee founders pick")).toMatch(/^Beijing .*24\.3/);
  });

  it("picks among every subject when the wording asks for the figure itself", () => {
    expect(title("what is the biggest share of returnee founders")).toMatch(/^Beijing .*24\.3/);
  });

  it("leaves a superlative about something named to that thing's own claims", () => {
    expect(highest(frame("which city has the most returnees, guangzhou?"), core.claims)).toBeUndefined();
  });

  it("leaves a question without a superlative word to matching", () => {
    expect(highest(frame("which city do returnee founders pick"), core.claims)).toBeUndefined();
  });

  it("declines a superlative about a property the sources do not have", () => {
    expect(answerTo(core, "which city has the most pollution", { language: "en" }).answered).toBe(false);
  });
});
