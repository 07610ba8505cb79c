import { expect } from "vitest";
import type { Reply } from "../../commands/index.js";
import { TOPICS } from "../../src/core/knowledge/schema.js";

/** An answer as every renderer may rely on it. */
export function expectWellFormed(answer: Reply): void {
  expect(typeof answer.answered).toBe("boolean");
  expect(answer.title.trim().length).toBeGreaterThan(0);
  expect(typeof answer.body).toBe("string");
  expect(typeof answer.ageNote).toBe("string");
  expect(Number.isFinite(answer.score)).toBe(true);
  expect(answer.score).toBeGreaterThanOrEqual(0);
  expect(answer.score).toBeLessThanOrEqual(1);
  const sources = new Set(answer.sources.map((s) => s.id));
  for (const fact of answer.facts) {
    expect(fact.text.length).toBeGreaterThan(0);
    expect(TOPICS).toContain(fact.topic);
    expect(sources.has(fact.sourceId)).toBe(true);
  }
  for (const source of answer.sources) {
    expect(source.title.length).toBeGreaterThan(0);
    expect(source.date === null || /^\d{4}-\d{2}-\d{2}$/.test(source.date)).toBe(true);
  }
  for (const suggestion of answer.suggestions) expect(suggestion.command).toMatch(/^[a-z][a-z0-9-]*$/);
  if (answer.considered !== undefined) {
    expect(answer.answered).toBe(false);
    for (const id of answer.considered) expect(typeof id).toBe("string");
  }
}
