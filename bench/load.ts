/**
 * `npm run bench:load`: 2,000 correctly signed Slack slash commands, 50 at a time, against the
 * bot's HTTP receiver on loopback. The bot runs as its own process (`returnee-bot serve`, as in
 * production, with the default rate limit and JSON logs), pointed at a fake Slack in this process
 * that answers the Web API and records the answers at each response_url. It checks that every
 * request is acknowledged and answered correctly, reports p50 and p99, then stops the bot with
 * SIGTERM and checks it exits 0. A smaller run (200, in-process) is part of `npm test`.
 *
 *   npm run bench:load [-- REQUESTS [CONCURRENCY]]
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { driveLoad } from "../test/adapters/slack/load.js";
import { BOT_TOKEN, SIGNING_SECRET } from "../test/adapters/slack/requests.js";
import { FakeSlack } from "../test/fakes/slack.js";

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);
const root = new URL(import.meta.url.includes("/dist/") ? "../../" : "../", import.meta.url);

const fake = await new FakeSlack().start();
const bot = spawn(process.execPath, [fileURLToPath(new URL("bin/returnee-bot.js", root)), "serve"], {
  env: {
    PATH: process.env.PATH,
    KNOWLEDGE_DIR: fileURLToPath(new URL("test/fixtures/knowledge", root)),
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: "0",
    LOG_LEVEL: "info",
    UNANSWERED_LOG: "off",
  },
  stdio: ["ignore", "ignore", "pipe"],
});
let stderr = "";
const port = await new Promise<number>((resolve, reject) => {
  bot.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    const match = /"port":(\d+)/.exec(stderr);
    if (match) resolve(Number(match[1]));
  });
  bot.once("exit", (code) => reject(new Error(`the bot exited with ${code} before listening:\n${stderr}`)));
  setTimeout(() => {
    bot.kill("SIGKILL");
    reject(new Error(`the bot did not start listening in 30 s:\n${stderr}`));
  }, 30_000).unref();
});

const result = await driveLoad(`http://127.0.0.1:${port}/slack/events`, fake, requests, concurrency);
const exited = once(bot, "exit");
bot.kill("SIGTERM");
const [exitCode] = await exited;
await fake.close();
const errors = stderr.split("\n").filter((l) => /"level":(50|60)/.test(l)).length;

const wrong = result.failures.filter((f) => f.endsWith("wrong answer")).length;
const lines = [
  `Slack slash commands over HTTP on loopback, bot in its own process: ${result.requests} requests, ${result.concurrency} at a time, ${result.seconds} s (${Math.round(result.requests / result.seconds)}/s)`,
  `  acknowledged ${result.acknowledged}/${result.requests}, answered correctly ${result.answered - wrong}/${result.requests}, errors logged ${errors}, exit on SIGTERM ${exitCode}`,
  `  acknowledgement:             p50 ${result.ack.p50} ms, p99 ${result.ack.p99} ms, max ${result.ack.max} ms`,
  `  answer at the response_url:  p50 ${result.answer.p50} ms, p99 ${result.answer.p99} ms, max ${result.answer.max} ms`,
  ...result.failures.slice(0, 20).map((f) => `  FAILED ${f}`),
];
process.stdout.write(`${lines.join("\n")}\n`);
const ok = result.failures.length === 0 && result.answered === requests && errors === 0 && exitCode === 0;
process.exitCode = ok ? 0 : 1;
