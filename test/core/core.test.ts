import { describe, expect, it } from "vitest";
import { MAX_QUESTION_LENGTH } from "../../src/core/core.js";
import { EN, fixtureCore } from "../helpers.js";

const core = fixtureCore();
const factIds = (question: string) => core.ask(question, EN).facts.map((f) => f.id);

describe("Core.ask on the fixture knowledge base", () => {
  it("answers a question with the fact that covers it, its source and its date", () => {
    const answer = core.ask("How many returnees has Guangzhou attracted?", EN);
    expect(answer.answered).toBe(true);
    expect(answer.facts[0]?.id).toBe("a-returnees");
    expect(answer.facts[0]?.asOf).toBe("as of July 2017");
    expect(answer.sources.map((s) => s.title)).toEqual(["Alpha City courts returning scholars"]);
    expect(answer.score).toBeGreaterThan(0.5);
  });

  it("says how old the figures are in every answer", () => {
    expect(core.ask("How many returnees has Guangzhou attracted?", EN).ageNote).toMatch(/9 years ago/);
  });

  it("dates a fact from an undated article by its estimated year, and says the year is estimated", () => {
    const answer = core.ask("Is Shenzhen a destination for returnee founders?", EN);
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
    const answer = core.ask("How many green cards has Shenzhen issued?", EN);
    expect(answer.answered).toBe(false);
    expect(answer.facts).toEqual([]);
    expect(answer.body).toMatch(/for Guangzhou, not for Shenzhen/);
  });

  it("declines an attribute of a known city that no fact gives", () => {
    expect(core.ask("What is the average rent in Guangzhou?", EN).answered).toBe(false);
  });

  it("declines a question about something the knowledge base never mentions", () => {
    const answer = core.ask("How do I cook fried rice?", EN);
    expect(answer.answered).toBe(false);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it("declines empty and whitespace-only questions politely", () => {
    expect(core.ask("   ", EN).answered).toBe(false);
    expect(core.ask("", EN).body).toMatch(/Ask me a question/);
  });

  it("asks for a shorter question rather than cutting a long one", () => {
    const answer = core.ask(`${"guangzhou returnees ".repeat(30)}`.slice(0, MAX_QUESTION_LENGTH + 1), EN);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/shorten/);
  });

  it("gives an entity's profile when the question names only the entity", () => {
    const answer = core.ask("Ada Lin", EN);
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((f) => f.id)).toEqual(["a-ada"]);
  });

  it("treats a fact about an event as about the city the event is in", () => {
    expect(factIds("how many projects at the Guangzhou scholars fair")).toEqual(["a-fair-projects"]);
  });

  it("gives the same answer for the same question", () => {
    expect(core.ask("guangzhou green cards", EN)).toEqual(core.ask("guangzhou green cards", EN));
  });
});

describe("Core.city and Core.policy", () => {
  it("gives a city as a card that leads with the facts its curators chose as headlines", () => {
    const answer = core.city("gz", EN);
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((f) => f.id)).toEqual([
      "a-returnees",
      "a-green-cards",
      "a-ada",
      "a-fair-projects",
    ]);
  });

  it("declines an unknown city with the list of cities it knows", () => {
    const answer = core.city("London", EN);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/Guangzhou, Shenzhen/);
  });

  it("does not take a programme for a city", () => {
    expect(core.city("green card", EN).answered).toBe(false);
  });

  it("finds a programme by an alias", () => {
    expect(core.policy("green cards", EN).title).toMatch(/^talent green card/);
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
