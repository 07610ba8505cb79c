import { markedCard } from "./card.js";
import type { Command } from "./command.js";
import { topic } from "./options.js";

export default {
  name: "convention",
  description: "The Convention on Exchange of Overseas Talents (CEOT) in Guangzhou",
  localized: {
    "zh-CN": { name: "海交会", description: "在广州举办的中国海外人才交流大会（海交会）" },
    "zh-TW": { name: "海交會", description: "在廣州舉辦的中國海外人才交流大會（海交會）" },
  },
  options: [topic],
  run: (args, context) => markedCard("convention", args, context),
} satisfies Command;
