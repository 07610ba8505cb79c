import { TARGETS } from "./plan.js";
import type { QualityRow } from "./quality.js";
import type { ScaleRow, SpeedRow, TargetCheck } from "./results.js";
import type { Startup } from "./startup.js";

const ms = (n: number | undefined) => (n === undefined ? "not measured" : `${n.toFixed(3)} ms`);
const pct = (n: number) => `${(100 * n).toFixed(1)}%`;

/** Checks the bot's figures against the targets the issue sets. */
export function checkTargets(
  quality: QualityRow[],
  speed: SpeedRow[],
  scale: ScaleRow[],
  startup: Startup,
): TargetCheck[] {
  const bot = speed.find((s) => s.system === "bot");
  const at100 = scale.find((s) => s.system === "bot" && s.factor === 100);
  const mini = speed.find((s) => s.system === "minisearch");
  const share = (bot?.p50Ms ?? Number.NaN) / (mini?.p50Ms ?? Number.NaN);
  const warmingShare = (bot?.warmingP50Ms ?? Number.NaN) / (mini?.warmingP50Ms ?? Number.NaN);
  const command = startup.asks.find((a) => a.input === "/convention");
  const meanMs = (row: SpeedRow | undefined) => (row === undefined ? undefined : 1000 / row.perSecond);
  const checks: TargetCheck[] = [
    {
      target: `p99 under ${TARGETS.p99Ms} ms per answer, real knowledge base`,
      measured: ms(bot?.p99Ms),
      pass: bot !== undefined && bot.p99Ms < TARGETS.p99Ms,
    },
    {
      target: `p99 under ${TARGETS.p99At100Ms} ms per answer at 100×`,
      measured: ms(at100?.p99Ms),
      pass: at100 !== undefined && at100.p99Ms < TARGETS.p99At100Ms,
    },
    {
      target: `cold start under ${TARGETS.coldStartMs} ms`,
      measured: ms(bot?.coldStartMs),
      pass: bot !== undefined && bot.coldStartMs < TARGETS.coldStartMs,
    },
    {
      target: `a cold \`returnee-bot ask "/convention"\` at most ${TARGETS.coldRatio}× bare \`node -e 0\``,
      measured: `${command?.ms.toFixed(0)} ms vs ${startup.nodeMs.toFixed(0)} ms: ${command?.ratio.toFixed(2)}×`,
      pass: command !== undefined && command.ratio <= TARGETS.coldRatio,
    },
    {
      target: `per-answer cost (p50) at most ${TARGETS.costShareOfMiniSearch} of MiniSearch's over the fact sentences`,
      measured: `${ms(bot?.p50Ms)} vs ${ms(mini?.p50Ms)}: ${share.toFixed(2)} (means ${ms(meanMs(bot))} vs ${ms(meanMs(mini))}; while warming up ${ms(bot?.warmingP50Ms)} vs ${ms(mini?.warmingP50Ms)}: ${warmingShare.toFixed(2)})`,
      pass: share <= TARGETS.costShareOfMiniSearch,
    },
  ];
  for (const set of new Set(quality.map((q) => q.set))) {
    const rows = quality.filter((q) => q.set === set);
    const mine = rows.find((q) => q.system === "bot");
    const others = rows.filter((q) => q.system !== "bot");
    if (mine === undefined) continue;
    checks.push({
      target: `more accurate than both baselines on ${set}`,
      measured: [mine, ...others].map((q) => `${q.system} ${pct(q.correct)}`).join(", "),
      pass: others.every((o) => mine.correct > o.correct),
    });
    checks.push({
      target: `no confident answer to a trap or out-of-scope case in ${set}`,
      measured: `${mine.trapAnswered.count} of ${mine.trapAnswered.of} answered`,
      pass: mine.trapAnswered.count === 0,
    });
  }
  return checks;
}
