import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultKnowledgeDir } from "../../src/core/loader.js";
import { knowledgeJson } from "../../src/ops/knowledge-json.js";

describe("knowledge files as the inbox writes them", () => {
  it("writes every curated English and Chinese FAQ file back byte for byte", () => {
    for (const sub of ["faq", "zh/faq"]) {
      const folder = path.join(defaultKnowledgeDir(), sub);
      for (const name of readdirSync(folder)) {
        const text = readFileSync(path.join(folder, name), "utf8");
        expect(knowledgeJson(JSON.parse(text)), `${sub}/${name}`).toBe(text);
      }
    }
  });

  it("puts a short list on one line and a long one a value a line, ending with a newline", () => {
    expect(knowledgeJson({ facts: ["a", "b"], questions: ["x".repeat(60), "y".repeat(60)] })).toBe(
      `{\n  "facts": ["a", "b"],\n  "questions": [\n    "${"x".repeat(60)}",\n    "${"y".repeat(60)}"\n  ]\n}\n`,
    );
  });
});
