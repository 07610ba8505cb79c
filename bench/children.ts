import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { ProbeReport, ProbeRequest } from "./probe.js";
import type { SystemName } from "./systems/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs a compiled bench entry in a fresh node process and parses the JSON line it prints last. */
function runNode<T>(entry: string, args: string[]): T {
  const child = spawnSync(process.execPath, [path.join(here, entry), ...args], {
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

/** A paced probe running in its own process: its next line of output, and a way to start its next round. */
class PacedProbe {
  private readonly lines: AsyncIterator<string>;
  private readonly child: ChildProcess;
  private stderr = "";

  constructor(readonly request: ProbeRequest) {
    this.child = spawn(
      process.execPath,
      ["--expose-gc", path.join(here, "probe.js"), JSON.stringify({ ...request, paced: true })],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.lines = createInterface({ input: this.child.stdout as Readable })[Symbol.asyncIterator]();
  }

  /** The probe's next line: `waiting` before a round, its report once measured. */
  async next(): Promise<string> {
    const line = await this.lines.next();
    if (line.done) {
      const code = await new Promise((done) =>
        this.child.exitCode === null ? this.child.once("exit", done) : done(this.child.exitCode),
      );
      throw new Error(`probe.js ${this.request.system} failed (${code}):\n${this.stderr}`);
    }
    return line.value;
  }

  go(): void {
    this.child.stdin?.write("\n");
  }

  end(): void {
    this.child.stdin?.end();
  }
}

/**
 * Measures several systems on one knowledge folder, each in its own process, taking turns round by
 * round (in alternating order) once all are loaded and warm, so a change in the machine's speed
 * falls on all of them alike. Each is loaded and warmed alone, one after another.
 */
export async function probeTogether(requests: readonly ProbeRequest[]): Promise<ProbeReport[]> {
  const probes: PacedProbe[] = [];
  const reports = new Map<PacedProbe, ProbeReport>();
  const settle = (paced: PacedProbe, line: string) => {
    if (line === "waiting") return;
    reports.set(paced, JSON.parse(line) as ProbeReport);
    paced.end();
  };
  try {
    for (const request of requests) {
      const paced = new PacedProbe(request);
      probes.push(paced);
      settle(paced, await paced.next());
    }
    for (let turn = 0; reports.size < probes.length; turn++) {
      const order = turn % 2 === 0 ? probes : [...probes].reverse();
      for (const paced of order.filter((p) => !reports.has(p))) {
        paced.go();
        settle(paced, await paced.next());
      }
    }
  } finally {
    for (const paced of probes) paced.end();
  }
  return probes.map((paced) => reports.get(paced) as ProbeReport);
}
