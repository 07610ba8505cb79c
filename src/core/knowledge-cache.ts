import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import MiniSearch, { type Options } from "minisearch";
import { type EngineState, engineState, restoreEngine } from "./engine-snapshot.js";
import { ENGLISH_TABLE_FILE } from "./english/table.js";
import { defaultKnowledgeDir, type KnowledgeBase, loadKnowledge } from "./loader.js";
import { generatedDir, packageRoot } from "./package-root.js";

/**
 * Start-up that does not grow with the knowledge base: the validated knowledge, the index's
 * reading of every text in it and the BM25 index are saved, after a successful load, to a file
 * under dist/generated/knowledge/ (the build writes the one for knowledge/). The file is keyed by a
 * hash of every file of the folder and of the core's code, so any change to either means a full
 * load, with validation, before a new file is written; a folder that fails validation is never saved.
 */
const FORMAT = 3;
/** Cache files kept for custom and temporary knowledge folders; the oldest beyond this go. */
const KEEP = 8;

/** FNV-1a over a text's UTF-16 units: tells a remembered reading's text from another. */
function checksum(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * What the index makes of the knowledge base, remembered: the terms of each text and the answer
 * kind of each FAQ question, in the order the index asks for them (the same order every time for
 * the same knowledge and code, which the cache key covers), the words typos are corrected to, and
 * the BM25 index (see engine-snapshot.ts).
 */
export class Readings {
  private next = 0;

  constructor(
    /** Each text's checksum and its reading, in the order asked. */
    readonly readings: [number, string][] = [],
    public engine?: EngineState,
    public words?: string,
    private save?: () => void,
  ) {}

  /** A text's reading, remembered; a text not where it was remembered is read afresh. */
  private recall(text: string, read: (text: string) => string): string {
    const at = this.next++;
    const saved = this.readings[at];
    const sum = checksum(text);
    if (saved !== undefined && saved[0] === sum) return saved[1];
    const reading = read(text);
    this.readings[at] = [sum, reading];
    return reading;
  }

  /** A text's terms as the index stores them. */
  termsOf(text: string, read: (text: string) => string): string {
    return this.recall(text, read);
  }

  /** The answer-kind term of an FAQ question. */
  kindOf(question: string, classify: (question: string) => string): string {
    return this.recall(question, classify);
  }

  /** The words of the knowledge base's facts, names and questions, for typo correction: split once. */
  wordsOf(split: () => readonly string[]): readonly string[] {
    if (this.words !== undefined) return this.words.split(" ");
    const words = split();
    this.words = words.join(" ");
    return words;
  }

  /** MiniSearch over these documents: restored when saved, else built (and kept, if a cache file waits). */
  search<T>(options: Options<T>, documents: readonly T[]): MiniSearch<T> {
    const restored = this.engine === undefined ? undefined : restoreEngine(this.engine, options);
    if (restored !== undefined) return restored;
    const engine = new MiniSearch(options);
    engine.addAll(documents);
    if (this.save !== undefined) this.engine = engineState(engine);
    return engine;
  }

  /** The index is built: a cache file waiting for its readings is written now. */
  built(): void {
    this.next = 0;
    const save = this.save;
    this.save = undefined;
    save?.();
  }
}

interface Snapshot {
  format: typeof FORMAT;
  key: string;
  kb: KnowledgeBase;
  readings: [number, string][];
  engine: EngineState | undefined;
  words: string | undefined;
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

/** Hash of every file of the knowledge folder and of the code and tables that read it. */
function keyOf(dir: string): string {
  const hash = createHash("sha256").update(`${FORMAT}\0${process.versions.v8}\0`);
  // The code that reads the knowledge, the English table it lemmatises with and the installed
  // dependencies (package-lock.json), by size and time: every build or install rewrites them.
  // The knowledge itself by content, since a cache hit skips validation.
  const code = path.dirname(fileURLToPath(import.meta.url));
  const sources = filesUnder(code, (n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts"));
  const tables = path.join(generatedDir(), ENGLISH_TABLE_FILE);
  const installed = path.join(packageRoot(), "package-lock.json");
  for (const file of [...sources.map((n) => path.join(code, n)), tables, installed]) {
    const stat = statSync(file, { throwIfNoEntry: false });
    hash.update(`${file}\0${stat?.size ?? 0}\0${stat?.mtimeMs ?? 0}\0`);
  }
  for (const name of filesUnder(dir, () => true)) {
    hash
      .update(`${name}\0`)
      .update(readFileSync(path.join(dir, name)))
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
export function loadCachedKnowledge(
  dir: string = defaultKnowledgeDir(),
  onIndex?: (dir: string) => void,
): KnowledgeBase {
  const key = keyOf(dir);
  const file = cacheFile(key);
  const saved = readSnapshot(file, key);
  if (saved !== undefined) {
    readingsOf.set(saved.kb, new Readings(saved.readings, saved.engine, saved.words));
    return saved.kb;
  }
  onIndex?.(dir);
  const kb = loadKnowledge(dir);
  const memo: Readings = new Readings([], undefined, undefined, () => {
    const { readings, engine, words } = memo;
    writeSnapshot(file, { format: FORMAT, key, kb, readings, engine, words });
  });
  readingsOf.set(kb, memo);
  return kb;
}
