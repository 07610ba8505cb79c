import { spawnSync } from "node:child_process";
import path from "node:path";
import { quantile } from "./speed.js";

/** Cold `ask`s through the real CLI against bare Node, each timed from spawn to exit. */
export interface Startup {
  /** Median wall time of `node -e 0`. */
  nodeMs: number;
  /** For each input, the median wall time of `node bin/returnee-bot.js ask "<input>"`, and its ratio to nodeMs. */
  asks: { input: string; ms: number; ratio: number }[];
  runs: number;
}

function wallMs(args: string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`${args.join(" ")} failed (${child.status}):\n${child.stderr}`);
  return ms;
}

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

/**
 * Times bare Node and one answer from a cold CLI process for each input, in turn, so that all see
 * the same machine load. One untimed `ask` first, as after `npm run build`: the knowledge cache is
 * in place.
 */
export function measureStartup(root: string, inputs: readonly string[], runs: number): Startup {
  const ask = (input: string) => [path.join(root, "bin", "returnee-bot.js"), "ask", input];
  wallMs(ask(inputs[0] ?? ""), root);
  const node: number[] = [];
  const answers = inputs.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    node.push(wallMs(["-e", "0"], root));
    for (const [j, input] of inputs.entries()) answers[j]?.push(wallMs(ask(input), root));
  }
  const nodeMs = median(node);
  return {
    nodeMs,
    asks: inputs.map((input, j) => {
      const ms = median(answers[j] ?? []);
      return { input, ms, ratio: ms / nodeMs };
    }),
    runs,
  };
}
