import { suggestionLine } from "../../../commands/index.js";
import type { Answer } from "../../core/types.js";

/** Renders an answer as plain text for a terminal, and as the `text` of the JSON lines contract. */
export function formatText(answer: Answer): string {
  const lines = [answer.title];
  const leadIsFirstFact = answer.facts[0]?.text === answer.body;
  if (answer.body && !leadIsFirstFact) lines.push(answer.body);
  if (answer.facts.length > 0) {
    lines.push("");
    const numbers = new Map(answer.sources.map((s, i) => [s.id, i + 1]));
    for (const fact of answer.facts) {
      lines.push(`• ${fact.text} (${fact.asOf}) [${numbers.get(fact.sourceId) ?? "?"}]`);
    }
  }
  if (answer.sources.length > 0) {
    lines.push("", "Sources:");
    answer.sources.forEach((s, i) => {
      const by = s.author === undefined ? s.publisher : `${s.publisher}, by ${s.author}`;
      lines.push(`[${i + 1}] "${s.title}", ${by}; ${s.age}`);
    });
  }
  if (answer.ageNote) lines.push("", answer.ageNote);
  if (answer.suggestions.length > 0)
    lines.push("", `Try: ${answer.suggestions.map(suggestionLine).join(" · ")}`);
  return lines.join("\n");
}

/** One line of the evaluation contract: `npx returnee-bot ask --jsonl`. Keep its shape stable. */
export function formatJsonLine(input: string, answer: Answer): string {
  return JSON.stringify({
    input,
    answered: answer.answered,
    text: formatText(answer),
    sources: answer.sources.map((s) => ({ title: s.title, publisher: s.publisher, date: s.date })),
    score: answer.score,
  });
}
