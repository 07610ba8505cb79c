import type { Language } from "../../core/types.js";
import { adapterMessages } from "../messages.js";

const en = {
  ...adapterMessages.en,
  offer: (list: string) => `Here is what I can answer:${list ? ` ${list}` : ""}`,
  moreFacts: (count: number) => adapterMessages.en.moreFacts(count, "Discord"),
  moreSources: (count: number) => `…and ${count} more ${count === 1 ? "source" : "sources"}`,
  moreSourcesValue: "Left out to fit one Discord message; /sources lists them all.",
};

const zh: typeof en = {
  ...adapterMessages.zh,
  offer: (list: string) => `我可以回答这些：${list}`,
  moreFacts: (count: number) => adapterMessages.zh.moreFacts(count, "Discord"),
  moreSources: (count: number) => `……另有 ${count} 个来源`,
  moreSourcesValue: "为放进一条 Discord 消息而略去；/sources 列出全部来源。",
};

/** What the Discord adapter says around an answer, in the answer's language. */
export const discordMessages: Readonly<Record<Language, typeof en>> = { en, zh };
