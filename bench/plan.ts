import type { ProbeRequest } from "./probe.js";
import { DEFAULT_BUDGET } from "./speed.js";
import type { SystemName } from "./systems/index.js";

/** What the benchmark reports against. Printed as PASS or MISS, never asserted. */
export const TARGETS = Object.freeze({
  p99Ms: 1,
  p99At100Ms: 10,
  coldStartMs: 500,
  /** A cold `returnee-bot ask "/convention"` takes at most this many times bare `node -e 0`. */
  coldRatio: 2.5,
  /** The bot's median time per answer is at most this share of MiniSearch's over the fact sentences. */
  costShareOfMiniSearch: 0.5,
});

/** Sizes of the synthetic knowledge bases, as multiples of the real one. */
export const FACTORS = [1, 10, 100] as const;
export type Factor = (typeof FACTORS)[number];

/**
 * The size where the cost share compares the bot with MiniSearch: there the systems take turns round
 * by round. At the others each is measured alone, so that its tail holds none of another's cache misses.
 */
export const TAKING_TURNS_AT: Factor = 1;

export const COLD_RUNS = 5;
/** Spawns of `node -e 0` and of a cold CLI `ask` each, alternated, for the start-up ratio. */
export const STARTUP_RUNS = 15;
export const COLD_QUESTION = "How many returnees has Guangzhou attracted?";
/** What a cold CLI `ask` is timed on: a command (the target) and a question. */
export const STARTUP_INPUTS = ["/convention", COLD_QUESTION] as const;

type Plan = Pick<ProbeRequest, "budget" | "grade" | "sample">;
const full: Plan = {};
/** fuse.js scans every fact on every search: at scale it gets a light, sampled budget. */
const oneSampledRound = (sample: number): Plan => ({
  budget: { warmupRounds: 0, warmupMs: 0, minRounds: 1, maxRounds: 1, minMs: 0 },
  grade: false,
  sample,
});
/** The grading pass warms the code; at 100× two measured rounds are enough. */
const twoRounds: Plan = { budget: { ...DEFAULT_BUDGET, warmupRounds: 0, warmupMs: 0, minRounds: 2 } };

/** Which system is measured at which size, and how hard. */
export const SCALE_PLAN: Readonly<Record<Factor, Partial<Record<SystemName, Plan>>>> = {
  1: { bot: full, "fuse.js": full, minisearch: full },
  10: { bot: full, "fuse.js": oneSampledRound(52), minisearch: full },
  100: { bot: twoRounds, "fuse.js": oneSampledRound(12), minisearch: twoRounds },
};
