import type { Asker } from "../../commands/index.js";
import type { ConversationContext } from "../core/types.js";

/** Who asks, as the commands take it: the conversation's last turn the desk carried over, and the platform's locale. */
export function carriedOver(context: ConversationContext | undefined, locale?: string): Asker {
  return {
    ...(context === undefined ? {} : { conversation: context }),
    ...(locale === undefined ? {} : { locale }),
  };
}
