import type { Language } from "../types.js";
import { type Messages, messages } from "./messages.js";
import { zhMessages } from "./messages.zh.js";

/** The user-facing words of a language. */
export function say(language: Language): Messages {
  return language === "zh" ? zhMessages : messages;
}
