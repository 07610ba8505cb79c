import { spawnSync } from "node:child_process";
import path from "node:path";
import { quantile } from "./speed.js";

/** A cold `ask` through the real CLI against bare Node, each timed from spawn to exit. */
export interface Startup {
  /** Median wall time of `node -e 0`. */
  nodeMs: number;
  /** Median wall time of `node bin/returnee-bot.js ask "<question>"`. */
  askMs: number;
  ratio: number;
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
 * Times bare Node and one answer from a cold CLI process, alternately so that both see the same
 * machine load. One untimed `ask` first, as after `npm run build`: the knowledge cache is in place.
 */
export function measureStartup(root: string, question: string, runs: number): Startup {
  const ask = [path.join(root, "bin", "returnee-bot.js"), "ask", question];
  wallMs(ask, root);
  const node: number[] = [];
  const answer: number[] = [];
  for (let i = 0; i < runs; i++) {
    node.push(wallMs(["-e", "0"], root));
    answer.push(wallMs(ask, root));
  }
  const nodeMs = median(node);
  const askMs = median(answer);
  return { nodeMs, askMs, ratio: askMs / nodeMs, runs };
}
