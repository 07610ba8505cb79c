import type { AskOptions, Core } from "../src/core/core.js";
import type { EntityKind } from "../src/core/schema.js";
import type { Answer, ConversationContext, Language } from "../src/core/types.js";

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Entity kinds whose names are offered as the user types. */
  autocomplete?: readonly EntityKind[];
}

export interface CommandContext {
  core: Core;
  /** Every registered command, for /help. */
  commands: readonly Command[];
  /** The language to answer in when the words typed do not settle it (a Discord user's locale). */
  language?: Language;
  /** The conversation so far, for follow-ups. */
  conversation?: ConversationContext;
}

/** A card command's options for the core: the topic asked for and the language to answer in. */
export function askOptions(args: Readonly<Record<string, string>>, context: CommandContext): AskOptions {
  return {
    ...(args.topic?.trim() ? { topic: args.topic } : {}),
    ...(context.language === undefined ? {} : { language: context.language }),
  };
}

/** One command, served the same way by every adapter. */
export interface Command {
  name: string;
  description: string;
  options: readonly CommandOption[];
  run(args: Readonly<Record<string, string>>, context: CommandContext): Answer;
}
