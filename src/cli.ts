import type { Readable, Writable } from "node:stream";
import { runLine } from "../commands/index.js";
import { answerLines, chat } from "./adapters/terminal/chat.js";
import { formatText } from "./adapters/terminal/format.js";
import { type Config, ConfigError, loadConfig } from "./config.js";
import { Core } from "./core/core.js";
import { KnowledgeError } from "./core/loader.js";

export interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

const USAGE = `Usage: returnee-bot <command>
  chat                 chat with the bot in this terminal (the default)
  ask "question"       answer one question or slash command
  ask --jsonl          answer one question per line of standard input, as JSON lines
  serve                serve Discord and/or Slack as configured, else chat
  kb-check             validate the knowledge base and print its counts`;

function loadCore(config: Config): Core {
  return Core.load(config.knowledgeDir === undefined ? {} : { knowledgeDir: config.knowledgeDir });
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command = "chat", ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const config = loadConfig(io.env);
  const core = loadCore(config);
  switch (command) {
    case "chat":
      await chat(core, io.stdin, io.stdout);
      return 0;
    case "ask":
      if (rest.includes("--jsonl")) await answerLines(core, io.stdin, io.stdout);
      else io.stdout.write(`${formatText(runLine(rest.join(" "), core))}\n`);
      return 0;
    case "kb-check": {
      const { kb } = core;
      io.stdout.write(
        `knowledge OK: ${kb.sources.size} sources, ${kb.entities.size} entities, ${kb.facts.size} facts, ${kb.faqs.length} FAQ entries\n`,
      );
      return 0;
    }
    case "serve":
      await chat(core, io.stdin, io.stdout);
      return 0;
    default:
      io.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
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
      return 1;
    }
    throw error;
  }
}
