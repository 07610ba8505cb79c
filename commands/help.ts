import { plainAnswer } from "../src/core/compose/answer.js";
import type { Language } from "../src/core/types.js";
import type { Command, Locale, Localization, Localized } from "./command.js";
import { helpMessages } from "./messages.js";
import { suggestionsFor } from "./replies.js";

/** The Chinese script a Chinese answer shows command names in: traditional for Taiwan and Hong Kong. */
function shownLocale(language: Language, locale: string | undefined): Locale | undefined {
  if (language !== "zh") return undefined;
  return locale === "zh-TW" || locale === "zh-HK" ? "zh-TW" : "zh-CN";
}

export default {
  name: "help",
  description: "How to use the bot, and what it can answer",
  localized: {
    "zh-CN": { name: "帮助", description: "如何使用本机器人，以及它能回答什么" },
    "zh-TW": { name: "幫助", description: "如何使用本機器人，以及它能回答什麼" },
  },
  options: [],
  run: (_args, { core, commands, locale, language, curate }) => {
    const shown = shownLocale(language, locale);
    const words = helpMessages[language];
    // In Chinese, commands read as Discord shows them to a Chinese-speaking user.
    const said = (item: Localization & { localized: Localized }) =>
      shown === undefined ? item : item.localized[shown];
    // Curators' commands are listed only to curators.
    const usage = commands
      .filter((c) => c.admin !== true || curate !== undefined)
      .map((c) =>
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
        suggestions: suggestionsFor(core.starters(), core),
      }),
      language,
    };
  },
} satisfies Command;
