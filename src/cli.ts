import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { languageFor, runLine } from "../commands/index.js";
import { answerLines, chat } from "./adapters/terminal/chat.js";
import { formatText } from "./adapters/terminal/format.js";
import { type Config, ConfigError, loadConfig, secretsOf } from "./config.js";
import { Core } from "./core/core.js";
import { checkKnowledge, claimProblems, staleFacts } from "./core/knowledge/kb-check.js";
import { KnowledgeError, loadInbox } from "./core/knowledge/loader.js";
import { shortened } from "./core/language/text.js";
import { type KnowledgeSource, knowledgeSource } from "./knowledge-source.js";
import type { Logger } from "./log.js";
import type { Posters } from "./ops/digest-schedule.js";
import type { LiveCore } from "./ops/live-core.js";
import type { Service } from "./ops/ports.js";
import type { ProcessEvents } from "./ops/shutdown.js";

// `ask` and `kb-check` load only the core: the logger (pino), the desk (ioredis, the rate limiter),
// the platforms and the report are imported by the commands that use them.

export interface Io {
  stdin: Readable;
  stdout: Writable;
  /** Logs (JSON lines) and start-up problems; standard output carries only answers. */
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Where SIGINT, SIGTERM and unhandled rejections come from: the process, unless a test says. */
  events?: ProcessEvents;
}

const USAGE = `Usage: returnee-bot <command>
  chat                 chat with the bot in this terminal (the default)
  ask "question"       answer one question or slash command
  ask --jsonl [--conversation]
                       answer one question per line of standard input, as JSON lines;
                       with --conversation the lines are one conversation, with follow-ups
  ask --kb DIR ...     answer (one question, or --jsonl) from the knowledge folder DIR instead,
                       e.g. a candidate to try before it goes live
  ask --explain [--after "earlier question"]... "question"
                       show how a question is read, ranked and answered or declined,
                       as a follow-up of the earlier questions when --after gives them
  serve [--shards auto|N]
                       serve Discord and/or Slack as configured, else chat; SIGHUP (or
                       /kb reload from a curator) reloads the knowledge without a restart
  register discord     overwrite the Discord application's commands from commands/
  manifest slack [URL | --socket-mode]
                       print the Slack app manifest (URL: the public base URL of this app)
  kb-check [--stale]   validate the knowledge base and print its counts;
                       with --stale, also warn of facts due for review
  report [--top N] [--all] [--json]
                       the curators' inbox: declined questions and 👎 answers grouped by
                       what they ask, each with an id and a state (new, pending, done,
                       ignored; --all shows done and ignored ones too), then the answer
                       rate by language, the most asked facts, votes per fact and facts due
                       for review (UNANSWERED_LOG, or the shared stream with REDIS_URL)
  report amend GROUP --to FAQ_OR_FACT
                       add the group's phrasings to that FAQ (or to the FAQ of that fact,
                       or a new one) in KNOWLEDGE_DIR, and mark the group done
  report ignore GROUP  mark the group ignored (knowledge/inbox.json)
  report pending GROUP mark the group pending`;

/**
 * The core over the configured knowledge; a KNOWLEDGE_DIR (or --kb folder) that is not a
 * knowledge folder stops start-up naming it. A first start after the knowledge or the code changed reads and indexes it
 * all, which takes seconds: `ask` and `chat` say so on standard error, where it never mixes with
 * answers; `serve`, whose standard error is its JSON log, and kb-check, whose output is its report
 * (and which the build runs), say nothing of it.
 */
function loadCore({ dir, setting }: KnowledgeSource, command: string, io: Io): Core {
  if (dir !== undefined && !existsSync(path.join(dir, "sources.json"))) {
    throw new ConfigError([
      `${setting}: is not a knowledge folder (it has no sources.json): ${shortened(dir)}`,
    ]);
  }
  const onIndex = (folder: string) =>
    io.stderr.write(`returnee-bot: indexing ${folder} (first start after a change)…\n`);
  return Core.load({
    ...(dir === undefined ? {} : { knowledgeDir: dir }),
    ...(command === "ask" || command === "chat" ? { onIndex } : {}),
  });
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command = "chat", ...given] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig(io.env);
  if (command === "report") return report(config, given, io);
  const { source, rest } = knowledgeSource(config, given);
  const chatting =
    command === "chat" || (command === "serve" && config.discord === undefined && config.slack === undefined);
  const logger = () => loggerFor(config, io, chatting);
  const core = loadCore(source, command, io);
  const live = async () => {
    const { LiveCore } = await import("./ops/live-core.js");
    return new LiveCore(core, () => loadCore(source, command, io));
  };
  switch (command) {
    case "chat":
      await chatWithDesk(await live(), config, await logger(), io);
      return 0;
    case "ask":
      if (rest.includes("--jsonl")) {
        await (rest.includes("--conversation")
          ? answerAsOneConversation(core, config, await logger(), io)
          : answerLines(core, io.stdin, io.stdout));
      } else if (rest[0] === "--explain") {
        const { earlier, question } = explainArgs(rest.slice(1));
        const turns = earlier.map((q) => ({ question: q, language: languageFor(q) }));
        io.stdout.write(`${core.explain(question, languageFor(question), turns)}\n`);
      } else io.stdout.write(`${formatText(runLine(rest.join(" "), core))}\n`);
      return 0;
    case "kb-check": {
      const { kb } = core;
      // The curators' inbox states are no part of what the bot loads, but a malformed file stops the check.
      loadInbox(config.knowledgeDir);
      io.stdout.write(
        `knowledge OK: ${kb.sources.size} sources, ${kb.entities.size} entities, ${kb.facts.size} facts, ${kb.faqs.length} FAQ entries\n`,
      );
      // Warnings do not fail the check: what would stop the bot has already stopped loading. With
      // none, the counts are all there is to say (the build runs this on every install).
      const warnings = [
        ...checkKnowledge(kb, core.vocabulary),
        ...(rest.includes("--stale") ? staleFacts(kb, new Date()) : []),
      ];
      if (warnings.length > 0)
        io.stdout.write(
          `${warnings.map((w) => `warning: ${w}\n`).join("")}${warnings.length} ${warnings.length === 1 ? "warning" : "warnings"}\n`,
        );
      // Errors do: a figure no claim accounts for leaves the bot unable to tell what it answers.
      const errors = claimProblems(kb);
      io.stderr.write(errors.map((e) => `error: ${e}\n`).join(""));
      return errors.length === 0 ? 0 : 1;
    }
    case "serve":
      return serve(await live(), config, rest, io, await logger());
    case "register":
      if (rest[0] !== "discord" || config.discord === undefined) break;
      io.stdout.write(
        `${await (await import("./adapters/discord/index.js")).registerDiscordCommands(config.discord)}\n`,
      );
      return 0;
    case "manifest": {
      if (rest[0] !== "slack") break;
      const { slackManifest } = await import("./adapters/slack/index.js");
      // Socket Mode needs no URL, and its manifest comes before the app and its tokens exist.
      const [url, ...flags] = rest.slice(1).filter((a) => a !== "--socket-mode");
      if (flags.length > 0) break;
      const manifest = slackManifest({
        socketMode: rest.includes("--socket-mode") || config.slack?.appToken !== undefined,
        ...(url === undefined ? {} : { requestUrl: url }),
      });
      io.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
      return 0;
    }
  }
  const needsDiscord = command === "register" && rest[0] === "discord";
  io.stderr.write(
    needsDiscord
      ? "register discord needs DISCORD_TOKEN and DISCORD_APPLICATION_ID.\n"
      : `Unknown command "${[command, ...rest].join(" ")}".\n${USAGE}\n`,
  );
  return 2;
}

function shardsOption(args: string[]): "auto" | number | undefined {
  const i = args.indexOf("--shards");
  const value = i === -1 ? undefined : args[i + 1];
  if (value === undefined) return undefined;
  return value === "auto" ? "auto" : Number(value);
}

/**
 * The logger a command writes through: to LOG_FILE when it is set, else to standard error. The
 * terminal chat is a conversation on this very terminal, so there, without LOG_FILE, nothing is
 * logged unless LOG_LEVEL asks for it.
 */
async function loggerFor(config: Config, io: Io, chatting: boolean): Promise<Logger> {
  const { createLogger, logFile } = await import("./log.js");
  const options = { level: config.logLevel, secrets: secretsOf(config) };
  if (config.logFile !== undefined) return createLogger(options, logFile(config.logFile, io.stderr));
  if (chatting && !config.logLevelSet) return createLogger({ ...options, level: "silent" });
  return createLogger(options, io.stderr === process.stderr ? undefined : io.stderr);
}

/** `--explain`'s words: each `--after` question, then the question explained (the rest, joined). */
function explainArgs(args: readonly string[]): { earlier: string[]; question: string } {
  const earlier: string[] = [];
  let at = 0;
  while (args[at] === "--after" && at + 1 < args.length) {
    earlier.push(args[at + 1] as string);
    at += 2;
  }
  return { earlier, question: args.slice(at).join(" ") };
}

/**
 * `ask --jsonl --conversation`: the lines as one conversation, its context kept in the store the
 * desk would keep it in (Redis with REDIS_URL, else memory), under a key of this run's own.
 */
async function answerAsOneConversation(core: Core, config: Config, logger: Logger, io: Io): Promise<void> {
  const { conversations, release } = await (await import("./ops/index.js")).openConversations(config, logger);
  try {
    await answerLines(core, io.stdin, io.stdout, {
      store: conversations,
      key: `terminal:jsonl:${randomUUID()}`,
    });
  } finally {
    await release();
  }
}

/**
 * The chat, its unanswered questions written out before it returns. It serves one person at the
 * keyboard, so its desk has no rate limit.
 */
async function chatWithDesk(live: LiveCore, config: Config, logger: Logger, io: Io): Promise<void> {
  const { rateLimit: _oneAsker, ...unlimited } = config;
  const desk = (await import("./ops/index.js")).createDesk(unlimited, logger);
  await chat(live, io.stdin, io.stdout, desk);
  await desk.drain(0);
}

/**
 * Serves every configured platform until SIGINT or SIGTERM, then shuts down cleanly (see
 * ops/shutdown.ts), reloading the knowledge on SIGHUP and, with REDIS_URL, when another instance
 * does; with no platform configured, chats in the terminal.
 */
async function serve(
  live: LiveCore,
  config: Config,
  args: string[],
  io: Io,
  logger: Logger,
): Promise<number> {
  if (config.discord === undefined && config.slack === undefined) {
    await chatWithDesk(live, config, logger, io);
    return 0;
  }
  const events = io.events ?? process;
  const desk = (await import("./ops/index.js")).createDesk(config, logger);
  const { guardProcess, nextSignal, shutdown } = await import("./ops/shutdown.js");
  const unguard = guardProcess(events, logger);
  const services: Service[] = [
    (await import("./ops/reloads.js")).watchReloads(live, events, logger, config.redisUrl),
  ];
  const posters: Posters = {};
  try {
    if (config.discord !== undefined) {
      const { startDiscord } = await import("./adapters/discord/index.js");
      const shards = shardsOption(args);
      posters.discord = await startDiscord(
        live,
        config.discord,
        desk,
        shards === undefined ? {} : { shards },
      );
      services.push(posters.discord);
    }
    if (config.slack !== undefined) {
      const { startSlack } = await import("./adapters/slack/index.js");
      posters.slack = await startSlack(live, config.slack, desk);
      services.push(posters.slack);
    }
    if (config.digest !== undefined) {
      const { startDigest } = await import("./ops/digest-schedule.js");
      services.push(await startDigest({ ...config, digest: config.digest }, posters, logger));
    }
    // Said once SIGINT and SIGTERM are heard: from here a signal means a clean shutdown.
    const signal = nextSignal(events);
    logger.info("ready: serving until SIGINT or SIGTERM");
    logger.info({ signal: await signal }, "signal received");
    await shutdown(desk, services, logger);
    return 0;
  } catch (error) {
    await Promise.allSettled(services.map((s) => s.stop()));
    throw error;
  } finally {
    unguard();
  }
}

/**
 * `report`: the curators' inbox or an action on it (see ops/report-command.ts). A bad option, an
 * unknown group or id is a usage error: a message on standard error and exit code 2.
 */
async function report(config: Config, args: string[], io: Io): Promise<number> {
  const { runReport } = await import("./ops/report-command.js");
  const { InboxUsageError } = await import("./ops/inbox-actions.js");
  const { reportMessages } = await import("./ops/report-messages.js");
  try {
    io.stdout.write(`${await runReport(config, args)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeError) {
      io.stderr.write(`report: ${reportMessages.refused(error.message)}\n`);
      return 1;
    }
    if (!(error instanceof InboxUsageError)) throw error;
    io.stderr.write(`report: ${error.message}\n`);
    return 2;
  }
}

/** Runs the CLI; bad configuration or knowledge stops it with a message naming what is wrong. */
export async function main(
  argv: string[],
  io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof KnowledgeError || error instanceof ConfigError) {
      io.stderr.write(`returnee-bot cannot start. ${error.message}\n`);
    } else {
      // A platform refusing to connect (a revoked token, say): one line, never the token itself.
      io.stderr.write(`returnee-bot stopped: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 1;
  }
}
