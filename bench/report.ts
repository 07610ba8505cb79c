import type { Results } from "./results.js";

type Cell = string | number;

/** A plain-text table: the first column left-aligned, the rest right-aligned. */
export function table(headers: string[], rows: Cell[][]): string {
  const text = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...text.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...text.slice(1).map(line)].join("\n");
}

const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
const fixed = (n: number, digits: number) => n.toFixed(digits);
const ms = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));

export function render(results: Results): string {
  const { machine, knowledge } = results;
  const quality = table(
    [
      "question set / system",
      "cases",
      "correct",
      "declined (answer:false)",
      "wrong-confident",
      "trap+oos answered",
    ],
    results.quality.map((q) => [
      `${q.set}: ${q.system}`,
      q.cases,
      pct(q.correct),
      pct(q.declined),
      pct(q.wrongConfident),
      `${q.trapAnswered.count}/${q.trapAnswered.of}`,
    ]),
  );
  const speed = table(
    [
      "system",
      "p50 ms",
      "p50 warming ms",
      "p99 ms",
      "answers/s (1 core)",
      "cold start ms",
      "(node+import+load+answer)",
      "peak RSS MiB",
      "samples",
    ],
    results.speed.map((s) => [
      s.system,
      ms(s.p50Ms),
      ms(s.warmingP50Ms),
      ms(s.p99Ms),
      fixed(s.perSecond, 0),
      fixed(s.coldStartMs, 0),
      [s.coldParts.nodeMs, s.coldParts.importMs, s.coldParts.loadMs, s.coldParts.answerMs]
        .map((n) => fixed(n, 0))
        .join("+"),
      fixed(s.coldRssMiB, 0),
      s.samples,
    ]),
  );
  const scale = table(
    [
      "size / system",
      "facts",
      "entities",
      "load ms",
      "cached load ms",
      "heap MiB",
      "p50 ms",
      "p99 ms",
      "answers/s",
      "cases passed",
    ],
    results.scale.map((s) => [
      `${s.factor}×: ${s.system}`,
      s.size.facts,
      s.size.entities,
      fixed(s.loadMs, 0),
      s.cachedLoadMs === undefined ? "" : fixed(s.cachedLoadMs, 0),
      fixed(s.heapMiB, 1),
      ms(s.p50Ms),
      ms(s.p99Ms),
      fixed(s.perSecond, 0),
      s.passed === null ? `(${s.samples} timed)` : `${s.passed}/${s.cases}`,
    ]),
  );
  const targets = results.targets.map((t) => `${t.pass ? "PASS" : "MISS"}  ${t.target}: ${t.measured}`);
  return [
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${fixed(machine.memoryGiB, 0)} GiB, Node ${machine.node}, ${machine.platform}`,
    `Knowledge: ${knowledge.facts} facts, ${knowledge.entities} entities, ${knowledge.faqs} FAQ, ${knowledge.sources} sources`,
    "",
    "Quality (the bot through runLine + formatText; baselines answer with their top hit)",
    quality,
    "",
    "Speed on the real knowledge base (latency after warm-up, one process per system, taking turns round by round)",
    speed,
    "",
    `Start-up: node -e 0 ${fixed(results.startup.nodeMs, 0)} ms; a cold ${results.startup.asks.map((a) => `\`returnee-bot ask ${JSON.stringify(a.input)}\` ${fixed(a.ms, 0)} ms (${fixed(a.ratio, 2)}×)`).join(", ")}; medians of ${results.startup.runs} spawns each`,
    "",
    "Scale (synthetic knowledge bases in the same layout, loaded by the real loader)",
    scale,
    "",
    "Targets",
    ...targets,
    ...(results.notes.length > 0 ? ["", "Notes", ...results.notes.map((n) => `- ${n}`)] : []),
    "",
    `Took ${fixed(results.durationS, 0)} s.`,
  ].join("\n");
}
