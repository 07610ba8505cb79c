/**
 * A load run against the Slack HTTP receiver on loopback: correctly signed slash commands, a fixed
 * number in flight at once, each from its own user. It checks every one is acknowledged, and
 * answered correctly unless the bot said in the acknowledgement that it was busy, and measures how
 * long acknowledgements and answers took.
 */

import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { helpMessages } from "../../../commands/messages.js";
import { startSlack } from "../../../src/adapters/slack/index.js";
import { EVENTS_PATH } from "../../../src/adapters/slack/manifest.js";
import { slackMessages } from "../../../src/adapters/slack/messages.js";
import { DEFAULT_RATE_LIMIT } from "../../../src/config.js";
import { messages } from "../../../src/core/compose/messages.js";
import type { Core } from "../../../src/core/core.js";
import { MemoryRateLimiter } from "../../../src/ops/rate-limit.js";
import { FakeSlack } from "../../fakes/slack.js";
import { live, testDesk } from "../../helpers.js";
import { BOT_TOKEN, SIGNING_SECRET, signedHeaders, slashCommand } from "./requests.js";

/** What a request asks, and a phrase its answer must hold. */
export interface LoadQuestion {
  command: string;
  text: string;
  expect: string;
}

/** Questions the fixture knowledge base answers, or declines (one in five). */
export const FIXTURE_QUESTIONS: readonly LoadQuestion[] = [
  { command: "/city", text: "Guangzhou", expect: "67,000" },
  { command: "/ask", text: "How many talent green cards has Guangzhou issued?", expect: "2,515" },
  { command: "/ask", text: "How do I cook fried rice?", expect: messages.declineTitle },
  { command: "/help", text: "", expect: helpMessages.en.title },
  { command: "/sources", text: "", expect: "Alpha City courts returning scholars" },
];

/** Slack's acknowledgement acts within this; an ack later than this fails for the person. */
const SLACK_ACK_MS = 3000;
/** How long an answer may take to reach the response_url before it counts as lost. */
const ANSWER_WAIT_MS = 30_000;

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult {
  requests: number;
  concurrency: number;
  acknowledged: number;
  answered: number;
  /** Acknowledged with the busy notice instead of an answer. */
  shed: number;
  /** Acknowledged later than Slack's 3 s. */
  lateAcks: number;
  /** Answers that were declines ("Not in my sources"), each of which the unanswered log records. */
  declined: number;
  /** Requests that were not acknowledged with 200, or whose answer was missing or wrong. */
  failures: string[];
  /** Milliseconds from sending to the acknowledgement. */
  ack: Percentiles;
  /** Milliseconds from sending to the answer arriving at the response_url. */
  answer: Percentiles;
  seconds: number;
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(at(0.5)), p99: round(at(0.99)), max: round(at(1)) };
}

/**
 * Up to `size` connections kept open, and a sender of signed form posts (and plain GETs) over them:
 * node:http, lighter than fetch, so that the sender takes less of the machine than the bot it
 * measures.
 */
function keptConnections(size: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: size, maxFreeSockets: size });
  const send = (url: string, method: "GET" | "POST", body = "") =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const headers = method === "POST" ? signedHeaders(body, "application/x-www-form-urlencoded") : {};
      const req = request(url, { method, agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

/**
 * Sends the requests to running apps' /slack/events, `concurrency` at a time, each from its own
 * user and taking turns over the apps as a balancer would, and waits for each answer at the fake's
 * response_url.
 */
export async function driveLoad(
  eventsUrls: readonly string[],
  fake: FakeSlack,
  requests: number,
  concurrency: number,
  questions: readonly LoadQuestion[] = FIXTURE_QUESTIONS,
): Promise<LoadResult> {
  const acks: number[] = [];
  const answers: number[] = [];
  const failures: string[] = [];
  let shed = 0;
  let declined = 0;
  let next = 0;
  const http = keptConnections(concurrency);

  async function one(i: number): Promise<void> {
    const question = questions[i % questions.length] as LoadQuestion;
    const id = `load-${i}`;
    const form = { ...slashCommand(question.command, question.text, fake.responseUrl(id)), user_id: `U${i}` };
    const sent = performance.now();
    const response = await http
      .send(eventsUrls[i % eventsUrls.length] as string, "POST", new URLSearchParams(form).toString())
      .catch((error: Error) => ({ status: 0, body: error.message }));
    const acked = performance.now() - sent;
    if (response.status === 200 && response.body.includes(slackMessages.en.busy)) {
      acks.push(acked);
      shed += 1;
      return;
    }
    if (response.status !== 200 || response.body !== "") {
      failures.push(`${id}: acknowledged with ${response.status} ${response.body.slice(0, 80)}`);
      return;
    }
    acks.push(acked);
    // A load run gives up on an answer after a while; tests of the bot wait for events, not deadlines.
    const gaveUp = new Promise<undefined>((resolve) =>
      setTimeout(() => resolve(undefined), ANSWER_WAIT_MS).unref(),
    );
    const answer = await Promise.race([fake.waitForResponse(id), gaveUp]).catch(() => undefined);
    if (answer === undefined) {
      failures.push(`${id}: no answer`);
      return;
    }
    answers.push(performance.now() - sent);
    if (!JSON.stringify(answer.body).includes(question.expect)) failures.push(`${id}: wrong answer`);
    if (question.expect === messages.declineTitle) declined += 1;
  }

  async function worker(): Promise<void> {
    while (next < requests) await one(next++);
  }

  // The connections are opened before the clock starts, and kept, as Slack's and a balancer's are:
  // a connection opened while the bot is overloaded can wait seconds to be accepted.
  await Promise.all(
    Array.from({ length: concurrency }, (_, i) =>
      http.send((eventsUrls[i % eventsUrls.length] as string).replace(EVENTS_PATH, "/healthz"), "GET"),
    ),
  );
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  http.close();
  const seconds = (performance.now() - started) / 1000;
  const duplicates = fake.responses.length - new Set(fake.responses.map((r) => r.id)).size;
  if (duplicates > 0) failures.push(`${duplicates} answers sent twice`);
  return {
    requests,
    concurrency,
    acknowledged: acks.length,
    answered: answers.length,
    shed,
    lateAcks: acks.filter((ms) => ms > SLACK_ACK_MS).length,
    declined,
    failures,
    ack: percentiles(acks),
    answer: percentiles(answers),
    seconds: Math.round(seconds * 100) / 100,
  };
}

/** The app in this process, with the production rate limit on, under load; logs in memory. */
export async function runLoadInProcess(core: Core, requests: number, concurrency: number) {
  const fake = await new FakeSlack().start();
  const { desk, log } = testDesk({ limiter: new MemoryRateLimiter(DEFAULT_RATE_LIMIT), level: "warn" });
  const service = await startSlack(
    live(core),
    { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
    desk,
    { host: "127.0.0.1" },
  );
  try {
    const result = await driveLoad(
      [`http://127.0.0.1:${service.port}/slack/events`],
      fake,
      requests,
      concurrency,
    );
    return { ...result, errorsLogged: log.entries().filter((e) => (e.level as number) >= 50).length };
  } finally {
    await service.stop();
    await fake.close();
  }
}
