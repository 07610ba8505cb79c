import type { Reply as Answer, Suggestion } from "../../commands/index.js";
import { CARD } from "../core/compose/cards.js";
import { remembered } from "../core/language/memo.js";
import { withFields } from "../core/objects.js";
import type { CitedSource, Language } from "../core/types.js";
import { linkOf } from "./source-link.js";
import { truncate } from "./text.js";

/** A fact as every renderer shows it: its text, and its source's number when the answer cites several. */
export interface FactView {
  text: string;
  source: number | undefined;
}

/** A cited source with the number its facts refer to and its link, when the article has a web address. */
export interface SourceView extends CitedSource {
  number: number;
  link: string | undefined;
}

/**
 * An answer as the renderers show it, computed once: they only map it to text, Block Kit or an
 * embed, within their platform's own limits.
 */
export interface View {
  language: Language;
  answered: boolean;
  title: string;
  /** The body, or "" when it only repeats the first fact shown. */
  lead: string;
  facts: FactView[];
  sources: SourceView[];
  ageNote: string;
  /** A card's topics to go on to; empty for any other answer. */
  more: Suggestion[];
  suggestions: Suggestion[];
  /** Facts of the answer left out to keep a card within CARD.text. */
  hidden: number;
  /** The token its 👍/👎 buttons carry; undefined when it takes no votes. */
  ballot: string | undefined;
}

/**
 * Renders an answer through its view. A card keeps as many of its facts, best first, as keep its
 * text (`size`) within CARD.text, its long parts capped first; if even none does, the lead is
 * shortened too. Any other answer is shown whole: the renderer keeps the platform's own limits.
 * With a ballot, the answer carries 👍/👎 buttons that carry it.
 */
export function renderView<T>(
  answer: Answer,
  render: (view: View) => T,
  size: (rendered: T) => number,
  ballot?: string,
): T {
  // An answer is a card when it says what more there is by topic.
  if (answer.more === undefined) return render(viewOf(answer, answer.facts.length, ballot));
  const capped: Answer = withFields(answer, {
    title: truncate(answer.title, CARD.title),
    ageNote: truncate(answer.ageNote, CARD.ageNote),
    more: answer.more.map((s) =>
      s.label === undefined ? s : withFields(s, { label: truncate(s.label, CARD.label) }),
    ),
  });
  for (let shown = capped.facts.length; shown >= 0; shown--) {
    const rendered = render(viewOf(capped, shown, ballot));
    if (size(rendered) <= CARD.text) return rendered;
  }
  const over = size(render(viewOf(capped, 0, ballot))) - CARD.text;
  const body = truncate(capped.body, Math.max(0, capped.body.length - over));
  return render(viewOf(withFields(capped, { body }), 0, ballot));
}

/** The view of an answer showing its first `shown` facts. */
function viewOf(answer: Answer, shown: number, ballot: string | undefined): View {
  const facts = answer.facts.slice(0, shown);
  // A fact names its source's number only when the answer cites several.
  const numbers =
    answer.sources.length > 1 ? new Map(answer.sources.map((s, i) => [s.id, i + 1])) : undefined;
  return {
    language: answer.language,
    answered: answer.answered,
    title: answer.title,
    lead: facts[0]?.text === answer.body ? "" : answer.body,
    facts: facts.map((f) => ({ text: f.text, source: numbers?.get(f.sourceId) })),
    sources: answer.sources.map((s, i) => withFields(s, { number: i + 1, link: linkFor(s) })),
    ageNote: answer.ageNote,
    more: answer.more ?? [],
    suggestions: answer.suggestions,
    hidden: answer.facts.length - shown,
    ballot,
  };
}

/** Each source address's link, worked out once: parsing an address costs more than rendering the rest of an answer's line. */
const links = new Map<string, string | undefined>();

function linkFor(source: CitedSource): string | undefined {
  return source.url === undefined ? undefined : remembered(links, source.url, () => linkOf(source));
}

/** "• text [2]": a fact on its own line, with its source's number when there is one to give. */
export function factLine(fact: FactView, text = fact.text): string {
  return `• ${text}${fact.source === undefined ? "" : ` [${fact.source}]`}`;
}
