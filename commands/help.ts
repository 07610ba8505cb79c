import { plainAnswer } from "../src/core/answer.js";
import type { Language } from "../src/core/types.js";
import type { Command, Locale, Localization, Localized } from "./command.js";
import { helpMessages } from "./messages.js";

/** Chinese when the platform says the asker uses Chinese (Discord's zh-CN or zh-TW), else English. */
function languageOf(locale: string | undefined): { language: Language; locale?: Locale } {
  if (locale === "zh-TW" || locale === "zh-HK") return { language: "zh", locale: "zh-TW" };
  return locale?.startsWith("zh") ? { language: "zh", locale: "zh-CN" } : { language: "en" };
}

export default {
  name: "help",
  description: "How to use the bot, and what it can answer",
  localized: {
    "zh-CN": { name: "帮助", description: "如何使用本机器人，以及它能回答什么" },
    "zh-TW": { name: "幫助", description: "如何使用本機器人，以及它能回答什麼" },
  },
  options: [],
  run: (_args, { core, commands, locale }) => {
    const { language, locale: shown } = languageOf(locale);
    const words = helpMessages[language];
    // In Chinese, commands read as Discord shows them to a Chinese-speaking user.
    const said = (item: Localization & { localized: Localized }) =>
      shown === undefined ? item : item.localized[shown];
    const usage = commands.map((c) =>
      words.usage(
        said(c).name,
        c.options.map((o) => (o.required ? said(o).name : words.optional(said(o).name))),
        said(c).description,
      ),
    );
    return {
      ...plainAnswer({
        title: words.title,
        body: [words.intro, ...usage].join("\n"),
        suggestions: core.starters(),
      }),
      language,
    };
  },
} satisfies Command;
