/** How long answers take once the code is warm. */
export interface Latency {
  p50Ms: number;
  p99Ms: number;
  /** Answers per second on one core, from the measured rounds' wall time. */
  perSecond: number;
  samples: number;
}

export interface Budget {
  /** Rounds over all lines run before measuring, to let the JIT settle. */
  warmupRounds: number;
  minRounds: number;
  maxRounds: number;
  /** Keep measuring rounds until this much time has passed (within minRounds..maxRounds). */
  minMs: number;
}

export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  warmupRounds: 1,
  minRounds: 3,
  maxRounds: 30,
  minMs: 1500,
});

/** The value at quantile q (0..1) of sorted numbers, by the nearest-rank rule. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Times every answer to every line, round after round, after a warm-up. */
export function measureLatency(
  answer: (line: string) => unknown,
  lines: readonly string[],
  budget: Budget = DEFAULT_BUDGET,
): Latency {
  for (let r = 0; r < budget.warmupRounds; r++) for (const line of lines) answer(line);
  const times: number[] = [];
  let wallNs = 0n;
  for (let r = 0; r < budget.maxRounds; r++) {
    if (r >= budget.minRounds && Number(wallNs) / 1e6 >= budget.minMs) break;
    const roundStart = process.hrtime.bigint();
    for (const line of lines) {
      const start = process.hrtime.bigint();
      answer(line);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    wallNs += process.hrtime.bigint() - roundStart;
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    perSecond: times.length / (Number(wallNs) / 1e9),
    samples: times.length,
  };
}
