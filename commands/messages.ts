import { messages } from "../src/core/messages.js";
import type { Language } from "../src/core/types.js";

/** What /help says, in each language the bot answers in. */
export const helpMessages = {
  en: {
    title: messages.helpTitle,
    intro:
      'Ask a question in plain words, in English or in Chinese (也可以用中文提问), or use a command. Every answer cites its article and says how old its figures are. In a thread or a DM you can follow up: "and Shenzhen?", "what about 2020?", "more".',
    usage: (command: string, options: string[], description: string) =>
      `${[`/${command}`, ...options].join(" ")} — ${description}`,
    optional: (option: string) => `[${option}:…]`,
  },
  zh: {
    title: "如何使用 returnee-bot",
    intro:
      "用平常的话提问，中文或英文都可以（you can also ask in English），或使用下面的命令。每个回答都注明出处文章，并说明数据的年份。在对话串或私信中可以接着问：“那深圳呢？”“2020年呢？”“更多”。",
    usage: (command: string, options: string[], description: string) =>
      `${[`/${command}`, ...options].join(" ")}：${description}`,
    optional: (option: string) => `[${option}]`,
  },
} as const satisfies Record<Language, unknown>;
