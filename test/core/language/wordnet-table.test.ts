import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { vocabulary } from "../../../scripts/kb-vocabulary.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../../src/core/knowledge/loader.js";

const dir = defaultKnowledgeDir();
const table = JSON.parse(readFileSync(path.join(dir, "wordnet.json"), "utf8")) as Record<string, string>;
const vocab = vocabulary(loadKnowledge(dir));

describe("knowledge/wordnet.json", () => {
  it("maps words the knowledge base does not use onto WordNet synonyms it does", () => {
    expect(table.aggregate).toBe("total");
    expect(table.sum).toBe("total");
    expect(table.comeback).toBe("return");
    expect(table.annually).toBe("yearly");
  });

  it("maps phrases, keyed by the lemmas of their words", () => {
    expect(table["come back"]).toBe("return");
    expect(table["give back"]).toBe("return");
  });

  it("maps only onto the knowledge base's vocabulary, so it is rebuilt when knowledge/ changes", () => {
    const strays = Object.entries(table).filter(([, word]) => !vocab.occurrences.has(word));
    expect(strays).toEqual([]);
  });

  it("never maps a word the knowledge base already uses", () => {
    const used = Object.keys(table).filter((key) => vocab.occurrences.has(key));
    expect(used).toEqual([]);
  });

  it("keeps its keys sorted, so a rebuild diffs cleanly", () => {
    const keys = Object.keys(table);
    expect(keys).toEqual([...keys].sort());
  });
});
