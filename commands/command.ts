import type { Core } from "../src/core/core.js";
import type { EntityKind } from "../src/core/schema.js";
import type { Answer, ConversationContext } from "../src/core/types.js";

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
  /** The conversation so far, for follow-ups. */
  conversation?: ConversationContext;
}

/** One command, served the same way by every adapter. */
export interface Command {
  name: string;
  description: string;
  options: readonly CommandOption[];
  run(args: Readonly<Record<string, string>>, context: CommandContext): Answer;
}
