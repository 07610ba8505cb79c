import { z } from "zod";
import { decline } from "../src/core/answer.js";
import { type Core, MAX_QUESTION_LENGTH } from "../src/core/core.js";
import { messages } from "../src/core/messages.js";
import { ENTITY_KINDS } from "../src/core/schema.js";
import type { Answer, Suggestion } from "../src/core/types.js";
import ask from "./ask.js";
import city from "./city.js";
import type { Command } from "./command.js";
import convention from "./convention.js";
import help from "./help.js";
import policy from "./policy.js";
import sources from "./sources.js";

export type { Command, CommandContext, CommandOption } from "./command.js";

import type { CommandContext } from "./command.js";

/** Names as Discord and Slack both accept them: lower case, digits, dashes, at most 32 characters. */
const Name = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "lower case letters, digits or dashes, at most 32");
const Description = z.string().min(1).max(100, "at most 100 characters, Discord's limit");
const CommandShape = z.object({
  name: Name,
  description: Description,
  options: z.array(
    z.object({
      name: Name,
      description: Description,
      required: z.boolean(),
      autocomplete: z.array(z.enum(ENTITY_KINDS)).optional(),
    }),
  ),
  run: z.function(),
});

/** Checks each command file's export, naming the command that is malformed. */
export function checkCommands(list: readonly Command[]): readonly Command[] {
  const seen = new Set<string>();
  for (const command of list) {
    const parsed = CommandShape.safeParse(command);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`commands/${String(command?.name)}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    if (seen.has(command.name)) throw new Error(`commands/${command.name}: the name is used twice`);
    seen.add(command.name);
  }
  return list;
}

/** The one list of commands: every adapter, the Discord registration and the Slack manifest read it. */
export const commands: readonly Command[] = checkCommands([ask, city, policy, convention, sources, help]);

export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.name === name.toLowerCase());
}

/**
 * Runs a command with named option values, after checking the required ones are there and that
 * none is longer than a question may be: an over-long one is sent back whole, never cut short.
 */
export function runCommand(
  command: Command,
  args: Readonly<Record<string, string>>,
  core: Core,
  asked: Asked = {},
): Answer {
  if (Object.values(args).some((value) => value.length > MAX_QUESTION_LENGTH)) {
    return decline(messages.tooLong(MAX_QUESTION_LENGTH), []);
  }
  const missing = command.options.find((o) => o.required && !args[o.name]?.trim());
  if (missing !== undefined)
    return decline(messages.missingOption(command.name, missing.name), core.starters());
  return command.run(args, { core, commands, ...asked });
}

/** What an adapter knows of the asker beyond the words: the conversation so far. */
export type Asked = Pick<CommandContext, "conversation">;

/**
 * The line a person would type for a command and its options: "/city Hangzhou" when only the
 * first option is given, else "/policy name:115 Plan". Used to record what was asked.
 */
export function commandLine(command: Command, args: Readonly<Record<string, string>>): string {
  const given = command.options.filter((o) => args[o.name]?.trim());
  const [only] = given;
  if (given.length === 1 && only !== undefined && only === command.options[0]) {
    return `/${command.name} ${args[only.name]}`;
  }
  return [`/${command.name}`, ...given.map((o) => `${o.name}:${args[o.name]}`)].join(" ");
}

/** A suggestion as the line a person would type: "/city Hangzhou", "/city Hangzhou topic:clubs". */
export function suggestionLine(suggestion: Suggestion): string {
  const command = findCommand(suggestion.command);
  return command === undefined ? `/${suggestion.command}` : commandLine(command, suggestion.args);
}

/**
 * Splits "/city name:Hangzhou" or "/city Hangzhou" into a command and its named options.
 * Text after the command that names no option goes to the first option.
 */
export function parseArgs(command: Command, rest: string): Record<string, string> {
  const names = command.options.map((o) => o.name);
  const args: Record<string, string> = {};
  const named = new RegExp(`(?:^|\\s)(${names.join("|")}):`, "gi");
  const marks = names.length > 0 ? [...rest.matchAll(named)] : [];
  if (marks.length === 0) {
    const [first] = names;
    if (first !== undefined && rest.trim()) args[first] = rest.trim();
    return args;
  }
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    args[(mark[1] as string).toLowerCase()] = rest.slice(start, end).trim();
  });
  return args;
}

/** Answers one line as a user types it: a slash command, or else a free question. */
export function runLine(line: string, core: Core, asked: Asked = {}): Answer {
  const text = line.trim();
  if (!text) return decline(messages.emptyQuestion, core.starters());
  const slash = /^\/([\p{L}\p{N}_-]+)\s*([\s\S]*)$/u.exec(text);
  if (slash === null) return runCommand(ask, { question: text }, core, asked);
  const [, name = "", rest = ""] = slash;
  const command = findCommand(name);
  if (command === undefined) return decline(messages.unknownCommand(name), [{ command: "help", args: {} }]);
  return runCommand(command, parseArgs(command, rest), core, asked);
}
