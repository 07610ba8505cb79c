import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { compact } from "../language/text.js";
import { completeEntity, completeFact, completeSource } from "./complete.js";
import { ChineseGrammarFile, EnglishGrammarFile, type GrammarData } from "./grammar-schema.js";
import { KnowledgeError, readJson, readText } from "./json-file.js";
import { repeatedKeys } from "./json-keys.js";
import { packageRoot } from "./package-root.js";
import { reviewProblems } from "./review.js";
import {
  EntitiesFile,
  type Entity,
  type Fact,
  FactsFile,
  type Faq,
  FaqFile,
  type Inbox,
  InboxFile,
  LexiconFile,
  PropertiesFile,
  type Property,
  type Source,
  SourcesFile,
  SynonymsFile,
  WordnetFile,
  ZhEntitiesFile,
  ZhFactsFile,
  ZhFaqFile,
} from "./schema.js";
import type { z } from "./zod.js";

export interface KnowledgeBase {
  sources: ReadonlyMap<string, Source>;
  entities: ReadonlyMap<string, Entity>;
  facts: ReadonlyMap<string, Fact>;
  faqs: readonly Faq[];
  /** What claims state of their subjects: "talent green cards issued", "founder", "dates held". */
  properties: ReadonlyMap<string, Property>;
  /** Groups of words a reader uses interchangeably. */
  synonyms: readonly (readonly string[])[];
  /** The Chinese side: each fact's text, each entity's name and summary, more FAQ phrasings. */
  zh: ChineseKnowledge;
  /** Chinese words of the domain, each group headed by the English word they mean. */
  lexicon: readonly (readonly string[])[];
  /** English words the knowledge base does not use → the word of its own they mean (WordNet). */
  wordnet: ReadonlyMap<string, string>;
  /** Grammar words, question wording and follow-up openers, per language. */
  grammar: GrammarData;
}

export { KnowledgeError };

export interface ChineseKnowledge {
  facts: ReadonlyMap<string, string>;
  entities: ReadonlyMap<string, { name: string; summary: string }>;
  faqs: ReadonlyMap<string, readonly string[]>;
}

/** The knowledge/ folder of this package, found from this module whether it runs from src/ or dist/. */
export function defaultKnowledgeDir(): string {
  return path.join(packageRoot(), "knowledge");
}

/** An optional JSON file: its parsed content, or the fallback when it is absent. */
function readOptional<T>(dir: string, name: string, schema: z.ZodMiniType<T>, fallback: T): T {
  const file = path.join(dir, name);
  return existsSync(file) ? readJson(file, path.join(path.basename(dir), name), schema) : fallback;
}

/**
 * The grammar words of both languages: a folder's own grammar/en.json and grammar/zh.json, each
 * else the package's, since grammar belongs to a language rather than to what a folder knows.
 */
export function readGrammar(dir: string = defaultKnowledgeDir()): GrammarData {
  const read = <T>(name: string, schema: z.ZodMiniType<T>): T => {
    const from = existsSync(path.join(dir, "grammar", name)) ? dir : defaultKnowledgeDir();
    return readJson(
      path.join(from, "grammar", name),
      path.join(path.basename(from), "grammar", name),
      schema,
    );
  };
  return { en: read("en.json", EnglishGrammarFile), zh: read("zh.json", ChineseGrammarFile) };
}

/**
 * Every .json file of a folder holding one object each, merged, each key remembering its file. A
 * key given twice, in one file or in two, is a problem: JSON would silently keep the last.
 */
function readRecords<T>(
  dir: string,
  sub: string,
  schema: z.ZodMiniType<Record<string, T>>,
  problems: Problems,
): Map<string, Row<T>> {
  const folder = path.join(dir, sub);
  const rows = new Map<string, Row<T>>();
  if (!existsSync(folder)) return rows;
  for (const name of readdirSync(folder)
    .filter((n) => n.endsWith(".json"))
    .sort()) {
    const label = path.join(path.basename(dir), sub, name);
    const file = path.join(folder, name);
    const text = readText(file, label);
    const records = readJson(file, label, schema, text);
    for (const id of repeatedKeys(text)) problems.add(label, `.${id}: "${id}" is given twice in this file`);
    Object.entries(records).forEach(([id, record], index) => {
      const earlier = rows.get(id);
      if (earlier !== undefined) problems.add(label, `.${id}: "${id}" is also given in ${earlier.label}`);
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
function readFolder<T>(
  dir: string,
  sub: string,
  schema: z.ZodMiniType<T[]>,
  complete: (record: T) => T = (record) => record,
): Row<T>[] {
  const folder = path.join(dir, sub);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      const label = path.join(path.basename(dir), sub, name);
      const records = readJson(path.join(folder, name), label, schema);
      return records.map((record, index) => ({ label, record: complete(record), index }));
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

/** The file of the curators' inbox states in a knowledge folder. */
export const INBOX_FILE = "inbox.json";

/**
 * The curators' inbox states of a knowledge folder (none when it has no inbox.json), validated:
 * a malformed file is a KnowledgeError naming it and the path inside it. The bot never reads it.
 */
export function loadInbox(dir: string = defaultKnowledgeDir()): Inbox {
  return readOptional(dir, INBOX_FILE, InboxFile, { version: 1, groups: {} });
}

/**
 * Reads and validates the knowledge base: every file against its schema, then every reference
 * between files. Throws a KnowledgeError naming the file, the path inside it and what is wrong.
 */
export function loadKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const root = path.basename(dir);
  const sourcesLabel = path.join(root, "sources.json");
  const sourceRows = readJson(path.join(dir, "sources.json"), sourcesLabel, SourcesFile).map(
    (record, index) => ({ label: sourcesLabel, record: completeSource(record), index }),
  );
  const entityRows = readFolder(dir, "entities", EntitiesFile, completeEntity);
  const factRows = readFolder(dir, "facts", FactsFile, completeFact);
  const faqRows = readFolder(dir, "faq", FaqFile);
  const propertyRows = readFolder(dir, "properties", PropertiesFile);
  const synonyms = readOptional(dir, "synonyms.json", SynonymsFile, []);
  const lexicon = readOptional(dir, "zh/lexicon.json", LexiconFile, []);
  const wordnet = readOptional(dir, "wordnet.json", WordnetFile, {});
  const grammar = readGrammar(dir);
  const problems = new Problems();
  const zhFacts = readRecords(dir, "zh/facts", ZhFactsFile, problems);
  const zhEntities = readRecords(dir, "zh/entities", ZhEntitiesFile, problems);
  const zhFaqs = readRecords(dir, "zh/faq", ZhFaqFile, problems);

  const sources = indexById(sourceRows, problems);
  const entities = indexById(entityRows, problems);
  const facts = indexById(factRows, problems);
  const faqs = indexById(faqRows, problems);
  const properties = indexById(propertyRows, problems);
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
  for (const { label, record: f, index } of factRows) {
    checkClaims(f, `[${index}]`, { entities, properties, zh: zhFacts.get(f.id)?.record }, (problem) =>
      problems.add(label, problem),
    );
    for (const problem of reviewProblems(f, `[${index}]`, facts)) problems.add(label, problem);
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
    properties,
    synonyms,
    zh: { facts: values(zhFacts), entities: values(zhEntities), faqs: values(zhFaqs) },
    lexicon,
    wordnet: new Map(Object.entries(wordnet)),
    grammar,
  };
}

/**
 * A fact's claims hold together: each is about a known entity, states a known property with a
 * value of that property's type, and writes its value as the fact's text does (and its Chinese
 * value as the Chinese text does).
 */
function checkClaims(
  fact: Fact,
  at: string,
  known: {
    entities: ReadonlyMap<string, Entity>;
    properties: ReadonlyMap<string, Property>;
    zh: string | undefined;
  },
  problem: (text: string) => void,
): void {
  fact.claims.forEach((claim, i) => {
    const here = `${at}.claims[${i}]`;
    if (!known.entities.has(claim.subject)) problem(`${here}.subject: unknown entity "${claim.subject}"`);
    if (claim.entity !== undefined && !known.entities.has(claim.entity))
      problem(`${here}.entity: unknown entity "${claim.entity}"`);
    const property = known.properties.get(claim.property);
    if (property === undefined) problem(`${here}.property: unknown property "${claim.property}"`);
    else if (property.unsourced)
      problem(`${here}.property: "${claim.property}" is marked unsourced, which no claim may hold`);
    if (!fact.text.toLowerCase().includes(claim.value.toLowerCase()))
      problem(`${here}.value: "${claim.value}" does not appear in the fact's text`);
    if (claim.zh !== undefined && known.zh !== undefined && !known.zh.includes(claim.zh))
      problem(`${here}.zh: "${claim.zh}" does not appear in the fact's Chinese text`);
  });
}
