import type { Core } from "../src/core/core.js";
import type { EntityKind } from "../src/core/knowledge/schema.js";
import type { ConversationContext, Language } from "../src/core/types.js";
import type { Candidate, Reloaded } from "../src/ops/live-core.js";
import type { Reply } from "./replies.js";

/** The Discord locales every command and option is translated for. */
export const LOCALES = ["zh-CN", "zh-TW"] as const;
export type Locale = (typeof LOCALES)[number];

/** A name and description in one locale, as Discord shows them to people using that locale. */
export interface Localization {
  name: string;
  description: string;
}

/** Simplified Chinese for zh-CN, traditional for zh-TW. */
export type Localized = Readonly<Record<Locale, Localization>>;

export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  localized: Localized;
  /** Entity kinds whose names are offered as the user types. */
  autocomplete?: readonly EntityKind[];
}

/** What a curator may do to the knowledge a running bot answers from (see src/ops/live-core.ts). */
export interface Curation {
  /** Loads and validates the knowledge folder and makes it live, or says why not. */
  reload(): Reloaded;
  /** A core over the knowledge folder as it is on disk, not made live. */
  candidate(): Candidate;
}

export interface CommandContext {
  core: Core;
  /** Every registered command, for /help. */
  commands: readonly Command[];
  /** The asker's interface language where the platform says it (Discord's interaction locale, e.g. "zh-CN"). */
  locale?: string;
  /** The language to answer in, decided once by `languageFor` from the words typed, the locale and the conversation. */
  language: Language;
  /** The conversation so far, for follow-ups. */
  conversation?: ConversationContext;
  /** Given only to a curator, on a surface that knows them as one: what an admin command acts on. */
  curate?: Curation;
}

/** One command, served the same way by every adapter. */
export interface Command {
  name: string;
  description: string;
  localized: Localized;
  options: readonly CommandOption[];
  /** Only for curators: Discord shows it to server administrators, Slack runs it for SLACK_ADMIN_USER_IDS. */
  admin?: boolean;
  run(args: Readonly<Record<string, string>>, context: CommandContext): Reply;
}
