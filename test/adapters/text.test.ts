import { describe, expect, it } from "vitest";
import { truncate } from "../../src/adapters/text.js";

describe("truncate", () => {
  it("ends with an ellipsis within the limit and never splits a character", () => {
    const cut = truncate("😀".repeat(10), 6);
    expect(cut).toBe("😀😀…");
    expect(cut.length).toBeLessThanOrEqual(6);
  });

  it("leaves text that fits alone", () => {
    expect(truncate("Hangzhou", 8)).toBe("Hangzhou");
  });

  it("never cuts an entity of escaped mrkdwn or a surrogate pair in half", () => {
    for (let max = 2; max < 12; max++) {
      const cut = truncate("ab&amp;&lt;cd😀😀😀", max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.replace(/…$/, "")).not.toMatch(/&(?!amp;|lt;)[a-z]*$/);
      expect(cut).not.toMatch(/[\ud800-\udbff]…?$/);
    }
  });

  it("keeps an ampersand that starts no entity", () => {
    expect(truncate("AT&T and more", 5)).toBe("AT&T…");
  });
});
