import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type KnowledgeBase, loadKnowledge } from "../../src/core/knowledge/loader.js";
import {
  ENTITY_KINDS,
  type Entity,
  type EntityKind,
  type Fact,
  type Faq,
  type FigureType,
  type Source,
} from "../../src/core/knowledge/schema.js";
import { compact } from "../../src/core/language/text.js";
import { draftFact, type World } from "./facts.js";
import { CITY_BOUND, nameFor, REAL_CITIES } from "./names.js";
import { Random } from "./random.js";

export const DEFAULT_SEED = 20_171_206;
/** Share of city-bound synthetic entities placed in a real city, so the real cities' fact lists grow too. */
export const REAL_CITY_SHARE = 0.05;
const RECORDS_PER_FILE = 1000;
const KEYWORDS = ["haigui", "overseas talent", "returned scholars", "statistics", "policy", "start-up"];
const TITLES = [
  "a rising draw for returning talent",
  "where overseas scholars build start-ups",
  "talent policies pay off",
  "returnees power the new economy",
];

export interface KnowledgeSize {
  sources: number;
  entities: number;
  facts: number;
  faqs: number;
}

export function sizeOf(kb: KnowledgeBase): KnowledgeSize {
  return { sources: kb.sources.size, entities: kb.entities.size, facts: kb.facts.size, faqs: kb.faqs.length };
}

export interface SyntheticOptions {
  /** The knowledge folder to grow; it is copied whole, then invented records are added. */
  baseDir: string;
  /** The size of the result as a multiple of the base: every record type grows by it. */
  factor: number;
  /** A folder that does not exist yet; written in the same layout as knowledge/. */
  outDir: string;
  seed?: number;
}

/** Writes a knowledge base `factor` times the size of the base one and returns its size. */
export function writeSyntheticKnowledge(options: SyntheticOptions): KnowledgeSize {
  const { baseDir, factor, outDir, seed = DEFAULT_SEED } = options;
  // Copy first and grow the copy, so that edits to the base during the run cannot skew the counts.
  cpSync(baseDir, outDir, { recursive: true });
  const base = loadKnowledge(outDir);
  const r = new Random(seed + factor);
  const extra = (n: number) => n * (factor - 1);

  const entities = inventEntities(base, r, extra);
  const cities = entities.filter((e) => e.kind === "city").map((e) => e.name);
  const sources = Array.from({ length: extra(base.sources.size) }, (_, i) => inventSource(r, i, cities));
  const facts = inventFacts(base, entities, sources, r, extra(base.facts.size));
  const faqs = inventFaqs(facts, r, extra(base.faqs.length));

  const baseSources = JSON.parse(readFileSync(path.join(outDir, "sources.json"), "utf8")) as unknown[];
  writeFileSync(path.join(outDir, "sources.json"), JSON.stringify([...baseSources, ...sources]));
  for (const kind of ENTITY_KINDS) {
    writeChunks(
      outDir,
      "entities",
      `synthetic-${kind}`,
      entities.filter((e) => e.kind === kind),
    );
  }
  writeChunks(
    outDir,
    "facts",
    "synthetic",
    facts.map(({ fact }) => fact),
  );
  writeChunks(outDir, "faq", "synthetic", faqs);
  const size = sizeOf(base);
  return {
    sources: size.sources * factor,
    entities: size.entities * factor,
    facts: size.facts * factor,
    faqs: size.faqs * factor,
  };
}

function inventEntities(base: KnowledgeBase, r: Random, extra: (n: number) => number): Entity[] {
  const taken = new Set(REAL_CITIES);
  for (const e of base.entities.values()) for (const n of [e.name, ...e.aliases]) taken.add(compact(n));
  const real = [...base.entities.values()];
  const realCities = real.filter((e) => e.kind === "city");
  const made: Entity[] = [];
  const kinds = ["city", ...ENTITY_KINDS.filter((k) => k !== "city")] as EntityKind[];
  for (const kind of kinds) {
    const count = extra(real.filter((e) => e.kind === kind).length);
    const synthCities = made.filter((e) => e.kind === "city");
    for (let i = 0; i < count; i++) {
      const within = CITY_BOUND.has(kind)
        ? r.pick(r.chance(REAL_CITY_SHARE) || synthCities.length === 0 ? realCities : synthCities)
        : undefined;
      for (let attempt = 0; ; attempt++) {
        const naming = nameFor(kind, r, attempt, within);
        const keys = [naming.name, ...naming.aliases].map(compact);
        if (keys.some((k) => taken.has(k)) || new Set(keys).size < keys.length) {
          if (attempt > 50) throw new Error(`cannot invent a free ${kind} name`);
          continue;
        }
        for (const k of keys) taken.add(k);
        const id = `syn-${kind}-${i + 1}`;
        made.push({ id, kind, ...naming, ...(within === undefined ? {} : { within: within.id }) });
        break;
      }
    }
  }
  return made;
}

function inventSource(r: Random, i: number, cities: string[]): Source {
  const city = r.pick(cities);
  const year = r.int(2012, 2025);
  const common = {
    id: `syn-source-${i + 1}`,
    title: `${city}: ${r.pick(TITLES)}`,
    publisher: r.pick([`${city} Daily`, `${city} Municipal Talent Office`, `${city} Evening News`]),
  };
  if (r.chance(0.15)) return { ...common, date: null, estimatedYear: year };
  const pad = (n: number) => String(n).padStart(2, "0");
  return { ...common, date: `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}` };
}

interface InventedFact {
  fact: Fact;
  questions: string[];
}

function inventFacts(
  base: KnowledgeBase,
  made: Entity[],
  sources: Source[],
  r: Random,
  count: number,
): InventedFact[] {
  const byId = new Map([...base.entities, ...made.map((e) => [e.id, e] as const)]);
  const pool = (kind: EntityKind) => {
    const synthetic = made.filter((e) => e.kind === kind);
    return synthetic.length > 0 ? synthetic : [...base.entities.values()].filter((e) => e.kind === kind);
  };
  const pools = new Map(ENTITY_KINDS.map((k) => [k, pool(k)]));
  const world: World = {
    r,
    cityOf: (e) => byId.get(e.within ?? "") ?? r.pick(pools.get("city") ?? []),
    any: (kind) => {
      const list = pools.get(kind) ?? [];
      return list.length === 0 ? undefined : r.pick(list);
    },
  };
  const subjects = r.sample(made, made.length);
  return Array.from({ length: count }, (_, i) => {
    const draft = draftFact(subjects[i % subjects.length] as Entity, world);
    const fact: Fact = {
      id: `syn-fact-${i + 1}`,
      text: draft.text,
      source: r.pick(sources).id,
      entities: [...new Set(draft.entities)],
      topic: draft.topic,
      ...(draft.asOf === undefined ? {} : { asOf: draft.asOf }),
      figures: draft.figures.map((text) => ({ text, type: figureType(text) })),
      claims: [],
      keywords: r.sample(KEYWORDS, 2),
    };
    return { fact, questions: draft.questions };
  });
}

function inventFaqs(facts: InventedFact[], r: Random, count: number): Faq[] {
  return Array.from({ length: count }, (_, j) => {
    const { fact, questions } = facts[Math.floor((j * facts.length) / count)] as InventedFact;
    return {
      id: `syn-faq-${j + 1}`,
      questions: r.sample(questions, r.int(2, questions.length)),
      facts: [fact.id],
    };
  });
}

function writeChunks(dir: string, sub: string, stem: string, records: readonly unknown[]): void {
  mkdirSync(path.join(dir, sub), { recursive: true });
  for (let start = 0; start < records.length; start += RECORDS_PER_FILE) {
    const part = String(start / RECORDS_PER_FILE).padStart(3, "0");
    const file = path.join(dir, sub, `${stem}-${part}.json`);
    writeFileSync(file, JSON.stringify(records.slice(start, start + RECORDS_PER_FILE)));
  }
}

/** A synthetic figure's type, as a curator would mark it. */
function figureType(text: string): FigureType {
  if (/%|percent/.test(text)) return "percent";
  if (/yuan|\$/.test(text)) return "money";
  if (
    /^(19|20)\d\d$|January|February|March|April|May|June|July|August|September|October|November|December/.test(
      text,
    )
  )
    return "date";
  if (/^\d+(st|nd|rd|th)$/.test(text)) return "rank";
  return "count";
}
