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
