import { namedCard } from "./card.js";
import type { Command } from "./command.js";
import { topic } from "./options.js";
import { CARD_KINDS } from "./replies.js";

export default {
  name: "city",
  description: "What the sources say about returnees in a city",
  localized: {
    "zh-CN": { name: "城市", description: "资料中关于某个城市海归的内容" },
    "zh-TW": { name: "城市", description: "資料中關於某個城市海歸的內容" },
  },
  options: [
    {
      name: "name",
      description: "A city, e.g. Hangzhou, 广州 or GZ",
      required: true,
      localized: {
        "zh-CN": { name: "名称", description: "城市，例如 杭州、广州 或 GZ" },
        "zh-TW": { name: "名稱", description: "城市，例如 杭州、廣州 或 GZ" },
      },
      autocomplete: CARD_KINDS.city,
    },
    topic,
  ],
  run: (args, context) => namedCard("city", CARD_KINDS.city, args, context),
} satisfies Command;
