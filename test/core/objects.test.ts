import { describe, expect, it } from "vitest";
import { withFields } from "../../src/core/objects.js";

describe("withFields", () => {
  it("given an object and fields, then a new object with the fields replaced or added, the original untouched", () => {
    const base = { title: "Guangzhou", score: 1, sources: ["hotspot"] };
    const next = withFields(base, { title: "Shenzhen", context: "carried" });
    expect(next).toEqual({ title: "Shenzhen", score: 1, sources: ["hotspot"], context: "carried" });
    expect(base).toEqual({ title: "Guangzhou", score: 1, sources: ["hotspot"] });
    expect(next.sources).toBe(base.sources);
  });

  it("keeps the fields in the order a spread would give", () => {
    const next = withFields({ a: 1, b: 2 }, { a: 3, c: 4 });
    expect(Object.keys(next)).toEqual(["a", "b", "c"]);
  });
});
