import { describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH } from "../../src/core/core.js";
import { type EntityKind, POLICY_KINDS } from "../../src/core/knowledge/schema.js";
import { answerTo, EN, fixtureCore } from "../helpers.js";

const core = fixtureCore();
const factIds = (question: string) => answerTo(core, question).facts.map((f) => f.id);

describe("Core.ask on the fixture knowledge base", () => {
  it("answers a question with the fact that covers it, its source and its date", () => {
    const answer = answerTo(core, "How many returnees has Guangzhou attracted?");
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.id).toBe("a-returnees");
    expect(answer.facts[0]?.asOf).toBe("as of July 2017");
    expect(answer.sources.map((s) => s.title)).toEqual(["Alpha City courts returning scholars"]);
    expect(answer.score).toBeGreaterThan(0.5);
  });

  it("says how old the figures are in every answer", () => {
    expect(answerTo(core, "How many returnees has Guangzhou attracted?").ageNote).toMatch(/9 years ago/);
  });

  it("dates a fact from an undated article by its estimated year, and says the year is estimated", () => {
    const answer = answerTo(core, "Is Shenzhen a destination for returnee founders?");
    expect(answer.facts[0]?.asOf).toBe("undated article, about 2025");
    expect(answer.ageNote).toMatch(/about 2025 \(about a year ago\).*undated/);
  });

  it("recognises a city by its Chinese name, its old English name and its abbreviation", () => {
    for (const name of ["广州", "Canton", "GZ", "Guang Zhou"]) {
      expect(factIds(`how many returnees has ${name} attracted`)).toContain("a-returnees");
    }
  });

  it("reads a Chinese name inside a run of Chinese text", () => {
    expect(factIds("广州有多少 returnees")).toContain("a-returnees");
  });

  it("tolerates a typo in a city name", () => {
    expect(factIds("guangzhuo green cards")).toContain("a-green-cards");
  });

  it("matches words through the synonym list", () => {
    expect(factIds("how many haigui did Guangzhou lure")).toContain("a-returnees");
  });

  it("declines a green-card question about Shenzhen, where only Guangzhou's count is known", () => {
    const answer = answerTo(core, "How many green cards has Shenzhen issued?");
    expect(answer.answered).toBe(false);
    expect(answer.facts).toEqual([]);
    expect(answer.body).toMatch(/for Guangzhou, not for Shenzhen/);
  });

  it("declines an attribute of a known city that no fact gives", () => {
    expect(answerTo(core, "What is the average rent in Guangzhou?").answered).toBe(false);
  });

  it("declines a question about something the knowledge base never mentions", () => {
    const answer = answerTo(core, "How do I cook fried rice?");
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it("given an empty, whitespace-only or small-words-only question, then gives no answer for the commands to explain", () => {
    expect(core.ask("   ", EN)).toBeUndefined();
    expect(core.ask("", EN)).toBeUndefined();
    expect(core.ask("the?", EN)).toBeUndefined();
  });

  it("given a question the sources do not hold, then declines with the knowledge base's own count of articles and its cities", () => {
    const body = answerTo(core, "How do I cook fried rice?").body;
    expect(body).toContain(`only from ${core.kb.sources.size} articles`);
    expect(body).toContain("returnees in Guangzhou and Shenzhen");
  });

  it("asks for a shorter question rather than cutting a long one", () => {
    const answer = answerTo(core, `${"guangzhou returnees ".repeat(30)}`.slice(0, MAX_QUESTION_LENGTH + 1));
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/shorten/);
  });

  it("gives an entity's profile when the question names only the entity", () => {
    const answer = answerTo(core, "Ada Lin");
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((f) => f.id)).toEqual(["a-ada"]);
  });

  it("treats a fact about an event as about the city the event is in", () => {
    expect(factIds("how many projects at the Guangzhou scholars fair")).toEqual(["a-fair-projects"]);
  });

  it("gives the same answer for the same question", () => {
    expect(answerTo(core, "guangzhou green cards")).toEqual(answerTo(core, "guangzhou green cards"));
  });
});

describe("Core.resolve and Core.card", () => {
  const card = (name: string, kinds: readonly EntityKind[]) => {
    const entity = core.resolve(name, kinds);
    return entity === undefined ? undefined : core.card(entity, EN);
  };

  it("gives a city as a card that leads with the facts its curators chose as headlines", () => {
    const answer = card("gz", ["city"]);
    expect(answer?.answered).toBe(true);
    expect(answer?.facts.map((f) => f.id)).toEqual([
      "a-returnees",
      "a-green-cards",
      "a-ada",
      "a-fair-projects",
    ]);
  });

  it("resolves no city for a name it does not know, nor for a programme", () => {
    expect(core.resolve("London", ["city"])).toBeUndefined();
    expect(core.resolve("green card", ["city"])).toBeUndefined();
  });

  it("finds a programme by an alias", () => {
    expect(card("green cards", POLICY_KINDS)?.title).toMatch(/^talent green card/);
  });

  it("offers follow-ups as references to entities, never as commands", () => {
    const answer = card("gz", ["city"]);
    expect(answer?.suggestions).toContainEqual({ entity: "green-card" });
    for (const r of answer?.suggestions ?? []) expect(r).not.toHaveProperty("command");
  });
});

describe("Core.choices", () => {
  it("offers entities whose name or alias starts with the typed text, in any script", () => {
    expect(core.choices(["city"], "gua").map((c) => c.name)).toEqual(["Guangzhou"]);
    expect(core.choices(["city"], "深").map((c) => c.name)).toEqual(["Shenzhen"]);
  });

  it("offers every entity of the kinds when nothing is typed", () => {
    expect(core.choices(["city"], "")).toHaveLength(2);
  });
});

describe("Core.starters", () => {
  it("gives the same follow-ups each time, in a list of its own that a caller may change", () => {
    const first = core.starters();
    expect(first.length).toBeGreaterThan(0);
    const copy = [...first];
    first.length = 0;
    expect(core.starters()).toEqual(copy);
  });
});
