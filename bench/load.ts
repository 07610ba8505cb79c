/**
 * `npm run bench:load`: correctly signed Slack slash commands against the bot's HTTP receiver on
 * loopback. The bot runs as its own process (`returnee-bot serve`, as in production: the curated
 * knowledge base, the default rate limit and bound on answers in flight, JSON logs, the unanswered
 * log on), pointed at a fake Slack in this process that answers the Web API and records the
 * answers at each response_url. It checks that every request is acknowledged, and answered
 * correctly and once unless the acknowledgement said the bot was busy, that the unanswered log
 * holds every decline, reports p50 and p99, then stops the bot with SIGTERM and checks it exits 0.
 *
 * Three runs: REQUESTS (2,000) at CONCURRENCY (50) at a time; the same requests at OVERLOAD (500)
 * at a time, where the bound on answers in flight sheds what would otherwise wait past Slack's
 * 3 s; and, if redis-server is installed, two instances sharing one Redis, the requests split
 * over both. A smaller run (200, in-process, on the fixture) is part of `npm test`.
 *
 *   npm run bench:load [-- REQUESTS [CONCURRENCY [OVERLOAD]]]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { messages } from "../src/core/compose/messages.js";
import { UNANSWERED_STREAM } from "../src/ops/unanswered-stream.js";
import { driveLoad, type LoadQuestion, type LoadResult } from "../test/adapters/slack/load.js";
import { startBotProcess } from "../test/bot-process.js";
import { FakeSlack } from "../test/fakes/slack.js";
import { tempDir } from "../test/helpers.js";
import { HAVE_REDIS, RedisServer } from "../test/redis.js";

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);
const overload = Number(process.argv[4] ?? 500);
const root = new URL(import.meta.url.includes("/dist/") ? "../../" : "../", import.meta.url);
const script = fileURLToPath(new URL("bin/returnee-bot.js", root));

/** Questions the curated knowledge base answers, and one in five it declines. */
const QUESTIONS: readonly LoadQuestion[] = [
  { command: "/city", text: "Guangzhou", expect: "67,000" },
  { command: "/ask", text: "How many talent green cards has Guangzhou issued?", expect: "2,515" },
  { command: "/ask", text: "How do I cook fried rice?", expect: messages.declineTitle },
  { command: "/convention", text: "", expect: "21-22 December 2018" },
  { command: "/sources", text: "", expect: "Guangzhou: hotspot for returning talents" },
];

interface Run extends LoadResult {
  errors: number;
  exitCodes: (number | null)[];
  /** Records in the unanswered log (or logs) once the bots have stopped. */
  recorded: number;
}

/** Starts `instances` bots (sharing Redis when given), drives the load over them, stops them. */
async function run(instances: number, inFlight: number, redis?: RedisServer): Promise<Run> {
  const fake = await new FakeSlack().start();
  const logs = Array.from({ length: instances }, () => path.join(tempDir(), "unanswered.jsonl"));
  const bots = await Promise.all(
    logs.map((log) =>
      startBotProcess(script, fake.apiUrl, {
        LOG_LEVEL: "info",
        UNANSWERED_LOG: log,
        ...(redis === undefined ? {} : { REDIS_URL: redis.url }),
      }),
    ),
  );
  const urls = bots.map((bot) => `${bot.url}/slack/events`);
  const result = await driveLoad(urls, fake, requests, inFlight, QUESTIONS);
  const exitCodes = await Promise.all(bots.map((bot) => bot.stop()));
  await fake.close();
  const errors = bots.flatMap((bot) => bot.logs()).filter((e) => (e.level as number) >= 50).length;
  const recorded =
    redis === undefined
      ? logs.reduce((n, log) => n + readFileSync(log, "utf8").split("\n").filter(Boolean).length, 0)
      : await (await redis.connect()).xlen(UNANSWERED_STREAM);
  return { ...result, errors, exitCodes, recorded };
}

function describe(title: string, r: Run): string[] {
  const wrong = r.failures.filter((f) => f.endsWith("wrong answer")).length;
  return [
    `${title}: ${r.requests} requests, ${r.concurrency} at a time, ${r.seconds} s (${Math.round(r.requests / r.seconds)}/s)`,
    `  acknowledged ${r.acknowledged}/${r.requests} (${r.lateAcks} after 3 s), told busy ${r.shed}, answered correctly ${r.answered - wrong}, declines recorded ${r.recorded}/${r.declined}, errors logged ${r.errors}, exit on SIGTERM ${r.exitCodes.join(", ")}`,
    `  acknowledgement:             p50 ${r.ack.p50} ms, p99 ${r.ack.p99} ms, max ${r.ack.max} ms`,
    `  answer at the response_url:  p50 ${r.answer.p50} ms, p99 ${r.answer.p99} ms, max ${r.answer.max} ms`,
    ...r.failures.slice(0, 20).map((f) => `  FAILED ${f}`),
  ];
}

const ok = (r: Run) =>
  r.failures.length === 0 &&
  r.answered + r.shed === requests &&
  r.recorded === r.declined &&
  r.errors === 0 &&
  r.exitCodes.every((c) => c === 0);

const one = await run(1, concurrency);
const lines = describe("Slack slash commands over HTTP on loopback, one bot process", one);
const over = await run(1, overload);
lines.push(...describe("The same, overloaded", over));
let passed = ok(one) && one.shed === 0 && ok(over);
if (HAVE_REDIS) {
  const redis = await RedisServer.start();
  const two = await run(2, concurrency, redis);
  await redis.stop();
  passed &&= ok(two) && two.shed === 0;
  lines.push(
    ...describe("Two bot processes sharing one redis-server, the requests split over both", two),
    `  p99 answer: ${one.answer.p99} ms with one process, ${two.answer.p99} ms with two on Redis`,
  );
} else {
  lines.push("Two instances on Redis: skipped, redis-server is not on PATH (apt-get install redis-server)");
}
process.stdout.write(`${lines.join("\n")}\n`);
process.exitCode = passed ? 0 : 1;
