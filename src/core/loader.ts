import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  EntitiesFile,
  type Entity,
  type Fact,
  FactsFile,
  type Faq,
  FaqFile,
  LexiconFile,
  type Source,
  SourcesFile,
  SynonymsFile,
  WordnetFile,
  ZhEntitiesFile,
  ZhFactsFile,
  ZhFaqFile,
} from "./schema.js";
import { compact } from "./text.js";
import type { z } from "./zod.js";

export interface KnowledgeBase {
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  facts: ReadonlyMap<string, Fact>;
  faqs: readonly Faq[];
  /** Groups of words a reader uses interchangeably. */
  synonyms: readonly (readonly string[])[];
  /** The Chinese side: each fact's text, each entity's name and summary, more FAQ phrasings. */
  zh: ChineseKnowledge;
  /** Chinese words of the domain, each group headed by the English word they mean. */
  lexicon: readonly (readonly string[])[];
  /** English words the knowledge base does not use → the word of its own they mean (WordNet). */
  wordnet: ReadonlyMap<string, string>;
}

export interface ChineseKnowledge {
  facts: ReadonlyMap<string, string>;
  entities: ReadonlyMap<string, { name: string; summary: string }>;
  faqs: ReadonlyMap<string, readonly string[]>;
}

/** A knowledge file that cannot be used, with every problem found in it. */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "KnowledgeError";
  }
}

/** The knowledge/ folder of this package, found from this module whether it runs from src/ or dist/. */
export function defaultKnowledgeDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the package root above the core module");
    dir = parent;
  }
  return path.join(dir, "knowledge");
}

function where(p: readonly PropertyKey[]): string {
  return p.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("") || "(top level)";
}

function readJson<T>(file: string, label: string, schema: z.ZodMiniType<T>): T {
  let raw: unknown;
  try {
    // A byte-order mark, as some editors on Windows write, is not part of the JSON.
    raw = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new KnowledgeError(label, [error instanceof Error ? error.message : String(error)]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new KnowledgeError(
      label,
      parsed.error.issues.map((i) => `${where(i.path)}: ${i.message}`),
    );
  }
  return parsed.data;
}

/** An optional JSON file: its parsed content, or the fallback when it is absent. */
function readOptional<T>(dir: string, name: string, schema: z.ZodMiniType<T>, fallback: T): T {
  const file = path.join(dir, name);
  return existsSync(file) ? readJson(file, path.join(path.basename(dir), name), schema) : fallback;
}

/** Every .json file of a folder holding one object each, merged, each key remembering its file. */
function readRecords<T>(
  dir: string,
  sub: string,
  schema: z.ZodMiniType<Record<string, T>>,
): Map<string, Row<T>> {
  const folder = path.join(dir, sub);
  const rows = new Map<string, Row<T>>();
  if (!existsSync(folder)) return rows;
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const label = path.join(path.basename(dir), sub, name);
    Object.entries(readJson(path.join(folder, name), label, schema)).forEach(([id, record], index) => {
      rows.set(id, { label, record, index });
    });
  }
  return rows;
}

function values<T>(rows: Map<string, Row<T>>): Map<string, T> {
  return new Map([...rows].map(([id, row]) => [id, row.record]));
}

interface Row<T> {
  label: string;
  record: T;
  index: number;
}

/** Every .json file in a sub-folder, each parsed whole, as rows that remember their file and position. */
function readFolder<T>(dir: string, sub: string, schema: z.ZodMiniType<T[]>): Row<T>[] {
  const folder = path.join(dir, sub);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const label = path.join(path.basename(dir), sub, name);
      const records = readJson(path.join(folder, name), label, schema);
      return records.map((record, index) => ({ label, record, index }));
    });
}

/** Collects problems per file, then throws for the first file that has any. */
class Problems {
  private readonly byFile = new Map<string, string[]>();
  add(file: string, problem: string): void {
    const list = this.byFile.get(file) ?? [];
    list.push(problem);
    this.byFile.set(file, list);
  }
  throwIfAny(): void {
    for (const [file, problems] of this.byFile) throw new KnowledgeError(file, problems);
  }
}

function indexById<T extends { id: string }>(rows: Row<T>[], problems: Problems): Map<string, T> {
  const map = new Map<string, T>();
  for (const { label, record, index } of rows) {
    if (map.has(record.id)) problems.add(label, `[${index}].id: "${record.id}" is used twice`);
    map.set(record.id, record);
  }
  return map;
}

/**
 * Reads and validates the knowledge base: every file against its schema, then every reference
 * between files. Throws a KnowledgeError naming the file, the path inside it and what is wrong.
 */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const root = path.basename(dir);
  const sourcesLabel = path.join(root, "sources.json");
  const sourceRows = readJson(path.join(dir, "sources.json"), sourcesLabel, SourcesFile).map(
    (record, index) => ({ label: sourcesLabel, record, index }),
  );
  const entityRows = readFolder(dir, "entities", EntitiesFile);
  const factRows = readFolder(dir, "facts", FactsFile);
  const faqRows = readFolder(dir, "faq", FaqFile);
  const synonyms = readOptional(dir, "synonyms.json", SynonymsFile, []);
  const lexicon = readOptional(dir, "zh/lexicon.json", LexiconFile, []);
  const wordnet = readOptional(dir, "wordnet.json", WordnetFile, {});
  const zhFacts = readRecords(dir, "zh/facts", ZhFactsFile);
  const zhEntities = readRecords(dir, "zh/entities", ZhEntitiesFile);
  const zhFaqs = readRecords(dir, "zh/faq", ZhFaqFile);

  const problems = new Problems();
  const sources = indexById(sourceRows, problems);
  const entities = indexById(entityRows, problems);
  const facts = indexById(factRows, problems);
  const faqs = indexById(faqRows, problems);
  const unknownIds = (rows: Map<string, Row<unknown>>, known: ReadonlyMap<string, unknown>, what: string) => {
    for (const [id, { label }] of rows) {
      if (!known.has(id)) problems.add(label, `.${id}: unknown ${what} "${id}"`);
    }
  };
  unknownIds(zhFacts, facts, "fact");
  unknownIds(zhEntities, entities, "entity");
  unknownIds(zhFaqs, faqs, "FAQ");

  for (const { label, record: s, index } of sourceRows) {
    if (s.date === null && s.estimatedYear === undefined) {
      problems.add(label, `[${index}]: an undated source needs an estimatedYear`);
    }
  }
  const aliasOwner = new Map<string, string>();
  for (const { label, record: e, index } of entityRows) {
    if (e.within !== undefined && !entities.has(e.within)) {
      problems.add(label, `[${index}].within: unknown entity "${e.within}"`);
    }
    e.headlines?.forEach((id, i) => {
      if (!facts.get(id)?.entities.includes(e.id)) {
        problems.add(label, `[${index}].headlines[${i}]: "${id}" is not a fact about ${e.id}`);
      }
    });
    for (const name of [e.name, ...e.aliases]) {
      const key = compact(name);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== e.id) {
        problems.add(label, `[${index}]: the name "${name}" also belongs to entity "${owner}"`);
      }
      aliasOwner.set(key, e.id);
    }
  }
  for (const { label, record: f, index } of factRows) {
    if (!sources.has(f.source)) problems.add(label, `[${index}].source: unknown source "${f.source}"`);
    f.entities.forEach((id, i) => {
      if (!entities.has(id)) problems.add(label, `[${index}].entities[${i}]: unknown entity "${id}"`);
    });
    f.figures.forEach((figure, i) => {
      if (!f.text.includes(figure.text)) {
        problems.add(label, `[${index}].figures[${i}]: "${figure.text}" does not appear in the text`);
      }
    });
  }
  for (const { label, record: q, index } of faqRows) {
    q.facts.forEach((id, i) => {
      if (!facts.has(id)) problems.add(label, `[${index}].facts[${i}]: unknown fact "${id}"`);
    });
  }
  problems.throwIfAny();

  return {
    sources,
    entities,
    facts,
    faqs: faqRows.map((r) => r.record),
    synonyms,
    zh: { facts: values(zhFacts), entities: values(zhEntities), faqs: values(zhFaqs) },
    lexicon,
    wordnet: new Map(Object.entries(wordnet)),
  };
}
