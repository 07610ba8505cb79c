/** How long answers take once the code is warm. */
export interface Latency {
  p50Ms: number;
  p99Ms: number;
  /**
   * The median over the warm-up: what answers cost while V8 is still compiling, which for the bot
   * takes thousands of answers (about 20 rounds of the cases) and for MiniSearch a few hundred.
   */
  warmingP50Ms: number;
  /** Answers per second on one core, from the measured rounds' wall time. */
  perSecond: number;
  samples: number;
}

export interface Budget {
  /** Rounds over all lines run before measuring, to let the JIT settle. */
  warmupRounds: number;
  /** Keep warming up until this much time has passed too: one round is too few answers for V8 to settle. */
  warmupMs: number;
  minRounds: number;
  maxRounds: number;
  /** Keep measuring rounds until this much time has passed (within minRounds..maxRounds). */
  minMs: number;
}

export const DEFAULT_BUDGET: Readonly<Budget> = Object.freeze({
  warmupRounds: 1,
  warmupMs: 3000,
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

/**
 * Times every answer to every line, round after round, after a warm-up. `pace` is awaited before
 * each measured round: a bench measuring several systems uses it to take turns with them.
 */
export async function measureLatency(
  answer: (line: string) => unknown,
  lines: readonly string[],
  budget: Budget = DEFAULT_BUDGET,
  pace: () => Promise<void> = async () => {},
): Promise<Latency> {
  const warming: number[] = [];
  const warmupStart = process.hrtime.bigint();
  for (
    let r = 0;
    r < budget.warmupRounds || Number(process.hrtime.bigint() - warmupStart) / 1e6 < budget.warmupMs;
    r++
  )
    for (const line of lines) warming.push(timed(answer, line));
  const times: number[] = [];
  let wallNs = 0n;
  for (let r = 0; r < budget.maxRounds; r++) {
    if (r >= budget.minRounds && Number(wallNs) / 1e6 >= budget.minMs) break;
    await pace();
    const roundStart = process.hrtime.bigint();
    for (const line of lines) times.push(timed(answer, line));
    wallNs += process.hrtime.bigint() - roundStart;
  }
  times.sort((a, b) => a - b);
  warming.sort((a, b) => a - b);
  return {
    warmingP50Ms: quantile(warming, 0.5),
    p50Ms: quantile(times, 0.5),
    p99Ms: quantile(times, 0.99),
    perSecond: times.length / (Number(wallNs) / 1e9),
    samples: times.length,
  };
}

/** How long one answer takes, in milliseconds. */
function timed(answer: (line: string) => unknown, line: string): number {
  const start = process.hrtime.bigint();
  answer(line);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
