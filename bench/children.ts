import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProbeReport, ProbeRequest } from "./probe.js";
import type { SystemName } from "./systems/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a compiled bench entry in a fresh node process and parses the JSON line it prints last. */
function runNode<T>(entry: string, args: string[], nodeFlags: string[] = []): T {
  const child = spawnSync(process.execPath, [...nodeFlags, path.join(here, entry), ...args], {
    encoding: "utf8",
    maxBuffer: 16 * 2 ** 20,
  });
  const last = child.stdout.trim().split("\n").at(-1);
  if (child.status !== 0 || last === undefined || last === "") {
    throw new Error(`${entry} ${args.join(" ")} failed (${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(last) as T;
}

/** performance.now() readings of a cold child: milliseconds since its process started. */
export interface ColdRun {
  system: SystemName;
  /** When the entry module began to run: Node's own start-up. */
  entryMs: number;
  /** When the system's modules were imported. */
  importedMs: number;
  /** When the knowledge was loaded and indexed. */
  loadedMs: number;
  /** When the first answer was ready. */
  firstAnswerMs: number;
  maxRssMiB: number;
  answered: boolean;
}

/** Starts a fresh process that loads one system, answers one question and exits. */
export function coldStart(system: SystemName, knowledgeDir: string, question: string): ColdRun {
  return runNode<ColdRun>("cold.js", [system, knowledgeDir, question]);
}

/** Measures one system on one knowledge folder in a fresh process, with garbage collection exposed. */
export function probe(request: ProbeRequest): ProbeReport {
  return runNode<ProbeReport>("probe.js", [JSON.stringify(request)], ["--expose-gc"]);
}
