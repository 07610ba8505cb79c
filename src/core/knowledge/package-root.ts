import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder of this package's package.json, found from this module whether it runs from src/ or dist/. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find the package root above the core module");
    dir = parent;
  }
  root = dir;
  return root;
}

/** Where the build writes what it derives (the English table, the knowledge index): dist/generated/. */
export function generatedDir(): string {
  return path.join(packageRoot(), "dist", "generated");
}
