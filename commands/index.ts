import { decline } from "../src/core/compose/answer.js";
import { say } from "../src/core/compose/say.js";
import { type Core, MAX_QUESTION_LENGTH } from "../src/core/core.js";
import { ENTITY_KINDS } from "../src/core/knowledge/schema.js";
import { z } from "../src/core/knowledge/zod.js";
import ask from "./ask.js";
import city from "./city.js";
import { type Command, LOCALES } from "./command.js";
import convention from "./convention.js";
import help from "./help.js";
import kb from "./kb.js";
import { type Asker, languageFor } from "./language.js";
import { commandMessages, emptyQuestion } from "./messages.js";
import policy from "./policy.js";
import { type Reply, type Suggestion, suggestionsFor } from "./replies.js";
import sources from "./sources.js";

export type { Command, CommandContext, CommandOption, Locale } from "./command.js";
export { LOCALES } from "./command.js";
export { type Asker, languageFor } from "./language.js";
export type { Reply, Suggestion } from "./replies.js";

/** Names as Discord and Slack both accept them: lower case, digits, dashes, at most 32 characters. */
const Name = z
  .string()
  .check(z.regex(/^[a-z][a-z0-9-]{0,31}$/, "lower case letters, digits or dashes, at most 32"));
/** A translated name as Discord accepts it: letters of any script, lower case where the script has case. */
const LocalName = z.string().check(
  z.regex(/^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u, "letters, digits, - or _, at most 32"),
  z.refine((name) => name === name.toLowerCase(), "lower case"),
);
const Description = z
  .string()
  .check(z.minLength(1), z.maxLength(100, "at most 100 characters, Discord's limit"));
const Localized = z.object(
  Object.fromEntries(LOCALES.map((l) => [l, z.object({ name: LocalName, description: Description })])),
);
const CommandShape = z.object({
  name: Name,
  description: Description,
  localized: Localized,
  options: z.array(
    z.object({
      name: Name,
      description: Description,
      required: z.boolean(),
      localized: Localized,
      autocomplete: z.optional(z.array(z.enum(ENTITY_KINDS))),
    }),
  ),
  admin: z.optional(z.boolean()),
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
export const commands: readonly Command[] = checkCommands([ask, city, policy, convention, sources, help, kb]);

export function findCommand(name: string): Command | undefined {
  const lower = name.toLowerCase();
  return commands.find((c) => c.name === lower);
}

/**
 * Runs a command with named option values, after checking the required ones are there and that
 * none is longer than a question may be: an over-long one is sent back whole, never cut short.
 */
export function runCommand(
  command: Command,
  args: Readonly<Record<string, string>>,
  core: Core,
  asker: Asker = {},
): Reply {
  const values = Object.values(args);
  const language = languageFor(values.join(" "), asker);
  const words = commandMessages[language];
  if (values.some((value) => value.length > MAX_QUESTION_LENGTH)) {
    const { tooLong, tooLongTitle } = say(language);
    return decline(tooLong(MAX_QUESTION_LENGTH), [], language, tooLongTitle);
  }
  if (command.admin === true && asker.curate === undefined) {
    return decline(words.curatorsOnly(command.name), [], language, words.curatorsOnlyTitle);
  }
  const missing = command.options.find((o) => o.required && !args[o.name]?.trim());
  if (missing !== undefined) {
    // The example is something this option accepts: a city for /city, a programme for /policy.
    const example = core.entitiesOfKind(missing.autocomplete ?? [])[0]?.name;
    const tries =
      example === undefined
        ? suggestionsFor(core.starters(), core)
        : [{ command: command.name, args: { [missing.name]: example } }];
    return decline(
      words.missingOption(command.name, missing.name, example ?? "…"),
      tries,
      language,
      words.usageTitle,
    );
  }
  return command.run(args, { core, commands, language, ...asker });
}

/** Runs what a button carries; a command the registry no longer has is explained as if typed. */
export function runSuggestion(suggestion: Suggestion, core: Core, asker: Asker = {}): Reply {
  const command = findCommand(suggestion.command);
  return command === undefined
    ? runLine(`/${suggestion.command}`, core, asker)
    : runCommand(command, suggestion.args, core, asker);
}

/**
 * The line a person would type for a command and its options: the first option's value bare, the
 * others named, as in "/city Hangzhou topic:clubs" or "/policy topic:history". Used to record what
 * was asked and to show follow-ups; `parseArgs` reads it back.
 */
export function commandLine(command: Command, args: Readonly<Record<string, string>>): string {
  const given = command.options.filter((o) => args[o.name]?.trim());
  return [
    `/${command.name}`,
    ...given.map((o) => (o === command.options[0] ? args[o.name] : `${o.name}:${args[o.name]}`)),
  ].join(" ");
}

/** A suggestion as the line a person would type: "/city Hangzhou", "/city Hangzhou topic:clubs". */
export function suggestionLine(suggestion: Suggestion): string {
  const command = findCommand(suggestion.command);
  return command === undefined ? `/${suggestion.command}` : commandLine(command, suggestion.args);
}

/**
 * Splits "/city name:Hangzhou", "/city Hangzhou" or "/city Hangzhou topic:clubs" into named
 * options. Text before the first option name goes to the first option.
 */
export function parseArgs(command: Command, rest: string): Record<string, string> {
  const names = command.options.map((o) => o.name);
  const [first] = names;
  if (first === undefined) return {};
  const named = new RegExp(`(?:^|\\s)(${names.join("|")}):`, "gi");
  const marks = [...rest.matchAll(named)];
  const args: Record<string, string> = {};
  const bare = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  if (bare) args[first] = bare;
  marks.forEach((mark, i) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[i + 1]?.index ?? rest.length;
    args[(mark[1] as string).toLowerCase()] = rest.slice(start, end).trim();
  });
  return args;
}

/** Answers one line as a user types it: a slash command, or else a free question. */
export function runLine(line: string, core: Core, asker: Asker = {}): Reply {
  const text = line.trim();
  // A command decides the language of its own reply (runCommand); the line's is needed only for a reply made here.
  if (!text) return emptyQuestion(languageFor(text, asker), core);
  if (HELP.test(text)) return runCommand(help, {}, core, asker);
  const slash = /^\/([\p{L}\p{N}_-]+)\s*([\s\S]*)$/u.exec(text);
  if (slash === null) return runCommand(ask, { question: text }, core, asker);
  const [, name = "", rest = ""] = slash;
  const command = findCommand(name);
  if (command === undefined) {
    const language = languageFor(text, asker);
    const words = commandMessages[language];
    return decline(words.unknownCommand(name), [{ command: "help", args: {} }], language, words.usageTitle);
  }
  return runCommand(command, parseArgs(command, rest), core, asker);
}

/** "help" typed without its slash, in either language. */
const HELP = /^(help|\?|帮助|使用说明|怎么用)[?？!！.。]*$/iu;

/** Whether a line asks for help: "help" as runLine reads it, or the help command. */
export function isHelpLine(line: string): boolean {
  const text = line.trim();
  return HELP.test(text) || /^\/help(\s|$)/i.test(text);
}
