import { describe, expect, it } from "vitest";
import { NameShares, type PropertyName } from "../../../src/core/answering/property-names.js";
import type { Property } from "../../../src/core/knowledge/schema.js";

const property = (id: string) => ({ id }) as Property;

/** A name whose words weigh as given, in order. */
function name(order: number, id: string, terms: [string, number][]): PropertyName {
  const weighted = terms.map(([term, weight]) => ({ term, weight }));
  return {
    order,
    property: property(id),
    text: terms.map(([t]) => t).join(" "),
    terms: weighted,
    named: weighted.reduce((sum, w) => sum + w.weight, 0),
  };
}

const greenCards = name(0, "green-cards-issued", [
  ["green", 2],
  ["card", 1],
]);
const returnees = name(1, "returnees-drawn", [["returnee", 1]]);
const shares = new NameShares(
  new Map([
    [
      "en",
      new Map([
        ["green", [greenCards]],
        ["card", [greenCards]],
        ["returnee", [returnees]],
      ]),
    ],
  ]),
);

describe("NameShares", () => {
  it("given a question sharing one word of a name, then the share of the question it accounts for times the share of the name it has", () => {
    const question = [
      { term: "green", weight: 3 },
      { term: "shenzhen", weight: 1 },
    ];
    expect(shares.of(question, 4, "en")).toEqual([{ name: greenCards, share: (3 / 4) * (2 / 3) }]);
  });

  it("given a question sharing two words of a name, then the name comes once, with both words' share", () => {
    const question = [
      { term: "green", weight: 1 },
      { term: "card", weight: 1 },
    ];
    expect(shares.of(question, 2, "en")).toEqual([{ name: greenCards, share: 1 }]);
  });

  it("given the next question sharing the same name, then it comes again: reaching it is forgotten too", () => {
    shares.of([{ term: "green", weight: 1 }], 1, "en");
    expect(shares.of([{ term: "card", weight: 1 }], 1, "en")).toEqual([{ name: greenCards, share: 1 / 3 }]);
  });

  it("forgets the last question's words: a word it asked does not count for the next", () => {
    shares.of([{ term: "card", weight: 5 }], 5, "en");
    expect(shares.of([{ term: "returnee", weight: 1 }], 1, "en")).toEqual([{ name: returnees, share: 1 }]);
    expect(shares.of([{ term: "green", weight: 1 }], 1, "en")[0]?.share).toBeCloseTo(2 / 3);
  });

  it("given a least share, then only the names that reach it", () => {
    const question = [
      { term: "green", weight: 1 },
      { term: "returnee", weight: 1 },
    ];
    // green cards: (1/2)·(2/3) = 1/3; returnees: (1/2)·1 = 1/2.
    expect(shares.of(question, 2, "en", 0.4)).toEqual([{ name: returnees, share: 1 / 2 }]);
    expect(shares.of(question, 2, "en", 1 / 3).map((s) => s.name)).toEqual([greenCards, returnees]);
  });

  it("given a language it has no names in, then none", () => {
    expect(shares.of([{ term: "green", weight: 1 }], 1, "zh")).toEqual([]);
  });
});
