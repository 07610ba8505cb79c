// `npm run bench`: quality against two baselines, speed, cold start and growth with knowledge size.
// Prints tables and writes the same figures to bench/results.json.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defaultKnowledgeDir, loadKnowledge } from "../src/core/knowledge/loader.js";
import { readCases } from "../test/eval/grade.js";
import { type ColdRun, coldStart, probeTogether } from "./children.js";
import {
  COLD_QUESTION,
  COLD_RUNS,
  FACTORS,
  SCALE_PLAN,
  STARTUP_INPUTS,
  STARTUP_RUNS,
  TAKING_TURNS_AT,
} from "./plan.js";
import type { ProbeReport } from "./probe.js";
import { grade, type QualityRow } from "./quality.js";
import { render } from "./report.js";
import type { Machine, Results, ScaleRow, SpeedRow } from "./results.js";
import { quantile } from "./speed.js";
import { measureStartup } from "./startup.js";
import {
  type KnowledgeSize,
  REAL_CITY_SHARE,
  sizeOf,
  writeSyntheticKnowledge,
} from "./synthetic/generate.js";
import { loadSystem, SYSTEM_NAMES, type SystemName } from "./systems/index.js";
import { checkTargets } from "./targets.js";

const started = performance.now();
const knowledgeDir = defaultKnowledgeDir();
const root = path.dirname(knowledgeDir);
const casesFile = path.join(root, "test", "eval", "cases.jsonl");
const devFile = path.join(root, "..", "shared", "eval", "dev.jsonl");
const realSize = sizeOf(loadKnowledge(knowledgeDir));
const notes: string[] = [];
const progress = (message: string) => process.stderr.write(`bench: ${message}\n`);

function machine(): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    memoryGiB: os.totalmem() / 2 ** 30,
  };
}

async function quality(): Promise<QualityRow[]> {
  const sets: [string, string][] = [["own cases", casesFile]];
  if (existsSync(devFile)) sets.push(["dev set", devFile]);
  else notes.push("dev set skipped: ../shared/eval/dev.jsonl is absent");
  const rows: QualityRow[] = [];
  for (const name of SYSTEM_NAMES) {
    progress(`quality: ${name}`);
    const system = await loadSystem(name, knowledgeDir);
    for (const [set, file] of sets) rows.push(grade(system, set, readCases(file)));
  }
  return rows;
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function cold(system: SystemName): Pick<SpeedRow, "coldStartMs" | "coldParts" | "coldRssMiB"> {
  progress(`cold start: ${system} ×${COLD_RUNS}`);
  const runs = Array.from({ length: COLD_RUNS }, () => coldStart(system, knowledgeDir, COLD_QUESTION));
  const of = (part: (r: ColdRun) => number) => median(runs.map(part));
  return {
    coldStartMs: of((r) => r.firstAnswerMs),
    coldParts: {
      nodeMs: of((r) => r.entryMs),
      importMs: of((r) => r.importedMs - r.entryMs),
      loadMs: of((r) => r.loadedMs - r.importedMs),
      answerMs: of((r) => r.firstAnswerMs - r.loadedMs),
    },
    coldRssMiB: of((r) => r.maxRssMiB),
  };
}

async function scale(): Promise<ScaleRow[]> {
  const temp = mkdtempSync(path.join(os.tmpdir(), "returnee-bench-"));
  const rows: ScaleRow[] = [];
  try {
    for (const factor of FACTORS) {
      let dir = knowledgeDir;
      let size: KnowledgeSize = realSize;
      if (factor !== 1) {
        dir = path.join(temp, `x${factor}`, "knowledge");
        size = writeSyntheticKnowledge({ baseDir: knowledgeDir, factor, outDir: dir });
      }
      const requests = (Object.entries(SCALE_PLAN[factor]) as [SystemName, object][]).map(
        ([system, plan]) => ({ system, knowledgeDir: dir, casesFile, ...plan }),
      );
      const groups = factor === TAKING_TURNS_AT ? [requests] : requests.map((request) => [request]);
      const reports: ProbeReport[] = [];
      for (const group of groups) {
        progress(`scale ${factor}×: ${group.map((r) => r.system).join(" and ")}`);
        reports.push(...(await probeTogether(group)));
      }
      for (const report of reports) {
        // The probe's load was the first (and wrote the knowledge cache); a fresh process now reads it.
        const cachedLoadMs =
          report.system === "bot"
            ? median(
                [0, 1, 2]
                  .map(() => coldStart("bot", dir, COLD_QUESTION))
                  .map((r) => r.loadedMs - r.importedMs),
              )
            : undefined;
        rows.push({
          factor,
          size,
          ...report,
          ...report.latency,
          ...(cachedLoadMs === undefined ? {} : { cachedLoadMs }),
        });
      }
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return rows;
}

progress(`start-up: node -e 0 and a cold ask ×${STARTUP_RUNS}`);
const startup = measureStartup(root, STARTUP_INPUTS, STARTUP_RUNS);
const qualityRows = await quality();
const scaleRows = await scale();
const speedRows: SpeedRow[] = SYSTEM_NAMES.map((system) => {
  const probed = scaleRows.find((r) => r.system === system && r.factor === 1);
  if (probed === undefined) throw new Error(`no 1× probe for ${system}`);
  const { p50Ms, warmingP50Ms, p99Ms, perSecond, samples } = probed;
  return { system, p50Ms, warmingP50Ms, p99Ms, perSecond, samples, ...cold(system) };
});
notes.push(
  `latency is timed over the input lines of ${path.relative(root, casesFile)}, the same lines at every size`,
  `a synthetic knowledge base is the curated one plus invented records; ${100 * REAL_CITY_SHARE}% of the invented city-bound entities sit in real cities`,
);
for (const [factor, plan] of Object.entries(SCALE_PLAN)) {
  for (const [system, p] of Object.entries(plan)) {
    if (p.sample !== undefined)
      notes.push(`${system} at ${factor}×: ${p.sample} questions timed once, not graded`);
  }
}

const results: Results = {
  generatedAt: new Date().toISOString(),
  durationS: (performance.now() - started) / 1000,
  machine: machine(),
  knowledge: realSize,
  quality: qualityRows,
  speed: speedRows,
  startup,
  scale: scaleRows,
  targets: checkTargets(qualityRows, speedRows, scaleRows, startup),
  notes,
};
writeFileSync(path.join(root, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(render(results));
