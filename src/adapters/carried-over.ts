import type { Asked } from "../../commands/index.js";
import type { ConversationContext } from "../core/types.js";

/** What the desk carried over from the conversation's last turn, as the commands take it. */
export function carriedOver(context: ConversationContext | undefined): Asked {
  return context === undefined ? {} : { conversation: context };
}
