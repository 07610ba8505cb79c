import type { Reply } from "../../commands/index.js";
import { truncate } from "./text.js";

/**
 * How long a card (an answer with topics to go on to) may be, on every surface: the text a person
 * sees, buttons included, stays under 1,500 characters; the parts that could run long are capped
 * first, so the facts keep most of the room.
 */
export const CARD = Object.freeze({ text: 1450, title: 120, ageNote: 240, label: 40 });

/** What a renderer shows of an answer: the facts it keeps, and how many it leaves to "…and N more". */
export interface View {
  answer: Reply;
  /** Facts of the answer not shown. */
  hidden: number;
}

/**
 * Renders a card with as many of its facts, best first, as keep its text within CARD.text; if even
 * none does, the lead is shortened too. Any other answer is rendered whole: the renderer keeps the
 * platform's own limits.
 */
export function fitCard<T>(answer: Reply, render: (view: View) => T, size: (rendered: T) => number): T {
  // An answer is a card when it says what more there is by topic.
  if (answer.more === undefined) return render({ answer, hidden: 0 });
  const capped: Reply = {
    ...answer,
    title: truncate(answer.title, CARD.title),
    ageNote: truncate(answer.ageNote, CARD.ageNote),
    more: (answer.more ?? []).map((s) =>
      s.label === undefined ? s : { ...s, label: truncate(s.label, CARD.label) },
    ),
  };
  const view = (shown: number, body = capped.body): View => ({
    answer: { ...capped, body, facts: capped.facts.slice(0, shown) },
    hidden: capped.facts.length - shown,
  });
  for (let shown = capped.facts.length; shown >= 0; shown--) {
    const rendered = render(view(shown));
    if (size(rendered) <= CARD.text) return rendered;
  }
  const over = size(render(view(0))) - CARD.text;
  return render(view(0, truncate(capped.body, Math.max(0, capped.body.length - over))));
}
