import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sizeOf, writeSyntheticKnowledge } from "../../bench/synthetic/generate.js";
import { Core } from "../../src/core/core.js";
import { defaultKnowledgeDir, loadKnowledge } from "../../src/core/knowledge/loader.js";
import { answerTo, FIXTURE_KNOWLEDGE } from "../helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A knowledge folder path that does not exist yet, inside a temp dir removed after the tests. */
function freshDir(): string {
  const temp = mkdtempSync(path.join(tmpdir(), "returnee-synthetic-"));
  made.push(temp);
  return path.join(temp, "knowledge");
}

/** Every file under a folder with its text, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    files.map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(dir, file), readFileSync(file, "utf8")];
    }),
  );
}

describe("writeSyntheticKnowledge", () => {
  it.each([
    ["the fixture knowledge base", FIXTURE_KNOWLEDGE],
    ["the curated knowledge base", defaultKnowledgeDir()],
  ])("grows %s tenfold in every record type, and the real loader accepts it", (_, baseDir) => {
    const base = sizeOf(loadKnowledge(baseDir));
    const outDir = freshDir();
    const promised = writeSyntheticKnowledge({ baseDir, factor: 10, outDir });
    const loaded = sizeOf(loadKnowledge(outDir));
    expect(promised).toEqual({
      sources: base.sources * 10,
      entities: base.entities * 10,
      facts: base.facts * 10,
      faqs: base.faqs * 10,
    });
    expect(loaded).toEqual(promised);
  });

  it("keeps the layout of knowledge/: sources.json and entities, facts, faq and properties folders", () => {
    const outDir = freshDir();
    writeSyntheticKnowledge({ baseDir: FIXTURE_KNOWLEDGE, factor: 3, outDir });
    expect(readdirSync(outDir).sort()).toEqual([
      "entities",
      "facts",
      "faq",
      "properties",
      "sources.json",
      "synonyms.json",
    ]);
    expect(readdirSync(path.join(outDir, "facts"))).toContain("synthetic-000.json");
  });

  it("writes the same files for the same seed, and different ones for another", () => {
    const write = (seed: number) => {
      const outDir = freshDir();
      writeSyntheticKnowledge({ baseDir: FIXTURE_KNOWLEDGE, factor: 5, outDir, seed });
      return snapshot(outDir);
    };
    expect(write(7)).toEqual(write(7));
    expect(write(7)).not.toEqual(write(8));
  });

  it("given an invented FAQ phrasing, then the bot answers it from the invented fact", () => {
    const outDir = freshDir();
    writeSyntheticKnowledge({ baseDir: FIXTURE_KNOWLEDGE, factor: 10, outDir });
    const core = Core.load({ knowledgeDir: outDir });
    const faq = core.kb.faqs.find((f) => f.id === "syn-faq-1");
    const question = faq?.questions[0] ?? "";
    const answer = answerTo(core, question);
    expect(answer.answered).toBe(true);
    expect(answer.facts.map((f) => f.id)).toContain(faq?.facts[0]);
  });

  it("keeps every curated record as it is, so real questions still find their facts", () => {
    const outDir = freshDir();
    writeSyntheticKnowledge({ baseDir: defaultKnowledgeDir(), factor: 2, outDir });
    const real = loadKnowledge(defaultKnowledgeDir());
    const grown = loadKnowledge(outDir);
    for (const [id, fact] of real.facts) expect(grown.facts.get(id)).toEqual(fact);
    for (const [id, entity] of real.entities) expect(grown.entities.get(id)).toEqual(entity);
  });
});
