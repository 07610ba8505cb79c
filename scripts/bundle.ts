/**
 * Bundles the compiled CLI into dist/bundle/ (run by `npm run build`, after tsc): loading one file
 * for the core and zod instead of some two hundred makes a cold `ask` about a third faster.
 * Platform and server libraries stay outside, loaded by the commands that need them, and so do
 * MiniSearch and fuse.js, which the core loads only to build an index or correct a typo;
 * bin/returnee-bot.js runs dist/src/cli.js when there is no bundle.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "rolldown";
import { packageRoot } from "../src/core/knowledge/package-root.js";

/** Dependencies a cold answer needs: bundled. Every other one is imported from node_modules. */
const INLINED = new Set(["zod"]);

const root = packageRoot();
const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};
const external = Object.keys(dependencies).filter((name) => !INLINED.has(name));

await build({
  input: { cli: path.join(root, "dist", "src", "cli.js") },
  platform: "node",
  external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
  logLevel: "warn",
  // Minified, the start parses a third of the text.
  output: { dir: path.join(root, "dist", "bundle"), format: "esm", cleanDir: true, minify: true },
});
