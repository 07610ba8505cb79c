/**
 * The project as compiled JavaScript, for tests that run it as its own process. The sources are
 * transpiled file by file into a fresh folder node_modules/.cache/<name>-XXXXXX (type checking is
 * the type check's business), so such a test never runs a stale dist/, and two test runs at once
 * never overwrite each other's; the folder goes when the test process ends.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface Compiled {
  /** The output folder, mirroring the project: src/, commands/. */
  out: string;
  /** The CLI as bin/returnee-bot.js runs it (the forced exit after serve included), minus dotenv. */
  cli: string;
}

export function compile(name: string): Compiled {
  const cache = path.join(ROOT, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(path.join(cache, `${name}-`));
  process.once("exit", () => rmSync(out, { recursive: true, force: true }));
  for (const dir of ["src", "commands"]) {
    for (const file of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      const source = readFileSync(path.join(ROOT, dir, file), "utf8");
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        fileName: file,
      });
      const target = path.join(out, dir, file.replace(/\.ts$/, ".js"));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  const bin = readFileSync(path.join(ROOT, "bin", "returnee-bot.js"), "utf8")
    .replace(/^.*dotenv.*\n/gm, "")
    .replace("../dist/src/cli.js", "./src/cli.js");
  const cli = path.join(out, "run.js");
  writeFileSync(cli, bin);
  if (!existsSync(path.join(out, "src", "cli.js")))
    throw new Error(`compiling did not emit ${out}/src/cli.js`);
  return { out, cli };
}
