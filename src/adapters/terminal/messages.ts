import type { Language } from "../../core/types.js";

const en = {
  busy: "I'm answering a lot of questions right now. Please ask again in a moment.",
  more: (list: string) => `More: ${list}`,
  tryThese: (list: string) => `Try: ${list}`,
  sources: "Sources:",
  moreFacts: (count: number) => `…and ${count} more ${count === 1 ? "fact" : "facts"}.`,
  by: (publisher: string, author: string) => `${publisher}, by ${author}`,
};

const zh: typeof en = {
  busy: "我现在要回答的问题很多，请稍后再问。",
  more: (list: string) => `更多：${list}`,
  tryThese: (list: string) => `试试：${list}`,
  sources: "来源：",
  moreFacts: (count: number) => `……另有 ${count} 条事实。`,
  by: (publisher: string, author: string) => `${publisher}，作者：${author}`,
};

/** What the terminal says around an answer, in the answer's language. */
export const terminalMessages: Readonly<Record<Language, typeof en>> = { en, zh };
