import type { Command } from "./command.js";

export default {
  name: "sources",
  description: "The articles every answer comes from, with publisher and date",
  options: [],
  run: (_args, { core, language }) => core.sources(language),
} satisfies Command;
