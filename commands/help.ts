import { plainAnswer } from "../src/core/answer.js";
import { say } from "../src/core/language.js";
import type { Command } from "./command.js";

export default {
  name: "help",
  description: "How to use the bot, and what it can answer",
  options: [],
  run: (_args, { core, commands, language = "en" }) => {
    const words = say(language);
    return plainAnswer({
      language,
      title: words.helpTitle,
      body: [
        words.helpBody,
        ...commands.map(
          (c) =>
            `/${[c.name, ...c.options.map((o) => (o.required ? o.name : `[${o.name}]`))].join(" ")}: ${c.description}`,
        ),
      ].join("\n"),
      suggestions: core.starters(),
    });
  },
} satisfies Command;
