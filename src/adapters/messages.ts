import type { Language } from "../core/types.js";

const en = {
  busy: "I'm answering a lot of questions right now. Please ask again in a moment.",
  more: (list: string) => `More: ${list}`,
  tryThese: (list: string) => `Try: ${list}`,
  sources: "Sources:",
  /** Facts an answer leaves out; on a platform, left out to keep its one message short. */
  moreFacts: (count: number, platform?: string) =>
    `…and ${count} more ${count === 1 ? "fact" : "facts"}${platform === undefined ? "." : `, left out to keep one ${platform} message short.`}`,
  by: (publisher: string, author: string) => `${publisher}, by ${author}`,
};

const zh: typeof en = {
  busy: "我现在要回答的问题很多，请稍后再问。",
  more: (list: string) => `更多：${list}`,
  tryThese: (list: string) => `试试：${list}`,
  sources: "来源：",
  moreFacts: (count: number, platform?: string) =>
    `……另有 ${count} 条事实${platform === undefined ? "。" : `未列出，以免一条 ${platform} 消息过长。`}`,
  by: (publisher: string, author: string) => `${publisher}，作者：${author}`,
};

/** What every adapter says around an answer, in the answer's language; each platform adds its own. */
export const adapterMessages: Readonly<Record<Language, typeof en>> = { en, zh };
