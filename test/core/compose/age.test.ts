import { describe, expect, it } from "vitest";
import { ageNote, citeSource, dateLabel } from "../../../src/core/compose/age.js";
import { TODAY } from "../../helpers.js";

describe("dateLabel", () => {
  it("writes partial dates in words", () => {
    expect(dateLabel({ when: "2017", estimated: false })).toBe("2017");
    expect(dateLabel({ when: "2017-07", estimated: false })).toBe("July 2017");
    expect(dateLabel({ when: "2018-12-21", estimated: false })).toBe("21 December 2018");
  });

  it("marks an estimated year as an estimate", () => {
    expect(dateLabel({ when: "2025", estimated: true })).toBe("about 2025");
  });
});

describe("ageNote", () => {
  it("says how many years old the figures are", () => {
    expect(ageNote([{ when: "2017-07", estimated: false }], TODAY)).toMatch(/July 2017 \(9 years ago\)/);
  });

  it("gives the span when figures differ in age", () => {
    const note = ageNote(
      [
        { when: "2021-12-15", estimated: false },
        { when: "2017-07", estimated: false },
      ],
      TODAY,
    );
    expect(note).toMatch(/from July 2017 to 15 December 2021 \(4 to 9 years ago\)/);
  });

  it("of figures of one date, one an estimate, spans from the first given to the last", () => {
    const dated = { when: "2025", estimated: false };
    const estimated = { when: "2025", estimated: true };
    expect(ageNote([dated, estimated], TODAY)).toMatch(
      /from 2025 to about 2025 \(about a year ago\).*undated/,
    );
    expect(ageNote([estimated, dated], TODAY)).toMatch(/from about 2025 to 2025 \(about a year ago\)/);
  });

  it("counts the years again on another day, not as on the day first asked", () => {
    const july2017 = [{ when: "2017-07", estimated: false }];
    expect(ageNote(july2017, TODAY)).toMatch(/\(9 years ago\)/);
    expect(ageNote(july2017, new Date("2027-08-01T00:00:00Z"))).toMatch(/\(10 years ago\)/);
    expect(ageNote(july2017, TODAY)).toMatch(/\(9 years ago\)/);
  });

  it("is empty when no figure is used", () => {
    expect(ageNote([], TODAY)).toBe("");
  });
});

describe("citeSource", () => {
  it("cites an undated article as undated, never with an invented date", () => {
    const cited = citeSource({ id: "x", title: "T", publisher: "P", date: null, estimatedYear: 2025 }, TODAY);
    expect(cited.date).toBeNull();
    expect(cited.age).toBe("undated (about 2025)");
  });
});
