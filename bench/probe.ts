// Child entry: loads one system over one knowledge folder and reports load time, heap, latency and
// grading as one JSON line. Run with --expose-gc so that heap figures exclude garbage.
import { createInterface } from "node:readline";
import { judge, readCases } from "../test/eval/grade.js";
import { type Budget, DEFAULT_BUDGET, type Latency, measureLatency } from "./speed.js";
import { importSystem, isSystemName, type SystemName } from "./systems/index.js";

export interface ProbeRequest {
  system: SystemName;
  knowledgeDir: string;
  casesFile: string;
  budget?: Budget;
  /** Grade every case first (it also warms the code up); off where a full pass is too slow. */
  grade?: boolean;
  /** Time at most this many input lines, spread evenly over the cases. */
  sample?: number;
  /**
   * Take turns with other probes: before each measured round, print `waiting` and wait for a line
   * on standard input (see `probeTogether`).
   */
  paced?: boolean;
}

export interface ProbeReport {
  system: SystemName;
  loadMs: number;
  /** V8 heap in use before loading, after a full garbage collection, in MiB. */
  heapBeforeMiB: number;
  /** V8 heap in use after loading and a full garbage collection, in MiB. */
  heapMiB: number;
  latency: Latency;
  /** Cases the grader passes on this knowledge folder; null when not graded. */
  passed: number | null;
  cases: number;
  /** The process's peak resident memory, in MiB. */
  maxRssMiB: number;
}

function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function probe(request: ProbeRequest): Promise<ProbeReport> {
  const cases = readCases(request.casesFile);
  const load = await importSystem(request.system);
  collect();
  const heapBeforeMiB = process.memoryUsage().heapUsed / 2 ** 20;
  const start = performance.now();
  const system = load(request.knowledgeDir);
  const loadMs = performance.now() - start;
  collect();
  const heapMiB = process.memoryUsage().heapUsed / 2 ** 20;
  const passed =
    request.grade === false ? null : cases.filter((c) => judge(c, system.answer(c.input)) === null).length;
  const lines = spread(
    cases.map((c) => c.input),
    request.sample ?? cases.length,
  );
  const latency = await measureLatency(
    (line) => system.answer(line),
    lines,
    request.budget ?? DEFAULT_BUDGET,
    request.paced ? turns() : undefined,
  );
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  return {
    system: request.system,
    loadMs,
    heapBeforeMiB,
    heapMiB,
    latency,
    passed,
    cases: cases.length,
    maxRssMiB,
  };
}

/** Says `waiting` and resolves at the next line of standard input. */
function turns(): () => Promise<void> {
  const input = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  return async () => {
    process.stdout.write("waiting\n");
    if ((await input.next()).done)
      throw new Error("probe: standard input closed before the rounds were done");
  };
}

/** At most n items, evenly spaced. */
function spread<T>(items: T[], n: number): T[] {
  if (n >= items.length) return items;
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

const request = JSON.parse(process.argv[2] ?? "{}") as ProbeRequest;
if (!isSystemName(request.system)) throw new Error(`probe: unknown system ${String(request.system)}`);
process.stdout.write(`${JSON.stringify(await probe(request))}\n`);
