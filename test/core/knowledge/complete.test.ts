import { describe, expect, it } from "vitest";
import { completeEntity, completeFact } from "../../../src/core/knowledge/complete.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../../src/core/knowledge/loader.js";
import type { Fact } from "../../../src/core/knowledge/schema.js";

const kb = loadKnowledge(defaultKnowledgeDir());
const fieldSets = (records: readonly object[]) => new Set(records.map((r) => Object.keys(r).join()));

describe("records of one kind have one set of fields", () => {
  it("given the curated facts, claims and entities, which leave out different fields, then each kind has one field set", () => {
    const facts = [...kb.facts.values()];
    expect(fieldSets(facts).size).toBe(1);
    expect(fieldSets(facts.flatMap((f) => f.claims)).size).toBe(1);
    expect(fieldSets([...kb.entities.values()]).size).toBe(1);
    expect(fieldSets([...kb.sources.values()]).size).toBe(1);
  });

  it("given a fact that leaves fields out, then they are there, undefined, and nothing it says changes", () => {
    const fact: Fact = {
      id: "f",
      text: "Guangzhou issued 100 green cards.",
      source: "s",
      entities: ["guangzhou"],
      topic: "returnees",
      figures: [],
      claims: [{ subject: "guangzhou", property: "green-cards", value: "100" }],
      keywords: [],
    };
    const full = completeFact(fact);
    expect(Object.keys(full)).toContain("asOf");
    expect(full.asOf).toBeUndefined();
    expect(Object.keys(full.claims[0] ?? {})).toContain("qualifier");
    expect(JSON.parse(JSON.stringify(full))).toEqual(fact);
  });

  it("given two entities with different fields, then they are completed alike", () => {
    const [a, b] = [...kb.entities.values()];
    if (a === undefined || b === undefined) throw new Error("no entities");
    const bare = { id: a.id, kind: a.kind, name: a.name, aliases: [], summary: a.summary };
    expect(Object.keys(completeEntity(bare))).toEqual(Object.keys(completeEntity(b)));
  });
});
