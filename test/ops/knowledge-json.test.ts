import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultKnowledgeDir } from "../../src/core/knowledge/loader.js";
import { appendItem, appendKey, appendToArray, knowledgeJson } from "../../src/ops/knowledge-json.js";

const curated = (file: string) => readFileSync(path.join(defaultKnowledgeDir(), file), "utf8");

/** The lines of `after` that are not in `before`, in order: what a diff shows as added (the old last item gains a comma). */
function added(before: string, after: string): string[] {
  const old = before.split("\n");
  return after.split("\n").filter((line) => {
    const i = old.indexOf(line);
    if (i === -1) return true;
    old.splice(i, 1);
    return false;
  });
}

describe("knowledge files edited in place", () => {
  it("adds a phrasing to a curated FAQ's open list as one line at its items' indent", () => {
    const before = curated("faq/hz-magnet.json");
    const after = appendToArray(before, [0, "questions"], ["hangzhou ranking for expats"]);
    expect(added(before, after)).toEqual([
      '      "Is Hangzhou in the top three cities for foreign talent?",',
      '      "hangzhou ranking for expats"',
    ]);
    expect(after.replace(',\n      "hangzhou ranking for expats"', "")).toBe(before);
    expect(JSON.parse(after)[0].questions.at(-1)).toBe("hangzhou ranking for expats");
  });

  it("adds a Chinese phrasing to a curated Chinese FAQ file, and a new FAQ id at its end, keeping the rest", () => {
    const before = curated("zh/faq/hz-magnet.json");
    const withPhrasing = appendToArray(before, ["faq-hzm-poll"], ["谁搞的这个排名"]);
    expect(added(before, withPhrasing)).toEqual([
      '    "最具吸引力城市评选是谁发布的",',
      '    "谁搞的这个排名"',
    ]);
    const withKey = appendKey(before, "faq-new", ["新的问题"]);
    expect(added(before, withKey)).toEqual(["  ],", '  "faq-new": ["新的问题"]']);
    expect(JSON.parse(withKey)["faq-new"]).toEqual(["新的问题"]);
  });

  it("adds an FAQ entry at the end of a curated FAQ file, laid out as the others", () => {
    const before = curated("faq/hz-magnet.json");
    const after = appendItem(before, { id: "faq-new", questions: ["a", "b"], facts: ["x"] });
    expect(added(before, after)).toEqual([
      "  },",
      "  {",
      '    "id": "faq-new",',
      '    "questions": ["a", "b"],',
      '    "facts": ["x"]',
    ]);
    expect(after.endsWith("}\n]\n")).toBe(true);
  });

  it("writes a new file with short lists on one line and long ones a value a line, ending with a newline", () => {
    expect(knowledgeJson({ facts: ["a", "b"], questions: ["x".repeat(60), "y".repeat(60)] })).toBe(
      `{\n  "facts": ["a", "b"],\n  "questions": [\n    "${"x".repeat(60)}",\n    "${"y".repeat(60)}"\n  ]\n}\n`,
    );
  });
});
