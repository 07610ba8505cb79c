import { ageNote, asOfPhrase, citeSource, factDate } from "./age.js";
import type { IndexedFact } from "./knowledge-index.js";
import { messages, topicLabels } from "./messages.js";
import type { Entity, Source } from "./schema.js";
import type { Answer, AnswerFact, Suggestion } from "./types.js";

/** Follow-up commands for what an answer touched: its cities, programmes and the convention. */
export function followUps(entities: Iterable<Entity>, limit = 3): Suggestion[] {
  const out: Suggestion[] = [];
  for (const e of entities) {
    const s: Suggestion | undefined =
      e.kind === "city"
        ? { command: "city", args: { name: e.name } }
        : e.kind === "programme"
          ? { command: "policy", args: { name: e.name } }
          : e.id === "ceot"
            ? { command: "convention", args: {} }
            : undefined;
    if (s !== undefined && !out.some((o) => o.command === s.command && o.args.name === s.args.name))
      out.push(s);
  }
  return out.slice(0, limit);
}

/** An answer built from facts, which it cites with their sources and their age. */
export function factAnswer(
  facts: IndexedFact[],
  parts: { title: string; body?: string; score: number; suggestions: Suggestion[] },
  now: Date,
): Answer {
  const sources = new Map<string, Source>();
  const used: AnswerFact[] = facts.map(({ fact, source }) => {
    sources.set(source.id, source);
    return {
      id: fact.id,
      text: fact.text,
      topic: fact.topic,
      sourceId: source.id,
      asOf: asOfPhrase(factDate(fact, source)),
    };
  });
  return {
    answered: true,
    language: "en",
    title: parts.title,
    body: parts.body ?? facts[0]?.fact.text ?? "",
    facts: used,
    sources: [...sources.values()].map((s) => citeSource(s, now)),
    ageNote: ageNote(
      facts.map(({ fact, source }) => factDate(fact, source)),
      now,
    ),
    suggestions: parts.suggestions,
    score: Math.round(Math.min(1, Math.max(0, parts.score)) * 1000) / 1000,
  };
}

/** An answer that carries no facts: help, the list of sources, a message. */
export function plainAnswer(
  parts: Pick<Answer, "title" | "body"> & Partial<Pick<Answer, "sources" | "suggestions">>,
): Answer {
  return {
    answered: true,
    language: "en",
    facts: [],
    ageNote: "",
    suggestions: [],
    sources: [],
    score: 1,
    ...parts,
  };
}

/** A decline: says plainly that the sources do not hold the answer, and what the bot can answer. */
export function decline(
  body: string,
  suggestions: Suggestion[],
  title: string = messages.declineTitle,
): Answer {
  return {
    answered: false,
    language: "en",
    title,
    body,
    facts: [],
    sources: [],
    ageNote: "",
    suggestions,
    score: 0,
  };
}

/** A title for facts found for a question: what they are about, and their topic. */
export function titleFor(facts: IndexedFact[], asked: Entity[], entityName: (id: string) => string): string {
  const top = facts[0];
  if (top === undefined) return messages.declineTitle;
  const about = asked.length > 0 ? asked.map((e) => e.name) : top.fact.entities.slice(0, 1).map(entityName);
  return `${about.join(", ")}: ${topicLabels[top.fact.topic]}`;
}
