/**
 * The compiled CLI as its own process, as a supervisor runs it: SIGTERM and SIGINT end `serve`
 * with exit code 0, even with an answer stuck in flight; an unhandled rejection is logged and the
 * process carries on.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TOKEN } from "../adapters/discord/harness.js";
import { botUser, guildPayload, ids } from "../adapters/discord/payloads.js";
import { BOT_TOKEN, postSigned, SIGNING_SECRET, slashCommand } from "../adapters/slack/requests.js";
import { type Compiled, compile } from "../compiled.js";
import { FakeDiscord } from "../fakes/discord.js";
import { FakeSlack, type Received } from "../fakes/slack.js";
import { eventually, FIXTURE_KNOWLEDGE, isReady, logLines } from "../helpers.js";

let compiled: Compiled;
let discord: FakeDiscord;
let slack: FakeSlack;

beforeAll(async () => {
  compiled = compile("returnee-bot-signals");
  discord = await FakeDiscord.start({
    token: TOKEN,
    applicationId: ids.app,
    user: botUser,
    guilds: [guildPayload()],
  });
  slack = await new FakeSlack().start();
}, 60_000);

afterAll(async () => {
  await discord?.close();
  await slack?.close();
});

interface Bot {
  child: ChildProcess;
  url: string;
  logs(): Record<string, unknown>[];
}

/** Starts `serve` for Discord and Slack and waits until both are up. */
async function serve(): Promise<Bot> {
  const child = spawn(process.execPath, [compiled.cli, "serve"], {
    env: {
      PATH: process.env.PATH,
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.app,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: "0",
      UNANSWERED_LOG: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const logs = () => logLines(stderr);
  const sessions = discord.identifies.length + discord.resumes.length;
  await eventually(() => logs().find(isReady), "the bot ready");
  const listening = logs().find((e) => typeof e.port === "number") as { port: number };
  await discord.waitForSessions(sessions + 1);
  return { child, url: `http://127.0.0.1:${listening.port}`, logs };
}

describe("serve as a process", () => {
  // Starting a bot process is set-up, with set-up's time: the tests time what they are about.
  let bot: Bot;
  beforeEach(async () => {
    bot = await serve();
  });
  afterEach(async () => {
    if (bot.child.exitCode === null && bot.child.signalCode === null) {
      bot.child.kill("SIGKILL");
      await once(bot.child, "exit");
    }
  });

  it("exits 0 on SIGTERM even when an answer is stuck in flight, closing the gateway", async () => {
    // Slack never answers this response_url: the answer cannot finish.
    const stuck = slack.faults.hold((r: Received) => r.target === "respond/stuck");
    const form = new URLSearchParams(slashCommand("/ask", "gz green cards", slack.responseUrl("stuck")));
    await postSigned(`${bot.url}/slack/events`, form.toString(), "application/x-www-form-urlencoded");
    await stuck.arrived;

    const exited = once(bot.child, "exit");
    bot.child.kill("SIGTERM");
    expect(await exited).toEqual([0, null]);
    expect(bot.logs().find((e) => e.msg === "shutting down: gave up waiting for some answers")).toMatchObject(
      {
        unfinished: 1,
      },
    );
    await discord.waitForNoConnections();
    stuck.release();
    const text = JSON.stringify(bot.logs());
    for (const secret of [TOKEN, BOT_TOKEN, SIGNING_SECRET]) expect(text).not.toContain(secret);
  });

  it("exits 0 on SIGINT, logging the signal and that it stopped", async () => {
    const exited = once(bot.child, "exit");
    bot.child.kill("SIGINT");
    expect(await exited).toEqual([0, null]);
    const messages = bot.logs().map((e) => e.msg);
    expect(messages).toContain("signal received");
    expect(messages.at(-1)).toBe("stopped");
  });
});

describe("a process with the guard installed", () => {
  it("logs an unhandled rejection, secrets redacted, and keeps running", async () => {
    const script = `
      import { createLogger } from "./src/log.js";
      import { guardProcess } from "./src/ops/shutdown.js";
      const logger = createLogger({ level: "info", secrets: ["${SIGNING_SECRET}"] });
      guardProcess(process, logger);
      Promise.reject(new Error("nobody awaited ${BOT_TOKEN} or ${SIGNING_SECRET}"));
      setTimeout(() => console.log("still running"), 50);
    `;
    const file = path.join(compiled.out, "rejection.mjs");
    await import("node:fs/promises").then((fs) => fs.writeFile(file, script));
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file]);
    expect(stdout.trim()).toBe("still running");
    const [entry] = stderr
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(entry).toMatchObject({ level: 50, msg: "unhandled promise rejection; carrying on" });
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
