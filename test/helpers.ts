import { EventEmitter } from "node:events";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { askedText } from "../commands/asked.js";
import { runLine } from "../commands/index.js";
import { main } from "../src/cli.js";
import { type AskOptions, Core, MAX_QUESTION_LENGTH } from "../src/core/core.js";
import type { GrammarData } from "../src/core/knowledge/grammar-schema.js";
import { readGrammar } from "../src/core/knowledge/loader.js";
import type { Answer, ConversationContext } from "../src/core/types.js";
import { createLogger, type Logger, type LogLevelName } from "../src/log.js";
import { Desk } from "../src/ops/desk.js";
import { LiveCore } from "../src/ops/live-core.js";
import { notices } from "../src/ops/notices.js";
import type { Conversations, RateLimiter, UnansweredSink } from "../src/ops/ports.js";
import { UnansweredLog } from "../src/ops/unanswered.js";
import { type Platform, unansweredRecord } from "../src/ops/unanswered-record.js";
import { noteWhileWaiting } from "./wait.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A small knowledge base made for tests, independent of the curated one. */
export const FIXTURE_KNOWLEDGE = path.join(here, "fixtures", "knowledge");

/** The day tests pretend it is, so that ages in answers are fixed. */
export const TODAY = new Date("2026-11-21T12:00:00Z");

export function fixtureCore(): Core {
  return Core.load({ knowledgeDir: FIXTURE_KNOWLEDGE, now: () => TODAY });
}

/** A core as the adapters take it: live, though a reload only brings the same core back. */
export function live(core: Core): LiveCore {
  return new LiveCore(core, () => core);
}

/** A live core over a knowledge folder that a reload reads afresh, with the clock fixed. */
export function liveOver(knowledgeDir: string, now = TODAY): LiveCore {
  const load = () => Core.load({ knowledgeDir, now: () => now });
  return new LiveCore(load(), load);
}

/** The curated knowledge base, with the clock fixed. */
export function realCore(): Core {
  return Core.load({ now: () => TODAY });
}

/** A writable copy of the fixture knowledge base, to break in a test. */
export function copyOfFixture(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "returnee-kb-")), "knowledge");
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}

/** A copy of the fixture knowledge base with one file's records changed by `edit`. */
export function editedFixture<T = Record<string, unknown> & { id: string }>(
  file: string,
  edit: (records: T[]) => void,
  dir = copyOfFixture(),
): string {
  const target = path.join(dir, file);
  const records = JSON.parse(readFileSync(target, "utf8")) as T[];
  edit(records);
  writeFileSync(target, JSON.stringify(records, null, 2));
  return dir;
}

/** A question the fixture declines, until `addShenzhenGreenCards` gives it a fact to answer with. */
export const NEW_FACT_QUESTION = "How many talent green cards has Shenzhen issued?";
/** The figure that answers it then. */
export const NEW_FACT_FIGURE = "1,234";

/** A curator's edit to a knowledge folder: one new fact, about Shenzhen's green cards, in facts/beta.json. */
export function addShenzhenGreenCards(dir: string): void {
  editedFixture<object>(
    path.join("facts", "beta.json"),
    (facts) =>
      facts.push({
        id: "b-shenzhen-green-cards",
        text: `Shenzhen had handed out ${NEW_FACT_FIGURE} talent green cards by 2018.`,
        source: "beta",
        entities: ["shenzhen", "green-card"],
        topic: "talent-policy",
        asOf: "2018",
        figures: [
          { text: NEW_FACT_FIGURE, type: "count" },
          { text: "2018", type: "date" },
        ],
        claims: [{ subject: "shenzhen", property: "green-cards-issued", value: NEW_FACT_FIGURE }],
      }),
    dir,
  );
}

/** A broken edit: a fact in facts/beta.json whose topic the schema does not know. */
export function breakBetaFacts(dir: string): void {
  editedFixture<{ topic: string }>(
    path.join("facts", "beta.json"),
    (facts) => {
      for (const fact of facts) fact.topic = "no-such-topic";
    },
    dir,
  );
}

/**
 * A writable copy of the fixture with a grammar file of its own for one language: the package's,
 * as `edit` changes it (in place, or by returning what to write instead).
 */
export function fixtureWithGrammar<L extends keyof GrammarData>(
  language: L,
  edit: (grammar: GrammarData[L]) => unknown,
): string {
  const dir = copyOfFixture();
  const name = `${language}.json`;
  const grammar = readGrammar()[language];
  mkdirSync(path.join(dir, "grammar"));
  writeFileSync(path.join(dir, "grammar", name), JSON.stringify(edit(grammar) ?? grammar));
  return dir;
}

/** A logger writing JSON lines into memory, and readers for what it wrote. */
export interface CapturedLog {
  logger: Logger;
  /** Every line as written, redaction applied. */
  raw(): string;
  /** Every line, parsed. */
  entries(): Record<string, unknown>[];
}

export function captureLogs(level: LogLevelName = "info", secrets: readonly string[] = []): CapturedLog {
  const chunks: string[] = [];
  const logger = createLogger({ level, secrets }, { write: (line: string) => void chunks.push(line) });
  return {
    logger,
    raw: () => chunks.join(""),
    entries: () => chunks.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface TestDesk {
  desk: Desk;
  log: CapturedLog;
}

/** A desk for adapter tests: no rate limit and no unanswered log unless asked for, logs in memory. */
export function testDesk(
  options: {
    limiter?: RateLimiter;
    unanswered?: string;
    level?: LogLevelName;
    secrets?: string[];
    conversations?: Conversations;
  } = {},
): TestDesk {
  const log = captureLogs(options.level ?? "info", options.secrets ?? []);
  const desk = new Desk({
    logger: log.logger,
    now: () => TODAY,
    ...(options.limiter === undefined ? {} : { limiter: options.limiter }),
    ...(options.conversations === undefined ? {} : { conversations: options.conversations }),
    ...(options.unanswered === undefined
      ? {}
      : { unanswered: new UnansweredLog(options.unanswered, log.logger) }),
  });
  return { desk, log };
}

/** Asks the core a line and hands the sink its record, dated TODAY, if declined: as the desk does. */
export function recordDeclined(sink: UnansweredSink, platform: Platform, line: string, core: Core): void {
  const record = unansweredRecord(platform, askedText(line), runLine(line, core), TODAY);
  if (record !== undefined) sink.record(record);
}

/** A fresh directory for files a test writes. */
export function tempDir(prefix = "returnee-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * A question of exactly MAX_QUESTION_LENGTH characters that the fixture answers, and one a
 * character longer whose first MAX_QUESTION_LENGTH characters are that question: an adapter that
 * cut the text short would answer the second instead of asking to shorten it.
 */
export const AT_LIMIT = `gz green cards${" ".repeat(MAX_QUESTION_LENGTH - 20)}please`;
export const OVER_LIMIT = `${AT_LIMIT}?`;

/**
 * A drain that waits until every answer is out: the longest timer Node allows (about 24 days), so
 * the test's own timeout, not a guess at how fast the machine is, bounds the wait.
 */
export const UNTIL_DONE = 2 ** 31 - 1;

/** Resolves with the check's value once it is defined, checking every few milliseconds; no deadline (see wait.ts). */
export async function eventually<T>(check: () => T | undefined, what: string): Promise<T> {
  return eventuallyAsync(async () => check(), what);
}

/** Runs one CLI command in-process with this environment: its exit code and both output streams. */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; out: string; err: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  let [out, err] = ["", ""];
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  const code = await main(argv, { stdin: new PassThrough(), stdout, stderr, env });
  return { code, out, err };
}

/**
 * Runs `returnee-bot serve` in-process until it returns, as it does when a platform refuses to
 * start: the exit code, and everything written to standard error (logs and the last line).
 */
export async function serveUntilExit(env: NodeJS.ProcessEnv): Promise<{ code: number; err: string }> {
  const stderr = new PassThrough();
  let err = "";
  stderr.on("data", (d) => (err += d));
  const code = await main(["serve"], {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    events: new EventEmitter(),
    env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, UNANSWERED_LOG: "off", LOG_LEVEL: "trace", PORT: "0", ...env },
  });
  return { code, err };
}

/** `serve` running in this process: its signals, its JSON log lines so far, and where Slack reaches it. */
export interface InProcessBot {
  /** Emit "SIGHUP", "SIGTERM"… here as a supervisor would send them to the process. */
  events: EventEmitter;
  logs(): Record<string, unknown>[];
  /** Its /slack/events. */
  url: string;
  /** SIGTERM, then resolves with the exit code. */
  stop(): Promise<number>;
}

/** Runs `returnee-bot serve` in-process for Slack over HTTP with this environment, once it is ready. */
export async function serveInProcess(env: NodeJS.ProcessEnv): Promise<InProcessBot> {
  const [stderr, events] = [new PassThrough(), new EventEmitter()];
  let err = "";
  stderr.on("data", (d) => (err += d));
  const logs = () => logLines(err);
  const exited = main(["serve"], {
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    stderr,
    events,
    env,
  });
  await Promise.race([
    eventually(() => logs().find(isReady), "the bot ready"),
    exited.then((code) => {
      throw new Error(`serve exited with ${code} before it was ready:\n${err}`);
    }),
  ]);
  const { port } = logs().find((e) => typeof e.port === "number") as { port: number };
  return {
    events,
    logs,
    url: `http://127.0.0.1:${port}/slack/events`,
    stop: () => {
      events.emit("SIGTERM");
      return exited;
    },
  };
}

/** A conversation context as the core might leave it after "how many green cards has Guangzhou issued". */
export const CONTEXT: ConversationContext = {
  entities: ["guangzhou"],
  asks: "count",
  terms: ["talent", "green", "card"],
  language: "en",
  shown: ["gz-green-cards"],
  question: "How many talent green cards has Guangzhou issued?",
};

/**
 * The rate-limit notices that ask to wait no longer than a window of `seconds`: how long exactly
 * depends on when the person's window began.
 */
export function waitNotices(seconds: number): string[] {
  return Array.from({ length: seconds }, (_, i) => notices.en.rateLimited(i + 1));
}

/**
 * The fixture core, its articles given their own addresses (source id → URL), as a curator adds
 * them to sources.json where an article names its URL.
 */
export function fixtureCoreWithLinks(links: Readonly<Record<string, string>>): Core {
  const dir = copyOfFixture();
  const file = path.join(dir, "sources.json");
  const sources = JSON.parse(readFileSync(file, "utf8")) as { id: string; url?: string }[];
  for (const source of sources) {
    const url = links[source.id];
    if (url !== undefined) source.url = url;
  }
  writeFileSync(file, JSON.stringify(sources, null, 2));
  return Core.load({ knowledgeDir: dir, now: () => TODAY });
}

/** As `eventually`, for a check that has to wait on something itself (a Redis read, say). */
export async function eventuallyAsync<T>(check: () => Promise<T | undefined>, what: string): Promise<T> {
  const done = noteWhileWaiting(() => what);
  try {
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    done();
  }
}

/** The log line `serve` writes once it is up and hears SIGINT and SIGTERM: a signal from then on is a clean shutdown. */
export function isReady(entry: Record<string, unknown>): boolean {
  return entry.msg === "ready: serving until SIGINT or SIGTERM";
}

/** The JSON log lines in what a bot process wrote to standard error, parsed; other lines skipped. */
export function logLines(stderr: string): Record<string, unknown>[] {
  return stderr
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** The options of a question answered in English, as the command layer decides for English words. */
export const EN = { language: "en" } as const;

/** The core's answer to a question (in English unless said); fails the test when the question asks nothing to look up. */
export function answerTo(core: Core, question: string, options: AskOptions = EN): Answer {
  const answer = core.ask(question, options);
  if (answer === undefined) throw new Error(`"${question}" asks nothing to look up`);
  return answer;
}
