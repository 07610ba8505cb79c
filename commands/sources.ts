import type { Command } from "./command.js";
import { replyOf } from "./replies.js";

export default {
  name: "sources",
  description: "The articles every answer comes from, with publisher and date",
  localized: {
    "zh-CN": { name: "来源", description: "所有回答依据的文章，附出版方和日期" },
    "zh-TW": { name: "來源", description: "所有回答依據的文章，附出版方和日期" },
  },
  options: [],
  run: (_args, { core, language }) => replyOf(core.sources(language), core),
} satisfies Command;
