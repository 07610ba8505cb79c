import type { CommandOption } from "./command.js";

/** The optional topic of /city, /policy and /convention: the rest of a card, one topic at a time. */
export const topic: CommandOption = {
  name: "topic",
  description: "A topic, e.g. clubs or investment",
  required: false,
  localized: {
    "zh-CN": { name: "主题", description: "主题，例如 clubs（人才俱乐部）或 investment（投资）" },
    "zh-TW": { name: "主題", description: "主題，例如 clubs（人才俱樂部）或 investment（投資）" },
  },
};
