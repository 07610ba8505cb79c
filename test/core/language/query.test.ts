import { describe, expect, it } from "vitest";
import { changedQuery, queryOf } from "../../../src/core/language/query.js";
import { understand } from "../../../src/core/language/understand.js";
import { realCore } from "../../helpers.js";

const core = realCore();
const read = (question: string) => understand(question, core.vocabulary, "en");
const QUESTIONS = [
  "How many incubators does Guangzhou have?",
  "Apart from Beijing and Shanghai, which cities do returnee founders pick?",
  "Did the CEOT open in 2017 or 2018?",
  "What did the mayor of Hangzhou say about talents?",
  "hangzhou overseas talents 2020",
];

describe("a query has one set of fields, in one order", () => {
  it("given only the fields every question has, then every other field is there, undefined", () => {
    const query = queryOf({ language: "en", entities: [], terms: [], type: "any", years: [], context: [] });
    expect(Object.keys(query)).toEqual(Object.keys(read("How many incubators does Guangzhou have?")));
    expect(query.counted).toBeUndefined();
    expect("excluded" in query).toBe(true);
  });

  it("given questions that say different things, then their queries have the same fields in the same order", () => {
    const keys = QUESTIONS.map((q) => Object.keys(read(q)).join());
    expect(new Set(keys).size).toBe(1);
  });

  it("given a changed query, then only the fields changed differ, and the order is kept", () => {
    const query = read("Did the CEOT open in 2017 or 2018?");
    const changed = changedQuery(query, { years: ["2019"] });
    expect(Object.keys(changed)).toEqual(Object.keys(query));
    expect(changed.years).toEqual(["2019"]);
    expect(changed.eitherYear).toBe(query.eitherYear);
    expect(query.years).toEqual(["2017", "2018"]);
  });

  it("given words read plainly, guessed from WordNet or corrected from a typo, then every term has the same fields", () => {
    const terms = [
      "how many incubators does guangzhou have",
      "how meny cohorts of returnees",
      "how much do returnees earn",
    ].flatMap((q) => read(q).terms);
    expect(terms.length).toBeGreaterThan(3);
    expect(new Set(terms.map((t) => Object.keys(t).join())).size).toBe(1);
  });
});
