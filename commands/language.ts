import { clearlyIn, detectLanguage } from "../src/core/language/detect.js";
import type { ConversationContext, Language } from "../src/core/types.js";
import type { Curation } from "./command.js";

/** What the platform tells about the asker besides the command: Discord's locale, the conversation so far. */
export interface Asker {
  locale?: string;
  conversation?: ConversationContext;
  /** Present when the surface knows the asker as a curator: the live knowledge they may reload or try. */
  curate?: Curation;
}

/** The language a locale prefers: Chinese for zh-CN and zh-TW, English for the others. */
function localeLanguage(locale: string | undefined): Language | undefined {
  if (locale === undefined) return undefined;
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * The one decision of the language to answer in, made here and passed to the core, which never
 * guesses it again: that of the words typed when they clearly are one, else the platform's locale
 * (a Discord user's), else the conversation's, else the words' leaning (English unless Chinese
 * characters are at least as many as Latin words).
 */
export function languageFor(typed: string, asker: Asker = {}): Language {
  return (
    clearlyIn(typed) ?? localeLanguage(asker.locale) ?? asker.conversation?.language ?? detectLanguage(typed)
  );
}
