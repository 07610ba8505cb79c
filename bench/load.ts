/**
 * `npm run bench:load`: 2,000 correctly signed Slack slash commands, 50 at a time, against the
 * bot's HTTP receiver on loopback. The bot runs as its own process (`returnee-bot serve`, as in
 * production, with the default rate limit and JSON logs), pointed at a fake Slack in this process
 * that answers the Web API and records the answers at each response_url. It checks that every
 * request is acknowledged and answered correctly, once, reports p50 and p99, then stops the bot
 * with SIGTERM and checks it exits 0. Then the same again with two instances sharing one
 * redis-server (REDIS_URL), the requests split over both, if redis-server is installed.
 * A smaller run (200, in-process) is part of `npm test`.
 *
 *   npm run bench:load [-- REQUESTS [CONCURRENCY]]
 */
import { fileURLToPath } from "node:url";
import { driveLoad, type LoadResult } from "../test/adapters/slack/load.js";
import { startBotProcess } from "../test/bot-process.js";
import { FakeSlack } from "../test/fakes/slack.js";
import { HAVE_REDIS, RedisServer } from "../test/redis.js";

const requests = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 50);
const root = new URL(import.meta.url.includes("/dist/") ? "../../" : "../", import.meta.url);
const script = fileURLToPath(new URL("bin/returnee-bot.js", root));
const env = {
  KNOWLEDGE_DIR: fileURLToPath(new URL("test/fixtures/knowledge", root)),
  LOG_LEVEL: "info",
  UNANSWERED_LOG: "off",
};

interface Run extends LoadResult {
  errors: number;
  exitCodes: (number | null)[];
}

/** Starts `instances` bots (sharing Redis when given), drives the load over them, stops them. */
async function run(instances: number, redisUrl?: string): Promise<Run> {
  const fake = await new FakeSlack().start();
  const bots = await Promise.all(
    Array.from({ length: instances }, () =>
      startBotProcess(script, fake.apiUrl, redisUrl === undefined ? env : { ...env, REDIS_URL: redisUrl }),
    ),
  );
  const result = await driveLoad(
    bots.map((bot) => `${bot.url}/slack/events`),
    fake,
    requests,
    concurrency,
  );
  const exitCodes = await Promise.all(bots.map((bot) => bot.stop()));
  await fake.close();
  const errors = bots.flatMap((bot) => bot.logs()).filter((e) => (e.level as number) >= 50).length;
  return { ...result, errors, exitCodes };
}

function describe(title: string, r: Run): string[] {
  const wrong = r.failures.filter((f) => f.endsWith("wrong answer")).length;
  return [
    `${title}: ${r.requests} requests, ${r.concurrency} at a time, ${r.seconds} s (${Math.round(r.requests / r.seconds)}/s)`,
    `  acknowledged ${r.acknowledged}/${r.requests}, answered correctly ${r.answered - wrong}/${r.requests}, errors logged ${r.errors}, exit on SIGTERM ${r.exitCodes.join(", ")}`,
    `  acknowledgement:             p50 ${r.ack.p50} ms, p99 ${r.ack.p99} ms, max ${r.ack.max} ms`,
    `  answer at the response_url:  p50 ${r.answer.p50} ms, p99 ${r.answer.p99} ms, max ${r.answer.max} ms`,
    ...r.failures.slice(0, 20).map((f) => `  FAILED ${f}`),
  ];
}

const ok = (r: Run) =>
  r.failures.length === 0 && r.answered === requests && r.errors === 0 && r.exitCodes.every((c) => c === 0);

const one = await run(1);
const lines = describe("Slack slash commands over HTTP on loopback, one bot process", one);
let passed = ok(one);
if (HAVE_REDIS) {
  const redis = await RedisServer.start();
  const two = await run(2, redis.url);
  await redis.stop();
  passed &&= ok(two);
  lines.push(
    ...describe("Two bot processes sharing one redis-server, the requests split over both", two),
    `  p99 answer: ${one.answer.p99} ms with one process, ${two.answer.p99} ms with two on Redis`,
  );
} else {
  lines.push("Two instances on Redis: skipped, redis-server is not on PATH (apt-get install redis-server)");
}
process.stdout.write(`${lines.join("\n")}\n`);
process.exitCode = passed ? 0 : 1;
