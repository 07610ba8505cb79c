import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../../src/core/knowledge/package-root.js";
import { tempDir } from "../helpers.js";

const INPUT_DIRS = ["src", "commands", "scripts", "test", "bench", "knowledge"];
const INPUT_FILES = ["tsconfig.json", "package.json", "package-lock.json", "src/cli.ts", "scripts/build.js"];
const BUILDING = "returnee-bot: sources changed since the last build; building dist/ (about half a minute)…";
const FIRST_BUILD = "returnee-bot: building dist/ (about half a minute)…";

/**
 * A tree shaped like the project's, built a minute ago from inputs two minutes old, with
 * scripts/build.js but nothing to build with: a build it starts fails at once, after saying so.
 */
function builtTree(): string {
  const root = tempDir("returnee-build-");
  for (const dir of [...INPUT_DIRS, "dist"]) mkdirSync(path.join(root, dir));
  for (const file of INPUT_FILES) writeFileSync(path.join(root, file), "{}");
  cpSync(path.join(packageRoot(), "scripts", "build.js"), path.join(root, "scripts", "build.js"));
  const age = (file: string, minutes: number) => {
    const when = new Date(Date.now() - minutes * 60_000);
    utimesSync(path.join(root, file), when, when);
  };
  for (const input of [...INPUT_FILES, ...INPUT_DIRS]) age(input, 2);
  writeFileSync(path.join(root, "dist", ".build-stamp"), "");
  age(path.join("dist", ".build-stamp"), 1);
  return root;
}

function buildIfStale(root: string): { status: number | null; stderr: string; output: string } {
  const run = spawnSync(process.execPath, [path.join(root, "scripts", "build.js"), "--if-stale"], {
    encoding: "utf8",
  });
  return { status: run.status, stderr: run.stderr, output: run.stdout + run.stderr };
}

describe("scripts/build.js --if-stale", () => {
  it("given nothing changed since the last build, then builds nothing and prints nothing", () => {
    expect(buildIfStale(builtTree())).toEqual({ status: 0, stderr: "", output: "" });
  });

  it("given a source changed after the last build, then says in one line that it builds", () => {
    const root = builtTree();
    writeFileSync(path.join(root, "src", "cli.ts"), "export {};");
    expect(buildIfStale(root).stderr.split("\n")[0]).toBe(BUILDING);
  });

  it("given a source deleted after the last build, then says in one line that it builds", () => {
    const root = builtTree();
    rmSync(path.join(root, "src", "cli.ts"));
    expect(buildIfStale(root).stderr.split("\n")[0]).toBe(BUILDING);
  });

  it("given a tree never built (a fresh clone), then says in one line that it builds", () => {
    const root = builtTree();
    rmSync(path.join(root, "dist", ".build-stamp"));
    expect(buildIfStale(root).stderr.split("\n")[0]).toBe(FIRST_BUILD);
  });
});
