import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../../src/core/core.js";
import { checkKnowledge } from "../../../src/core/knowledge/kb-check.js";
import { loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { copyOfFixture, editedFixture, realCore, runCli } from "../../helpers.js";

type Json = Record<string, unknown> & { id: string };

const brokenFixture = (file: string, edit: (records: Json[]) => void) => editedFixture<Json>(file, edit);

function record(records: Json[], id: string): Json {
  const found = records.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no record ${id}`);
  return found;
}

/** The warnings for a knowledge folder, read with its own vocabulary as the CLI reads it. */
function warningsFor(dir: string): string[] {
  const core = new Core(loadKnowledge(dir));
  return checkKnowledge(core.kb, core.vocabulary);
}

/** Chinese text for every fact, entity and FAQ entry of a knowledge folder but those left out. */
function addChinese(dir: string, leaveOut: readonly string[] = []): void {
  const kb = loadKnowledge(dir);
  const keep = (id: string) => !leaveOut.includes(id);
  const write = (sub: string, content: Record<string, unknown>) => {
    mkdirSync(path.join(dir, "zh", sub), { recursive: true });
    writeFileSync(path.join(dir, "zh", sub, "all.json"), JSON.stringify(content));
  };
  write("facts", Object.fromEntries([...kb.facts.keys()].filter(keep).map((id) => [id, "事实"])));
  write(
    "entities",
    Object.fromEntries(
      [...kb.entities.keys()].filter(keep).map((id) => [id, { name: "名称", summary: "简介" }]),
    ),
  );
  write(
    "faq",
    Object.fromEntries(
      kb.faqs
        .map((f) => f.id)
        .filter(keep)
        .map((id) => [id, ["问题"]]),
    ),
  );
}

describe("keywords that can never match", () => {
  it("warns of a keyword made only of stop words, naming the fact", () => {
    const dir = brokenFixture("facts/alpha.json", (facts) => {
      record(facts, "a-returnees").keywords = ["attracted", "how many", "how many returnees"];
    });
    const warnings = warningsFor(dir).filter((w) => w.includes("can never match"));
    expect(warnings).toEqual([expect.stringMatching(/a-returnees.*"how many"/)]);
  });

  it("warns of a keyword whose only word is a stop word in another form ('counted')", () => {
    const dir = brokenFixture("facts/alpha.json", (facts) => {
      record(facts, "a-returnees").keywords = ["counted"];
    });
    expect(warningsFor(dir)).toContainEqual(expect.stringMatching(/a-returnees.*"counted".*can never match/));
  });

  it("takes an acronym in capitals for a word, not for a stop word", () => {
    const dir = brokenFixture("facts/alpha.json", (facts) => {
      record(facts, "a-returnees").keywords = ["US", "us"];
    });
    const warnings = warningsFor(dir).filter((w) => w.includes("can never match"));
    expect(warnings).toEqual([expect.stringContaining('"us"')]);
  });
});

describe("aliases that repeat others", () => {
  it("does not warn of an alias that splits the name into syllables, whose words typo correction learns", () => {
    // The fixture itself spells Guangzhou "Guang Zhou" among its aliases.
    expect(warningsFor(copyOfFixture()).join("\n")).not.toMatch(/alias "Guang Zhou"/);
  });

  it("warns of an alias that only re-spells the name or a split of it, bringing no word of its own", () => {
    const dir = brokenFixture("entities/all.json", (entities) => {
      record(entities, "guangzhou").aliases = ["GuangZhou", "Guang Zhou", "guang-zhou"];
    });
    const warnings = warningsFor(dir).filter((w) => w.startsWith("entity guangzhou: alias"));
    expect(warnings).toEqual([
      expect.stringMatching(/"GuangZhou" repeats its name "Guangzhou"/),
      expect.stringMatching(/"guang-zhou" repeats its alias "Guang Zhou"/),
    ]);
  });

  it("warns of an alias that differs from another alias only in case and punctuation", () => {
    const dir = brokenFixture("entities/all.json", (entities) => {
      record(entities, "green-card").aliases = ["green card", "Green-Card", "green cards"];
    });
    const warnings = warningsFor(dir).filter((w) => w.startsWith("entity green-card: alias"));
    expect(warnings).toEqual([expect.stringMatching(/"Green-Card" repeats its alias "green card"/)]);
  });

  it("does not warn of distinct aliases", () => {
    const warnings = warningsFor(copyOfFixture()).filter((w) => w.includes("repeats its"));
    expect(warnings.join("\n")).not.toMatch(/Canton|GZ|广州/);
  });
});

describe("FAQ phrasings that only repeat the fact text", () => {
  it("warns of a phrasing whose words all stand in the first answering fact", () => {
    const dir = brokenFixture("faq/alpha.json", (faqs) => {
      const faq = record(faqs, "q-green-cards");
      faq.questions = [...(faq.questions as string[]), "guangzhou talent green cards"];
    });
    expect(warningsFor(dir).filter((w) => w.includes("only repeats the text"))).toEqual([
      expect.stringMatching(/faq q-green-cards: phrasing "guangzhou talent green cards".*a-green-cards/),
    ]);
  });

  it("warns of a phrasing that is the fact text itself", () => {
    const dir = brokenFixture("faq/alpha.json", (faqs) => {
      const faq = record(faqs, "q-green-cards");
      faq.questions = [
        ...(faq.questions as string[]),
        "Guangzhou had issued 2,515 talent green cards by mid-2017.",
      ];
    });
    expect(warningsFor(dir)).toContainEqual(expect.stringMatching(/q-green-cards.*only repeats the text/));
  });

  it("does not warn of phrasings that ask in words of their own", () => {
    expect(warningsFor(copyOfFixture()).filter((w) => w.includes("only repeats the text"))).toEqual([]);
  });
});

describe("Chinese text", () => {
  it("warns of each fact, entity and FAQ entry with no Chinese text, and of nothing else", () => {
    const dir = copyOfFixture();
    addChinese(dir, ["a-returnees", "shenzhen", "q-green-cards"]);
    expect(warningsFor(dir).filter((w) => w.includes("has no Chinese"))).toEqual([
      expect.stringMatching(/^fact a-returnees: .*zh\/facts/),
      expect.stringMatching(/^entity shenzhen: .*zh\/entities/),
      expect.stringMatching(/^faq q-green-cards: .*zh\/faq/),
    ]);
  });

  it("finds Chinese text for every fact, entity and FAQ entry of the bundled knowledge base", () => {
    const { kb, vocabulary } = realCore();
    expect(checkKnowledge(kb, vocabulary).filter((w) => w.includes("has no Chinese"))).toEqual([]);
  });
});

describe("returnee-bot kb-check", () => {
  async function kbCheck(env: NodeJS.ProcessEnv): Promise<{ code: number; lines: string[] }> {
    const { code, out } = await runCli(["kb-check"], env);
    return { code, lines: out.trim().split("\n") };
  }

  it("prints the counts, then each warning, then how many, and exits 0", async () => {
    const { code, lines } = await kbCheck({ KNOWLEDGE_DIR: copyOfFixture(), UNANSWERED_LOG: "off" });
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^knowledge OK: \d+ sources/);
    const warnings = lines.slice(1, -1);
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => l.startsWith("warning: "))).toBe(true);
    expect(lines.at(-1)).toBe(`${warnings.length} warnings`);
  });

  it("prints only the counts for the bundled knowledge base, which has nothing to warn of", async () => {
    const { code, lines } = await kbCheck({ UNANSWERED_LOG: "off" });
    expect(code).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/^knowledge OK: \d+ sources, \d+ entities/)]);
  });
});
