import type { Language } from "../core/types.js";

/** What the desk tells an asker instead of an answer, in the asker's language. */
interface Notices {
  apology: string;
  rateLimited: (seconds: number) => string;
  restarting: string;
}

export const notices: Record<Language, Notices> = {
  en: {
    apology: "Sorry, something went wrong while answering. Please try again in a moment.",
    rateLimited: (seconds) =>
      `You have asked a lot in a short time. Please wait about ${seconds} ${seconds === 1 ? "second" : "seconds"}, then ask again.`,
    restarting: "I am restarting right now. Please ask again in a moment.",
  },
  zh: {
    apology: "抱歉，回答时出了点问题，请稍后再试。",
    rateLimited: (seconds) => `你短时间内问得太多了，请等大约${seconds}秒后再问。`,
    restarting: "我正在重启，请稍后再问。",
  },
};
