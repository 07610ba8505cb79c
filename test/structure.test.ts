import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Every static import (and re-export) between the project's own files under src/ and commands/ that
 * runs: a type-only import (a reply's shape) loads nothing.
 */
function importGraph(): Map<string, string[]> {
  const files = ["src", "commands"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts"))
      .map((name) => path.join(dir, name)),
  );
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const source = readFileSync(path.join(root, file), "utf8");
    const imported = [...source.matchAll(/^(?:import|export)\s(?!type\s)[^;]*?\sfrom\s+"(\.[^"]+)";/gms)].map(
      (m) => path.join(path.dirname(file), (m[1] as string).replace(/\.js$/, ".ts")),
    );
    graph.set(file, imported);
  }
  return graph;
}

/** The import cycles in a graph, each as the path that closes it; empty when there are none. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    const at = trail.indexOf(file);
    if (at !== -1) return void found.push([...trail.slice(at), file]);
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

const graph = importGraph();
const importsOf = (prefix: string) =>
  [...graph]
    .filter(([file]) => file.startsWith(prefix))
    .flatMap(([file, deps]) => deps.map((d) => `${file} -> ${d}`));

describe("the shape of the code", () => {
  it("reads the imports it checks: the CLI imports config", () => {
    expect(graph.get(path.join("src", "cli.ts"))).toContain(path.join("src", "config.ts"));
  });

  it("has no import cycles among src/ and commands/", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const looped = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
    ]);
    expect(cycles(looped)).toEqual([["a.ts", "b.ts", "c.ts", "a.ts"]]);
  });

  it("keeps ops off the adapters, the commands and the core's wording, and config off ops", () => {
    const ops = path.join("src", "ops");
    const outOfBounds = importsOf(ops + path.sep).filter((edge) =>
      [path.join("src", "adapters"), "commands", path.join("src", "core", "compose", "messages")].some((p) =>
        edge.split(" -> ")[1]?.startsWith(p),
      ),
    );
    expect(outOfBounds).toEqual([]);
    expect(importsOf(path.join("src", "config.ts")).filter((edge) => edge.includes(ops))).toEqual([]);
  });

  it("lays the core out as its pipeline: knowledge and language never import answering or compose, and answering never imports compose", () => {
    const layer = (name: string) => path.join("src", "core", name) + path.sep;
    const backwards = (from: string, onto: string[]) =>
      importsOf(layer(from)).filter((edge) => onto.some((l) => edge.split(" -> ")[1]?.startsWith(layer(l))));
    expect(backwards("knowledge", ["answering", "compose"])).toEqual([]);
    expect(backwards("language", ["answering", "compose"])).toEqual([]);
    expect(backwards("answering", ["compose"])).toEqual([]);
    expect(importsOf(layer("compose")).length).toBeGreaterThan(0);
  });

  it("keeps command syntax out of ops: no file under src/ops names a command", () => {
    const named = [...graph.keys()]
      .filter((file) => file.startsWith(path.join("src", "ops") + path.sep))
      .flatMap((file) => {
        const source = readFileSync(path.join(root, file), "utf8");
        return commands
          .filter((c) => new RegExp(`/${c.name}\\b`, "i").test(source))
          .map((c) => `${file}: /${c.name}`);
      });
    expect(named).toEqual([]);
  });
});
