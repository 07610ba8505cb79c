import { describe, expect, it } from "vitest";
import type { Reply as Answer } from "../../commands/index.js";
import { renderView, type View } from "../../src/adapters/view.js";
import { CARD } from "../../src/core/compose/cards.js";
import type { AnswerFact } from "../../src/core/types.js";
import { answerOf, card, HEADLINE, SOURCE } from "./answers.js";

const fact = (id: string, text: string, sourceId: string): AnswerFact => ({
  id,
  text,
  topic: "returnees",
  sourceId,
  asOf: "as of 2021",
});

/** The view itself, as a renderer gets it, measured as the length of its facts' text. */
const viewOf = (answer: Answer, size = (v: View) => v.facts.length) => renderView(answer, (v) => v, size);

describe("renderView", () => {
  it("given a body that repeats the first fact, then the lead is empty", () => {
    const view = viewOf(answerOf({ body: HEADLINE, facts: [fact("f1", HEADLINE, SOURCE.id)] }));
    expect(view.lead).toBe("");
    expect(view.facts.map((f) => f.text)).toEqual([HEADLINE]);
  });

  it("given a body of its own, then the lead is the body", () => {
    const view = viewOf(answerOf({ body: "Yes.", facts: [fact("f1", HEADLINE, SOURCE.id)] }));
    expect(view.lead).toBe("Yes.");
  });

  it("numbers facts by source only when the answer cites several, and gives each source its link", () => {
    const second = { ...SOURCE, id: "s2", url: "https://example.org/a" };
    const facts = [fact("f1", "One.", "s2"), fact("f2", "Two.", SOURCE.id)];
    const several = viewOf(answerOf({ facts, sources: [SOURCE, second] }));
    expect(several.facts.map((f) => f.source)).toEqual([2, 1]);
    expect(several.sources.map((s) => [s.number, s.link])).toEqual([
      [1, undefined],
      [2, "https://example.org/a"],
    ]);
    const one = viewOf(answerOf({ facts: facts.slice(1), sources: [SOURCE] }));
    expect(one.facts.map((f) => f.source)).toEqual([undefined]);
  });

  it("given a card over the budget, then it drops facts from the end and counts them hidden", () => {
    const answer = card();
    const view = viewOf(answer, (v) => (v.facts.length > 2 ? CARD.text + 1 : 0));
    expect(view.facts).toHaveLength(2);
    expect(view.hidden).toBe(answer.facts.length - 2);
  });

  it("given a card with no fact shown, then the lead is the body even when it repeats the first fact", () => {
    const answer = { ...card(), facts: [fact("f0", HEADLINE, SOURCE.id), ...card().facts] };
    expect(viewOf(answer).lead).toBe("");
    const view = viewOf(answer, (v) => (v.facts.length > 0 ? CARD.text + 1 : 0));
    expect(view.facts).toEqual([]);
    expect(view.lead).toBe(answer.body);
    expect(view.hidden).toBe(answer.facts.length);
  });

  it("declines to drop facts from an answer that is not a card", () => {
    const answer = answerOf({ facts: [fact("f1", "One.", SOURCE.id)] });
    const view = viewOf(answer, () => CARD.text + 1);
    expect(view.facts).toHaveLength(1);
    expect(view.hidden).toBe(0);
  });
});
