import type { Language } from "../../core/types.js";

const en = {
  busy: "I'm answering a lot of questions right now. Please ask again in a moment.",
  offer: (list: string) => `Here is what I can answer:${list ? ` ${list}` : ""}`,
  more: (list: string) => `More: ${list}`,
  tryThese: (list: string) => `Try: ${list}`,
  moreFacts: (count: number) =>
    `…and ${count} more ${count === 1 ? "fact" : "facts"}, left out to keep one Discord message short.`,
  moreSources: (count: number) => `…and ${count} more ${count === 1 ? "source" : "sources"}`,
  moreSourcesValue: "Left out to fit one Discord message; /sources lists them all.",
  by: (publisher: string, author: string) => `${publisher}, by ${author}`,
};

const zh: typeof en = {
  busy: "我现在要回答的问题很多，请稍后再问。",
  offer: (list: string) => `我可以回答这些：${list}`,
  more: (list: string) => `更多：${list}`,
  tryThese: (list: string) => `试试：${list}`,
  moreFacts: (count: number) => `……另有 ${count} 条事实未列出，以免一条 Discord 消息过长。`,
  moreSources: (count: number) => `……另有 ${count} 个来源`,
  moreSourcesValue: "为放进一条 Discord 消息而略去；/sources 列出全部来源。",
  by: (publisher: string, author: string) => `${publisher}，作者：${author}`,
};

/** What the Discord adapter says around an answer, in the answer's language. */
export const discordMessages: Readonly<Record<Language, typeof en>> = { en, zh };
