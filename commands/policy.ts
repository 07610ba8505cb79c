import { namedCard } from "./card.js";
import type { Command } from "./command.js";
import { topic } from "./options.js";
import { CARD_KINDS } from "./replies.js";

export default {
  name: "policy",
  description: "A talent programme or policy, e.g. the Red Cotton Plan",
  localized: {
    "zh-CN": { name: "政策", description: "人才项目或政策，例如 红棉计划" },
    "zh-TW": { name: "政策", description: "人才計畫或政策，例如 紅棉計畫" },
  },
  options: [
    {
      name: "name",
      description: "A programme or policy, e.g. 115 Plan or talent green card",
      required: true,
      localized: {
        "zh-CN": { name: "名称", description: "项目或政策，例如 115计划 或 人才绿卡" },
        "zh-TW": { name: "名稱", description: "計畫或政策，例如 115計畫 或 人才綠卡" },
      },
      autocomplete: CARD_KINDS.policy,
    },
    topic,
  ],
  run: (args, context) => namedCard("policy", CARD_KINDS.policy, args, context),
} satisfies Command;
