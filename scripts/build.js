#!/usr/bin/env node
// `npm run build`: compiles (tsc), writes the English table, bundles the CLI and checks and indexes
// the knowledge base (kb-check). Plain JavaScript, since it runs before anything is compiled.
//
// With --if-stale (npm ci's prepare, npm start, npm test, …) it builds only when an input is newer
// than the last successful build: a built tree starts at once. Inputs are the folders and files tsc
// and the table read; a file added, changed, moved or deleted changes its own or its folder's time.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const INPUTS = ["src", "commands", "scripts", "test", "bench", "knowledge"];
const INPUT_FILES = ["tsconfig.json", "package.json", "package-lock.json"];
/** Written by `npm run bench`, read by nothing the build makes. */
const OUTPUTS = new Set([path.join("bench", "results.json")]);
/** Written last by a build that succeeded: its time is the build's. */
const STAMP = path.join(root, "dist", ".build-stamp");

/** The newest modification time among the inputs (folders included), in milliseconds. */
function newestInput() {
  let newest = 0;
  for (const file of INPUT_FILES) newest = Math.max(newest, statSync(path.join(root, file)).mtimeMs);
  for (const dir of INPUTS) {
    const top = path.join(root, dir);
    newest = Math.max(newest, statSync(top).mtimeMs);
    for (const name of readdirSync(top, { recursive: true, encoding: "utf8" })) {
      if (!OUTPUTS.has(path.join(dir, name)))
        newest = Math.max(newest, statSync(path.join(top, name)).mtimeMs);
    }
  }
  return newest;
}

/** Why to build: never built, or an input changed since; undefined when the build is current. */
function staleness() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  if (built === undefined) return "";
  return newestInput() > built.mtimeMs ? "sources changed since the last build; " : undefined;
}

/** Runs one step with this Node, its output shown; stops the build with its exit code if it fails. */
function step(args) {
  const { status, signal } = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (status !== 0) process.exit(status ?? (signal === null ? 1 : 128));
}

const why = process.argv.includes("--if-stale") ? staleness() : "";
if (why === undefined) process.exit(0);
process.stderr.write(`returnee-bot: ${why}building dist/ (about half a minute)…\n`);
step([createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.json"]);
step(["dist/scripts/build-english.js"]);
step(["dist/scripts/bundle.js"]);
step(["bin/returnee-bot.js", "kb-check"]);
writeFileSync(STAMP, `${new Date().toISOString()}\n`);
