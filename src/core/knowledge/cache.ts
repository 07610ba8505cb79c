import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import { ENGLISH_TABLE_FILE } from "../language/english/table.js";
import { defaultKnowledgeDir, INBOX_FILE, type KnowledgeBase, loadKnowledge } from "./loader.js";
import { generatedDir, packageRoot } from "./package-root.js";

/**
 * Start-up that does not grow with the knowledge base: after a successful load, the validated
 * knowledge and what the core derives from it (the vocabulary's tables, the fact index with each
 * term's BM25 results, the words of each property's names) are saved as one file under dist/generated/knowledge/ (the build writes
 * the one for knowledge/). The file is keyed by the folder and the size and time of every file in
 * it and in the package's grammar folder, and of the core's code, tables and lock file, so any change to them means a full load, with
 * validation, before a new file is written; a folder that fails validation is never saved.
 */
const FORMAT = 5;
/** Cache files kept for custom and temporary knowledge folders; the oldest beyond this go. */
const KEEP = 8;

/** Written with v8.serialize: Maps, Sets and shared objects (an entity in the kb and in the tables) keep their shape. */
interface Snapshot<State> {
  format: typeof FORMAT;
  key: string;
  kb: KnowledgeBase;
  state: State;
}

/** A knowledge base and what was saved with it, or, after a full load, how to save that. */
export interface CachedKnowledge<State> {
  kb: KnowledgeBase;
  saved?: State;
  save?: (state: State) => void;
}

/**
 * "name size time" of every file under a folder (names relative to it), in name order. Anything but a
 * plain file or a folder (a named pipe, a device, a broken link) counts by its name alone, never
 * read, so that a full load sees it and refuses it by name.
 */
function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  const lines: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter(keep).sort()) {
    const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat?.isFile()) lines.push(`${name} ${stat.size} ${stat.mtimeMs}`);
    else if (!stat?.isDirectory()) lines.push(`${name} not a plain file`);
  }
  return lines;
}

/**
 * What a cache file must have been made from: the format (v8's serialisation among it), the knowledge
 * folder, each of its files by size and time, and the code that reads it, the English table and the
 * installed dependencies (package-lock.json), likewise: every edit, build or install rewrites one of them.
 */
function keyOf(dir: string): string {
  // The whole core's code: this module's folder is the core's knowledge layer, or the bundle.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const code = path.basename(here) === "bundle" ? here : path.dirname(here);
  const stats = [
    path.join(generatedDir(), ENGLISH_TABLE_FILE),
    path.join(packageRoot(), "package-lock.json"),
  ].map((file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    return `${file} ${stat?.size ?? 0} ${stat?.mtimeMs ?? 0}`;
  });
  const grammar = path.join(defaultKnowledgeDir(), "grammar");
  return [
    `format ${FORMAT} v8 ${process.versions.v8}`,
    code,
    ...filesUnder(code, (n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts")),
    ...stats,
    dir,
    // The inbox's states are the curators', not the bot's: setting one does not index the folder again.
    ...filesUnder(dir, (name) => name !== INBOX_FILE),
    // A folder without grammar words of its own reads with the package's (see readGrammar); where
    // there are none either, the full load names the missing file.
    ...(existsSync(grammar) ? filesUnder(grammar, () => true) : []),
  ].join("\n");
}

/** FNV-1a over the key's UTF-16 units, twice with different seeds: a file name for the key. */
function fileNameOf(key: string): string {
  const hash = (seed: number) => {
    let h = seed;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    return (h >>> 0).toString(16).padStart(8, "0");
  };
  return `${hash(0x811c9dc5)}${hash(0x050c5d1f)}.bin`;
}

function readSnapshot<State>(file: string, key: string): Snapshot<State> | undefined {
  try {
    const snapshot = v8.deserialize(readFileSync(file)) as Snapshot<State>;
    return snapshot.format === FORMAT && snapshot.key === key ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the snapshot beside the others, atomically; a folder that cannot be written only costs speed. */
function writeSnapshot<State>(file: string, snapshot: Snapshot<State>): void {
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
 * The knowledge base of a folder with the state saved with it, when neither the folder nor the
 * code has changed; else loaded and validated (a KnowledgeError names the file at fault), with
 * `onIndex` told first, since that takes a while, and `save` to call once the state is built.
 */
export function loadCachedKnowledge<State>(
  dir: string = defaultKnowledgeDir(),
  onIndex?: (dir: string) => void,
): CachedKnowledge<State> {
  const key = keyOf(dir);
  const file = path.join(generatedDir(), "knowledge", fileNameOf(key));
  const snapshot = readSnapshot<State>(file, key);
  if (snapshot !== undefined) return { kb: snapshot.kb, saved: snapshot.state };
  onIndex?.(dir);
  const kb = loadKnowledge(dir);
  return {
    kb,
    save: (state) => writeSnapshot(file, { format: FORMAT, key, kb, state }),
  };
}
