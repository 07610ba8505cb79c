import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import MiniSearch, { type AsPlainObject, type Options } from "minisearch";
import { defaultKnowledgeDir, type KnowledgeBase, loadKnowledge } from "./loader.js";
import { generatedDir } from "./package-root.js";

/**
 * Start-up that does not grow with the knowledge base: the validated knowledge, the index's
 * reading of every text in it and the BM25 index are saved, after a successful load, to a file
 * under dist/generated/knowledge/ (the build writes the one for knowledge/). The file is keyed by a
 * hash of every file of the folder and of the core's code, so any change to either means a full
 * load, with validation, before a new file is written; a folder that fails validation is never saved.
 */
const FORMAT = 1;
/** Cache files kept for custom and temporary knowledge folders; the oldest beyond this go. */
const KEEP = 16;

/**
 * What the index makes of the knowledge base, remembered: the terms of each text, the answer kind
 * of each FAQ question, and the BM25 index (MiniSearch's plain-object form).
 */
export class Readings {
  constructor(
    readonly terms = new Map<string, string>(),
    readonly kinds = new Map<string, string>(),
    public engine?: AsPlainObject,
    public words?: readonly string[],
    private save?: () => void,
  ) {}

  /** The words of the knowledge base's facts, names and questions, for typo correction: split once. */
  wordsOf(split: () => readonly string[]): readonly string[] {
    this.words ??= split();
    return this.words;
  }

  /** MiniSearch over these documents: restored when saved, else built (and kept, if a cache file waits). */
  search<T>(options: Options<T>, documents: readonly T[]): MiniSearch<T> {
    if (this.engine !== undefined) return MiniSearch.loadJS(this.engine, options);
    const engine = new MiniSearch(options);
    engine.addAll(documents);
    if (this.save !== undefined) this.engine = engine.toJSON();
    return engine;
  }

  /** A text's terms as the index stores them, read once. */
  termsOf(text: string, read: (text: string) => string): string {
    let terms = this.terms.get(text);
    if (terms === undefined) {
      terms = read(text);
      this.terms.set(text, terms);
    }
    return terms;
  }

  /** The answer-kind term of an FAQ question, classified once. */
  kindOf(question: string, classify: (question: string) => string): string {
    let kind = this.kinds.get(question);
    if (kind === undefined) {
      kind = classify(question);
      this.kinds.set(question, kind);
    }
    return kind;
  }

  /** The index is built: a cache file waiting for its readings is written now. */
  built(): void {
    const save = this.save;
    this.save = undefined;
    save?.();
  }
}

interface Snapshot {
  format: typeof FORMAT;
  key: string;
  kb: KnowledgeBase;
  terms: Map<string, string>;
  kinds: Map<string, string>;
  engine: AsPlainObject | undefined;
  words: readonly string[] | undefined;
}

const readingsOf = new WeakMap<KnowledgeBase, Readings>();

/** The readings saved with a knowledge base, or a fresh memo for one built some other way (tests). */
export function readingsFor(kb: KnowledgeBase): Readings {
  return readingsOf.get(kb) ?? new Readings();
}

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(keep)
    .sort()
    .filter((name) => statSync(path.join(dir, name)).isFile());
}

/** Hash of every file of the knowledge folder and of the code that reads it. */
function keyOf(dir: string): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${process.versions.v8}\0`);
  const code = path.dirname(fileURLToPath(import.meta.url));
  const sources = filesUnder(code, (n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts"));
  for (const [root, names] of [
    [code, sources],
    [dir, filesUnder(dir, () => true)],
  ] as const) {
    for (const name of names)
      hash
        .update(`${name}\0`)
        .update(readFileSync(path.join(root, name)))
        .update("\0");
  }
  return hash.digest("hex");
}

/** One file per key: builds of the code (dist/, the sources under test) and folders never overwrite each other's. */
function cacheFile(key: string): string {
  return path.join(generatedDir(), "knowledge", `${key.slice(0, 32)}.bin`);
}

function readSnapshot(file: string, key: string): Snapshot | undefined {
  try {
    const snapshot = v8.deserialize(readFileSync(file)) as Snapshot;
    return snapshot.format === FORMAT && snapshot.key === key ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot beside the others, atomically; a folder that cannot be written only costs speed. */
function writeSnapshot(file: string, snapshot: Snapshot): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, v8.serialize(snapshot));
    renameSync(temp, file);
    const folder = path.dirname(file);
    const old = readdirSync(folder)
      .map((name) => ({ name, at: statSync(path.join(folder, name)).mtimeMs }))
      .sort((a, b) => b.at - a.at)
      .slice(KEEP);
    for (const { name } of old) rmSync(path.join(folder, name), { force: true });
  } catch {
    // A read-only install: every start is a full load.
  }
}

/**
 * The knowledge base of a folder: from its cache file when neither the folder nor the code has
 * changed, else loaded and validated (a KnowledgeError names the file at fault), with the cache
 * written once the index over it has been built.
 */
export function loadCachedKnowledge(dir: string = defaultKnowledgeDir()): KnowledgeBase {
  const key = keyOf(dir);
  const file = cacheFile(key);
  const saved = readSnapshot(file, key);
  if (saved !== undefined) {
    readingsOf.set(saved.kb, new Readings(saved.terms, saved.kinds, saved.engine, saved.words));
    return saved.kb;
  }
  const kb = loadKnowledge(dir);
  const readings: Readings = new Readings(undefined, undefined, undefined, undefined, () => {
    const { terms, kinds, engine, words } = readings;
    writeSnapshot(file, { format: FORMAT, key, kb, terms, kinds, engine, words });
  });
  readingsOf.set(kb, readings);
  return kb;
}
