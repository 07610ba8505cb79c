/**
 * The bot as its own process, serving Slack over HTTP on a free port, as a supervisor runs it:
 * for tests and the load run that need one or more instances of the real CLI.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { BOT_TOKEN, SIGNING_SECRET } from "./adapters/slack/requests.js";
import { eventually, isReady, logLines } from "./helpers.js";

export interface BotProcess {
  child: ChildProcess;
  /** Where it listens: /slack/events and /healthz. */
  url: string;
  /** Its JSON log lines so far. */
  logs(): Record<string, unknown>[];
  /** SIGTERM, then resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `<script> serve` for Slack in HTTP mode against `slackApiUrl`, with `env` added. */
export async function startBotProcess(
  script: string,
  slackApiUrl: string,
  env: Record<string, string>,
): Promise<BotProcess> {
  const child = spawn(process.execPath, [script, "serve"], {
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      PORT: "0",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const logs = () => logLines(stderr);
  const exited = once(child, "exit");
  // Ready: listening, and hearing SIGTERM, so stop() is a clean shutdown from here on.
  await Promise.race([
    eventually(() => logs().find(isReady), "the bot ready"),
    exited.then(([code]) => {
      throw new Error(`the bot exited with ${code} before it was ready:\n${stderr}`);
    }),
  ]);
  const listening = logs().find((e) => typeof e.port === "number") as { port: number };
  return {
    child,
    url: `http://127.0.0.1:${listening.port}`,
    logs,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const [code] = await exited;
      return code as number | null;
    },
  };
}
