import type { Readable, Writable } from "node:stream";
import { runLine } from "../commands/index.js";
import type { Service } from "./adapters/service.js";
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
  serve [--shards auto|N]
                       serve Discord and/or Slack as configured, else chat
  register discord     overwrite the Discord application's commands from commands/
  manifest slack [URL] print the Slack app manifest (URL: the public base URL of this app)
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
      return serve(core, config, rest, io);
    case "register":
      if (rest[0] !== "discord" || config.discord === undefined) break;
      io.stdout.write(
        `${await (await import("./adapters/discord/index.js")).registerDiscordCommands(config.discord)}\n`,
      );
      return 0;
    case "manifest": {
      if (rest[0] !== "slack") break;
      const { slackManifest } = await import("./adapters/slack/index.js");
      const manifest = slackManifest({
        socketMode: config.slack?.appToken !== undefined,
        ...(rest[1] === undefined ? {} : { requestUrl: rest[1] }),
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

/** Serves every configured platform until SIGINT or SIGTERM; with none configured, chats in the terminal. */
async function serve(core: Core, config: Config, args: string[], io: Io): Promise<number> {
  const services: Service[] = [];
  if (config.discord !== undefined) {
    const { startDiscord } = await import("./adapters/discord/index.js");
    const shards = shardsOption(args);
    services.push(await startDiscord(core, config.discord, shards === undefined ? {} : { shards }));
  }
  if (config.slack !== undefined) {
    const { startSlack } = await import("./adapters/slack/index.js");
    services.push(await startSlack(core, config.slack));
  }
  if (services.length === 0) {
    await chat(core, io.stdin, io.stdout);
    return 0;
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await Promise.allSettled(services.map((s) => s.stop()));
  return 0;
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
