import { describe, expect, it } from "vitest";
import { languageFor } from "../../../commands/index.js";
import { frameOf } from "../../../src/core/answering/match.js";
import { highest } from "../../../src/core/answering/superlative.js";
import { figuresOf } from "../../../src/core/language/figures.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const frame = (question: string) =>
  frameOf(understand(question, core.vocabulary, languageFor(question)), core.claims, (t) =>
    core.index.weight(t),
  );
const title = (question: string) => answerTo(core, question, { language: languageFor(question) }).title;

describe("answering a superlative by the highest value of the property named", () => {
  it("leads 'which city do most returnee founders pick' with Beijing, the top share", () => {
    expect(
      highest(frame("which city do most returnee founders pick"), core.claims, figuresOf(core.kb.grammar))
        ?.claim.subject,
    ).toBe("beijing");
    expect(title("which city do most returnee founders pick")).toMatch(/^Beijing .*24\.3/);
  });

  it("picks among every subject when the wording asks for the figure itself", () => {
    expect(title("what is the biggest share of returnee founders")).toMatch(/^Beijing .*24\.3/);
  });

  it("leaves a superlative about something named to that thing's own claims", () => {
    expect(
      highest(
        frame("which city has the most returnees, guangzhou?"),
        core.claims,
        figuresOf(core.kb.grammar),
      ),
    ).toBeUndefined();
  });

  it("leaves a question without a superlative word to matching", () => {
    expect(
      highest(frame("which city do returnee founders pick"), core.claims, figuresOf(core.kb.grammar)),
    ).toBeUndefined();
  });

  it("declines a superlative about a property the sources do not have", () => {
    expect(answerTo(core, "which city has the most pollution", { language: "en" }).answered).toBe(false);
  });
});

describe("a superlative that names where its figures are stated", () => {
  it("given a report named beside the city asked for, then the city with the top share leads", () => {
    expect(title("which city tops the CCG list of returnee founders")).toMatch(/^Beijing .*24\.3/);
  });
});
