import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Core } from "../../../src/core/core.js";
import { KnowledgeError, loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { copyOfFixture, FIXTURE_KNOWLEDGE, fixtureWithGrammar } from "../../helpers.js";

/** Loads a copy of the fixture after changing one file, and returns the error it stops with. */
function breakFile(file: string, change: (data: unknown[]) => unknown): KnowledgeError {
  const dir = copyOfFixture();
  const target = path.join(dir, file);
  writeFileSync(target, JSON.stringify(change(JSON.parse(readFileSync(target, "utf8")))));
  try {
    loadKnowledge(dir);
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error("the broken knowledge base loaded");
}

type Row = Record<string, unknown>;
const first = (data: unknown[]) => data[0] as Row;

describe("loadKnowledge", () => {
  it("loads every file and reference of a well-formed knowledge base", () => {
    const kb = loadKnowledge(FIXTURE_KNOWLEDGE);
    expect(kb.sources.size).toBe(2);
    expect(kb.entities.get("fair")?.within).toBe("guangzhou");
    expect(kb.facts.get("a-green-cards")?.figures).toEqual([
      { text: "2,515", type: "count" },
      { text: "2017", type: "date" },
    ]);
    expect(kb.faqs).toHaveLength(1);
    expect(kb.synonyms[0]).toContain("haigui");
  });

  it("loads the curated knowledge base without a problem", () => {
    const kb = loadKnowledge();
    expect(kb.sources.size).toBe(5);
    expect(kb.facts.size).toBeGreaterThan(0);
  });

  it("accepts a file that starts with a UTF-8 byte-order mark, as some editors write", () => {
    const dir = copyOfFixture();
    const file = path.join(dir, "sources.json");
    writeFileSync(file, `\uFEFF${readFileSync(file, "utf8")}`);
    expect(loadKnowledge(dir).sources.size).toBe(2);
  });

  it("names the file and the parse error when a file is not JSON", () => {
    const dir = copyOfFixture();
    writeFileSync(path.join(dir, "facts", "alpha.json"), "[{ not json");
    expect(() => loadKnowledge(dir)).toThrow(/knowledge\/facts\/alpha\.json:\n.*JSON/);
  });

  it("names the path inside the file when a field is missing", () => {
    const error = breakFile("facts/alpha.json", (data) => {
      delete first(data).topic;
      return data;
    });
    expect(error.file).toBe(path.join("knowledge", "facts", "alpha.json"));
    expect(error.problems.join()).toMatch(/\[0\]\.topic:/);
  });

  it("rejects a field of the wrong kind, such as a malformed date", () => {
    const error = breakFile("sources.json", (data) => {
      first(data).date = "6 Sept 2017";
      return data;
    });
    expect(error.message).toMatch(/sources\.json[\s\S]*\[0\]\.date/);
  });

  it("rejects a field the schema does not know, which is usually a typo", () => {
    const error = breakFile("entities/all.json", (data) => {
      first(data).alias = ["x"];
      return data;
    });
    expect(error.problems.join()).toMatch(/alias/);
  });

  it("rejects a fact that names an unknown source", () => {
    const error = breakFile("facts/beta.json", (data) => {
      first(data).source = "gamma";
      return data;
    });
    expect(error.problems).toEqual(['[0].source: unknown source "gamma"']);
  });

  it("rejects a fact that names an unknown entity", () => {
    const error = breakFile("facts/alpha.json", (data) => {
      first(data).entities = ["guangzhou", "atlantis"];
      return data;
    });
    expect(error.problems).toEqual(['[0].entities[1]: unknown entity "atlantis"']);
  });

  it("rejects a figure that the fact's text does not state", () => {
    const error = breakFile("facts/alpha.json", (data) => {
      first(data).figures = [{ text: "68,000", type: "count" }];
      return data;
    });
    expect(error.problems.join()).toMatch(/"68,000" does not appear in the text/);
  });

  it("rejects a claim of a property marked as given by no source", () => {
    const error = breakFile("properties/all.json", (data) => {
      first(data).unsourced = true;
      return data;
    });
    expect(error.problems.join()).toMatch(/"returnees-drawn" is marked unsourced, which no claim may hold/);
  });

  it("rejects an FAQ answered by an unknown fact", () => {
    const error = breakFile("faq/alpha.json", (data) => {
      first(data).facts = ["nowhere"];
      return data;
    });
    expect(error.problems).toEqual(['[0].facts[0]: unknown fact "nowhere"']);
  });

  it("rejects an id used twice", () => {
    const error = breakFile("facts/alpha.json", (data) => [...data, data[0]]);
    expect(error.problems.join()).toMatch(/"a-returnees" is used twice/);
  });

  it("rejects a name shared by two entities, since a question could not tell them apart", () => {
    const error = breakFile("entities/all.json", (data) => {
      (data[1] as Row).aliases = ["Canton"];
      return data;
    });
    expect(error.problems.join()).toMatch(/"Canton" also belongs to entity "guangzhou"/);
  });

  it("rejects an entity within an unknown one", () => {
    const error = breakFile("entities/all.json", (data) => {
      (data[3] as Row).within = "nowhere";
      return data;
    });
    expect(error.problems).toEqual(['[3].within: unknown entity "nowhere"']);
  });

  it("rejects an undated source with no estimated year, rather than inventing a date", () => {
    const error = breakFile("sources.json", (data) => {
      delete (data[1] as Row).estimatedYear;
      return data;
    });
    expect(error.problems.join()).toMatch(/undated source needs an estimatedYear/);
  });
});

/** The error loading `dir` stops with, through the cache as the bot loads it. */
function loadError(dir: string): KnowledgeError {
  try {
    Core.load({ knowledgeDir: dir });
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error("the broken knowledge base loaded");
}

describe("loadKnowledge: files that are not what they seem", () => {
  it("refuses a named pipe by name at once, instead of waiting for a writer", () => {
    const dir = copyOfFixture();
    execFileSync("mkfifo", [path.join(dir, "entities", "pipe.json")]);
    const error = loadError(dir);
    expect(error.file).toBe(path.join("knowledge", "entities", "pipe.json"));
    expect(error.problems).toEqual([
      "is not a plain file (a folder, a named pipe or a device); knowledge files must be",
    ]);
  });

  it("refuses a link to /dev/zero by name, instead of reading without end", () => {
    const dir = copyOfFixture();
    symlinkSync("/dev/zero", path.join(dir, "facts", "zero.json"));
    expect(loadError(dir).file).toBe(path.join("knowledge", "facts", "zero.json"));
  });

  it("shows 20 problems of a huge invalid file, each cut short, and counts the rest", () => {
    const dir = copyOfFixture();
    const bad = { id: "x".repeat(2000), text: 1 };
    writeFileSync(
      path.join(dir, "facts", "alpha.json"),
      JSON.stringify(Array.from({ length: 2_000 }, () => bad)),
    );
    const error = loadError(dir);
    expect(error.problems.length).toBeGreaterThan(2_000);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe(`  …and ${error.problems.length - 20} more problems`);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(304);
  });
});

describe("loadKnowledge: Chinese text given twice", () => {
  /** A copy of the fixture with these zh/facts files. */
  function withChinese(files: Record<string, string>): string {
    const dir = copyOfFixture();
    mkdirSync(path.join(dir, "zh", "facts"), { recursive: true });
    for (const [name, text] of Object.entries(files))
      writeFileSync(path.join(dir, "zh", "facts", name), text);
    return dir;
  }

  it("rejects a fact's Chinese text given in two files, naming both", () => {
    const dir = withChinese({
      "a.json": JSON.stringify({ "a-returnees": "海归" }),
      "b.json": JSON.stringify({ "a-returnees": "留学归国人员" }),
    });
    const error = loadError(dir);
    expect(error.file).toBe(path.join("knowledge", "zh", "facts", "b.json"));
    expect(error.problems).toEqual([
      `.a-returnees: "a-returnees" is also given in ${path.join("knowledge", "zh", "facts", "a.json")}`,
    ]);
  });

  it("rejects a key given twice in one file, which JSON would quietly collapse", () => {
    const dir = withChinese({
      "a.json": '{\n  "a-returnees": "海归",\n  "a-ada" : "阿达",\n  "a-returnees" :"留学"\n}',
    });
    expect(loadError(dir).problems).toEqual(['.a-returnees: "a-returnees" is given twice in this file']);
  });
});

describe("the grammar files", () => {
  /** The error loading a copy of the fixture stops with, its grammar file for one language changed. */
  function grammarError<L extends "en" | "zh">(
    language: L,
    edit: Parameters<typeof fixtureWithGrammar<L>>[1],
  ): KnowledgeError {
    try {
      loadKnowledge(fixtureWithGrammar(language, edit));
    } catch (error) {
      if (error instanceof KnowledgeError) return error;
      throw error;
    }
    throw new Error("the broken grammar loaded");
  }

  it("reads the package's grammar for a folder that has none of its own", () => {
    expect(loadKnowledge(FIXTURE_KNOWLEDGE).grammar).toEqual(loadKnowledge().grammar);
  });

  it("reads a folder's own grammar file in place of the package's", () => {
    const dir = fixtureWithGrammar("en", (grammar) => {
      grammar.followUp.opens.push("now for");
    });
    expect(loadKnowledge(dir).grammar.en.followUp.opens).toContain("now for");
  });

  it("refuses a follow-up list that is not a list of words, naming the file and the path", () => {
    const error = grammarError("en", (grammar) => ({
      ...grammar,
      followUp: { ...grammar.followUp, opens: "and" },
    }));
    expect(error.file).toBe("knowledge/grammar/en.json");
    expect(error.problems.join("\n")).toContain(".followUp.opens");
  });

  it("refuses a kind of answer the reader does not know", () => {
    const error = grammarError("en", (grammar) => {
      grammar.answerTypes[0] = { ...grammar.answerTypes[0], type: "colour" } as never;
    });
    expect(error.problems.join("\n")).toMatch(/\.answerTypes\[0\]\.type/);
  });

  it("refuses a missing list and a key it does not know, which is usually a typo", () => {
    const error = grammarError("en", ({ stopwords: _gone, ...grammar }) => ({ ...grammar, stopword: ["a"] }));
    const problems = error.problems.join("\n");
    expect(problems).toContain(".stopwords");
    expect(problems).toContain("stopword");
  });

  it("refuses a Chinese filler of more than one character, naming the Chinese file", () => {
    const error = grammarError("zh", (grammar) => {
      grammar.filler.push("请问");
    });
    expect(error.file).toBe("knowledge/grammar/zh.json");
    expect(error.problems.join("\n")).toMatch(/\.filler\[\d+\]: must be one character/);
  });

  it("refuses a month list that does not name twelve months", () => {
    const error = grammarError("en", (grammar) => {
      grammar.figures.months.pop();
    });
    expect(error.problems.join("\n")).toMatch(/\.figures\.months: must name the twelve months/);
  });
});
