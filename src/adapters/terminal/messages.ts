import type { Language } from "../../core/types.js";

const en = {
  more: (list: string) => `More: ${list}`,
  tryThese: (list: string) => `Try: ${list}`,
  sources: "Sources:",
  moreFacts: (count: number) => `…and ${count} more ${count === 1 ? "fact" : "facts"}.`,
  by: (publisher: string, author: string) => `${publisher}, by ${author}`,
};

const zh: typeof en = {
  more: (list: string) => `更多：${list}`,
  tryThese: (list: string) => `试试：${list}`,
  sources: "来源：",
  moreFacts: (count: number) => `……另有 ${count} 条事实。`,
  by: (publisher: string, author: string) => `${publisher}，作者：${author}`,
};

/** What the terminal says around an answer, in the answer's language. */
export const terminalMessages: Readonly<Record<Language, typeof en>> = { en, zh };
