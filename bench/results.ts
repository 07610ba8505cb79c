import type { QualityRow } from "./quality.js";
import type { Startup } from "./startup.js";
import type { KnowledgeSize } from "./synthetic/generate.js";
import type { SystemName } from "./systems/index.js";

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGiB: number;
}

export interface SpeedRow {
  system: SystemName;
  p50Ms: number;
  /** The median while the code warms up (see Latency). */
  warmingP50Ms: number;
  p99Ms: number;
  perSecond: number;
  samples: number;
  /** Median over the cold runs of the time from process start to the first answer. */
  coldStartMs: number;
  /** Medians of where that time went: Node start-up, imports, loading and indexing, the answer. */
  coldParts: { nodeMs: number; importMs: number; loadMs: number; answerMs: number };
  /** Median peak resident memory of the cold runs. */
  coldRssMiB: number;
}

export interface ScaleRow {
  factor: number;
  system: SystemName;
  size: KnowledgeSize;
  loadMs: number;
  /** For the bot: loading again in a fresh process, from the knowledge cache the first load wrote. */
  cachedLoadMs?: number;
  heapBeforeMiB: number;
  heapMiB: number;
  p50Ms: number;
  warmingP50Ms: number;
  p99Ms: number;
  perSecond: number;
  samples: number;
  passed: number | null;
  cases: number;
  maxRssMiB: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  pass: boolean;
}

/** Everything a run measured: what bench/results.json holds. */
export interface Results {
  generatedAt: string;
  durationS: number;
  machine: Machine;
  knowledge: KnowledgeSize;
  quality: QualityRow[];
  speed: SpeedRow[];
  startup: Startup;
  scale: ScaleRow[];
  targets: TargetCheck[];
  notes: string[];
}
