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
  vote: {
    up: "👍",
    down: "👎",
    upLabel: "Helpful",
    downLabel: "Not helpful",
    reasons: { wrong: "Wrong", stale: "Out of date", off: "Not what I asked" },
    thanksUp: "Thanks for the 👍: it tells the curators this answer works.",
    thanksDown: "Thanks for the 👎: the curators will look at this answer. What was wrong with it?",
    thanksReason: (reason: string) => `Thanks: noted as “${reason}”.`,
    again: "You have already voted on this answer.",
    reasonAgain: "You have already said what was wrong with this answer.",
    gone: "This answer is too old to vote on now. Ask again and vote on the new answer.",
    failed: "Sorry, your vote could not be recorded. Please try again in a moment.",
  },
};

const zh: typeof en = {
  busy: "我现在要回答的问题很多，请稍后再问。",
  more: (list: string) => `更多：${list}`,
  tryThese: (list: string) => `试试：${list}`,
  sources: "来源：",
  moreFacts: (count: number, platform?: string) =>
    `……另有 ${count} 条事实${platform === undefined ? "。" : `未列出，以免一条 ${platform} 消息过长。`}`,
  by: (publisher: string, author: string) => `${publisher}，作者：${author}`,
  vote: {
    up: "👍",
    down: "👎",
    upLabel: "有帮助",
    downLabel: "没帮助",
    reasons: { wrong: "有误", stale: "已过时", off: "答非所问" },
    thanksUp: "谢谢你的 👍：管理员会知道这个回答有用。",
    thanksDown: "谢谢你的 👎：管理员会检查这个回答。它哪里不对？",
    thanksReason: (reason: string) => `谢谢，已记下：“${reason}”。`,
    again: "你已经对这个回答投过票了。",
    reasonAgain: "你已经说过这个回答哪里不对了。",
    gone: "这个回答太久了，无法再投票。请重新提问，再对新的回答投票。",
    failed: "抱歉，你的投票没能记下，请稍后再试。",
  },
};

/** What every adapter says around an answer, in the answer's language; each platform adds its own. */
export const adapterMessages: Readonly<Record<Language, typeof en>> = { en, zh };
