import type { Reply as Answer, Reply } from "../../../commands/index.js";
import { suggestionLine } from "../../../commands/index.js";
import { typedEntry } from "../follow-ups.js";
import { factLine, renderView, type View } from "../view.js";
import { terminalMessages } from "./messages.js";

/**
 * Renders an answer as plain text for a terminal, and as the `text` of the JSON lines contract:
 * the title, the sentence that answers, its facts one a line, what more a card has by topic, the
 * sources (each with its link, when the article has one) and the age of the figures once, then what
 * to try next. A card stays under 1,500 characters.
 */
export function formatText(answer: Answer): string {
  return renderView(answer, render, (text) => text.length);
}

function render(view: View): string {
  const words = terminalMessages[view.language];
  const lines = [view.title];
  if (view.lead) lines.push(view.lead);
  const facts = view.facts.map((f) => factLine(f));
  if (view.hidden > 0) facts.push(words.moreFacts(view.hidden));
  if (facts.length > 0) lines.push("", ...facts);
  if (view.more.length > 0) lines.push("", words.more(view.more.map(typedEntry).join(" · ")));
  if (view.sources.length > 0) {
    lines.push("", words.sources);
    for (const s of view.sources) {
      const by = s.author === undefined ? s.publisher : words.by(s.publisher, s.author);
      lines.push(`[${s.number}] "${s.title}", ${by}; ${s.age}`);
      if (s.link !== undefined) lines.push(`    ${s.link}`);
    }
  }
  if (view.ageNote) lines.push("", view.ageNote);
  if (view.suggestions.length > 0) {
    lines.push("", words.tryThese(view.suggestions.map(suggestionLine).join(" · ")));
  }
  return lines.join("\n");
}

/**
 * One line of the evaluation contract: `npx returnee-bot ask --jsonl`. Keep its shape stable. U+2028
 * and U+2029 are escaped: JSON allows them raw, but many line readers end a line there.
 */
export function formatJsonLine(input: string, answer: Reply): string {
  return JSON.stringify({
    input,
    answered: answer.answered,
    text: formatText(answer),
    sources: answer.sources.map((s) => ({ title: s.title, publisher: s.publisher, date: s.date })),
    score: answer.score,
  })
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
