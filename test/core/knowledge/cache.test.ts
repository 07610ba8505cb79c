import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../../src/core/core.js";
import { loadCachedKnowledge } from "../../../src/core/knowledge/cache.js";
import { KnowledgeError, loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { answerTo, copyOfFixture, editedFixture, runCli } from "../../helpers.js";

const QUESTION = "How many green cards has Guangzhou issued?";

describe("the knowledge cache", () => {
  it("given a folder loaded once, then the next load comes from its cache and answers the same", () => {
    const dir = copyOfFixture();
    const first = Core.load({ knowledgeDir: dir });
    const again = loadCachedKnowledge(dir);
    expect(again.saved).toBeDefined();
    expect(again.kb).toEqual(loadKnowledge(dir));
    const cached = Core.load({ knowledgeDir: dir });
    expect(answerTo(cached, QUESTION)).toEqual(answerTo(first, QUESTION));
    expect(cached.explain(QUESTION, "en")).toBe(first.explain(QUESTION, "en"));
  });

  it("given a cached folder whose file then breaks, then loading stops with the file named", () => {
    const dir = copyOfFixture();
    Core.load({ knowledgeDir: dir });
    const file = path.join(dir, "sources.json");
    const sources = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>[];
    writeFileSync(file, JSON.stringify([{ ...sources[0], url: 42 }]));
    expect(() => Core.load({ knowledgeDir: dir })).toThrow(KnowledgeError);
    expect(() => Core.load({ knowledgeDir: dir })).toThrow(/sources\.json/);
  });

  it("given a cached folder whose fact changes, then the answer says the new fact", () => {
    const dir = copyOfFixture();
    const before = answerTo(Core.load({ knowledgeDir: dir }), QUESTION);
    const file = factFileWith(dir, "2,515");
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("2,515", "2,516"));
    const after = answerTo(Core.load({ knowledgeDir: dir }), QUESTION);
    expect(JSON.stringify(before)).toContain("2,515");
    expect(JSON.stringify(after)).toContain("2,516");
    expect(JSON.stringify(after)).not.toContain("2,515");
  });

  it("given a cached folder whose property gains an alias, then the cached core names the property by it", () => {
    const dir = copyOfFixture();
    const namedBy = (core: Core, words: string) =>
      core.claims
        .propertiesIn(
          core.vocabulary.read(words).terms.map((t) => ({ term: t.term, weight: 1 })),
          "en",
        )
        .map((p) => p.property.id);
    expect(namedBy(Core.load({ knowledgeDir: dir }), "residence permits")).not.toContain(
      "green-cards-issued",
    );
    editedFixture<{ id: string; aliases: string[] }>(
      "properties/all.json",
      (properties) => {
        properties.find((p) => p.id === "green-cards-issued")?.aliases.push("residence permits");
      },
      dir,
    );
    expect(namedBy(Core.load({ knowledgeDir: dir }), "residence permits")).toContain("green-cards-issued");
    expect(loadCachedKnowledge(dir).saved).toBeDefined();
    expect(namedBy(Core.load({ knowledgeDir: dir }), "residence permits")).toContain("green-cards-issued");
  });

  it("given a folder not indexed yet, then ask says so once on standard error, and standard output holds only the answer", async () => {
    const dir = copyOfFixture();
    const env = { KNOWLEDGE_DIR: dir, UNANSWERED_LOG: "off" };
    const first = await runCli(["ask", QUESTION], env);
    const again = await runCli(["ask", QUESTION], env);
    expect(first.err).toBe(`returnee-bot: indexing ${dir} (first start after a change)…\n`);
    expect(again.err).toBe("");
    expect(first.out).toBe(again.out);
    expect(first.out).toContain("2,515");
  });
});

function factFileWith(dir: string, text: string): string {
  const facts = path.join(dir, "facts");
  const name = readdirSync(facts).find((n) => readFileSync(path.join(facts, n), "utf8").includes(text));
  if (name === undefined) throw new Error(`no fixture fact holds ${text}`);
  return path.join(facts, name);
}
