import { adapterMessages } from "../messages.js";

const en = {
  ...adapterMessages.en,
  welcome: 'Type a question or /help; /good or /bad rates the last answer; "exit" to leave.',
  /** Added to /help in the terminal. */
  votesHelp: "/good, /bad [wrong | stale | off]: rate the last answer (wrong, out of date, not what I asked)",
  reasonsHint: "Say /bad wrong, /bad stale or /bad off.",
  noAnswer: "There is no answer to rate yet: /good and /bad rate the last answer that showed facts.",
  unknownReason: (given: string) =>
    `“${given}” is not a reason I know. Say /bad wrong, /bad stale or /bad off.`,
};

const zh: typeof en = {
  ...adapterMessages.zh,
  welcome: "输入问题或 /help；/good 或 /bad 评价上一个回答；输入 exit 退出。",
  votesHelp: "/good、/bad [wrong | stale | off]：评价上一个回答（有误、已过时、答非所问）",
  reasonsHint: "可输入 /bad wrong、/bad stale 或 /bad off。",
  noAnswer: "还没有可以评价的回答：/good 和 /bad 评价上一个列出事实的回答。",
  unknownReason: (given: string) => `“${given}”不是可选的原因。请输入 /bad wrong、/bad stale 或 /bad off。`,
};

/** What the terminal says around an answer, and of votes, in the answer's language. */
export const terminalMessages = { en, zh };
