import { plainAnswer } from "../src/core/answer.js";
import { messages } from "../src/core/messages.js";
import type { Command } from "./command.js";

export default {
  name: "help",
  description: "How to use the bot, and what it can answer",
  options: [],
  run: (_args, { core, commands }) =>
    plainAnswer({
      title: messages.helpTitle,
      body: [
        messages.helpBody,
        ...commands.map(
          (c) => `/${[c.name, ...c.options.map((o) => `${o.name}:`)].join(" ")}: ${c.description}`,
        ),
      ].join("\n"),
      suggestions: core.starters(),
    }),
} satisfies Command;
