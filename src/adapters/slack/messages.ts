import type { Language } from "../../core/types.js";
import { adapterMessages } from "../messages.js";

const en = {
  ...adapterMessages.en,
  offer: "Here is what I can answer:",
  moreFacts: (count: number) => adapterMessages.en.moreFacts(count, "Slack"),
  moreSources: (count: number) => `and ${count} more`,
};

const zh: typeof en = {
  ...adapterMessages.zh,
  offer: "我可以回答这些：",
  moreFacts: (count: number) => adapterMessages.zh.moreFacts(count, "Slack"),
  moreSources: (count: number) => `另有 ${count} 个`,
};

/** What the Slack adapter says around an answer, in the answer's language. */
export const slackMessages: Readonly<Record<Language, typeof en>> = { en, zh };
