import type { Reply } from "../../../commands/index.js";
import { suggestionLine } from "../../../commands/index.js";
import { fitCard, type View } from "../card.js";
import { typedEntry } from "../follow-ups.js";
import { linkOf } from "../source-link.js";
import { terminalMessages } from "./messages.js";

/**
 * Renders an answer as plain text for a terminal, and as the `text` of the JSON lines contract:
 * the title, the sentence that answers, its facts one a line, what more a card has by topic, the
 * sources (each with its link, when the article has one) and the age of the figures once, then what
 * to try next. A card stays under 1,500 characters.
 */
export function formatText(answer: Reply): string {
  return fitCard(answer, render, (text) => text.length);
}

function render({ answer, hidden }: View): string {
  const words = terminalMessages[answer.language];
  const lines = [answer.title];
  if (answer.body && answer.facts[0]?.text !== answer.body) lines.push(answer.body);
  const several = answer.sources.length > 1;
  const numbers = new Map(answer.sources.map((s, i) => [s.id, i + 1]));
  const facts = answer.facts.map(
    (f) => `• ${f.text}${several ? ` [${numbers.get(f.sourceId) ?? "?"}]` : ""}`,
  );
  if (hidden > 0) facts.push(words.moreFacts(hidden));
  if (facts.length > 0) lines.push("", ...facts);
  if (answer.more !== undefined && answer.more.length > 0) {
    lines.push("", words.more(answer.more.map(typedEntry).join(" · ")));
  }
  if (answer.sources.length > 0) {
    lines.push("", words.sources);
    answer.sources.forEach((s, i) => {
      const by = s.author === undefined ? s.publisher : words.by(s.publisher, s.author);
      lines.push(`[${i + 1}] "${s.title}", ${by}; ${s.age}`);
      const link = linkOf(s);
      if (link !== undefined) lines.push(`    ${link}`);
    });
  }
  if (answer.ageNote) lines.push("", answer.ageNote);
  if (answer.suggestions.length > 0) {
    lines.push("", words.tryThese(answer.suggestions.map(suggestionLine).join(" · ")));
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
