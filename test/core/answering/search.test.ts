import { describe, expect, it } from "vitest";
import { bestFirst } from "../../../src/core/answering/scoring.js";
import type { Ranked } from "../../../src/core/answering/search.js";
import { realCore } from "../../helpers.js";

const core = realCore();
const { index } = core;
const byId = (ranked: readonly Ranked[]) => new Map(ranked.map((r) => [r.indexed.fact.id, r]));

describe("scoring the facts a question's terms reach", () => {
  const terms = ["returnee", "entrepreneur", "shanghai"];

  it("scores a fact asked about alone exactly as when every fact reached is read", () => {
    // About Shanghai: the facts about it, each scored by its postings; about nothing: every fact the terms reach.
    const looked = index.score(terms).about(["shanghai"]);
    const all = byId(index.score(terms).about([]));
    expect(looked.length).toBeGreaterThan(0);
    expect(all.size).toBeGreaterThan(looked.length);
    for (const r of looked) {
      expect(all.get(r.indexed.fact.id)?.score, r.indexed.fact.id).toBe(r.score);
      expect(all.get(r.indexed.fact.id)?.match(), r.indexed.fact.id).toEqual(r.match());
    }
  });

  it("gives only facts about every entity asked for", () => {
    const ranked = index.score(terms).about(["shanghai"]);
    expect(ranked.every((r) => r.indexed.closure.has("shanghai"))).toBe(true);
    const all = index.score(terms).about([]);
    expect(ranked.length).toBe(all.filter((r) => r.indexed.closure.has("shanghai")).length);
  });

  it("gives only facts reached by one of the terms asked for, with the score all the terms give", () => {
    const all = byId(index.score(terms).about([]));
    const reached = index.score(terms).about([], undefined, ["entrepreneur"]);
    expect(reached.length).toBeGreaterThan(0);
    expect(reached.length).toBeLessThan(all.size);
    for (const r of reached) {
      expect(r.match().some((m) => m.term === "entrepreneur")).toBe(true);
      expect(all.get(r.indexed.fact.id)?.score).toBe(r.score);
    }
  });

  it("weighs a context term at its boost, and counts it as a term matched", () => {
    const [fact] = index.score(["incubator"]).about([]);
    if (fact === undefined) throw new Error("no fact holds 'incubator'");
    const id = fact.indexed.fact.id;
    const asContext = byId(index.score([], ["incubator"]).about([])).get(id);
    expect(asContext?.score).toBeCloseTo(fact.score / 2);
    const twice = byId(index.score(["incubator"], ["incubator"]).about([])).get(id);
    // Each term's score summed, times the number of terms matched: (1 + 0.5) × 2.
    expect(twice?.score).toBeCloseTo(fact.score * 3);
  });

  it("lists the terms a fact matched in the order given, context terms after", () => {
    const all = index.score(["shanghai", "returnee"], ["entrepreneur"]).about([]);
    const each = all.find((r) => r.match().length === 3);
    expect(each?.match().map((m) => m.term)).toEqual(["shanghai", "returnee", "entrepreneur"]);
  });

  it("gives every fact about the entities asked for, best first, one no term reached at a score of nothing and no terms matched", () => {
    const every = index.score(["incubator"]).everyAbout(["guangzhou"]);
    const reached = byId(index.score(["incubator"]).about(["guangzhou"]));
    expect(every).toEqual([...every].sort(bestFirst));
    expect([...every].sort((a, b) => a.order - b.order).map((r) => r.indexed)).toEqual(
      index.aboutEntity("guangzhou"),
    );
    expect(reached.size).toBeGreaterThan(0);
    expect(reached.size).toBeLessThan(every.length);
    for (const r of every) {
      const scored = reached.get(r.indexed.fact.id);
      expect([r.score, r.order, r.match()]).toEqual(
        scored === undefined
          ? [0, index.facts.indexOf(r.indexed), []]
          : [scored.score, scored.order, scored.match()],
      );
    }
  });

  it("reaches nothing with a term no fact holds", () => {
    expect(index.score(["zzzunknown"]).about([])).toEqual([]);
  });
});

describe("the places of the facts about an entity", () => {
  it("are the places of the facts about it, in the knowledge base's order", () => {
    const places = index.placesAbout("guangzhou");
    expect(places.length).toBeGreaterThan(1);
    expect(places).toEqual(index.aboutEntity("guangzhou").map((f) => index.facts.indexOf(f)));
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it("are none for an entity no fact is about", () => {
    expect(index.placesAbout("no-such-entity")).toEqual([]);
  });
});
