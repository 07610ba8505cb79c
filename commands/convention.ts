import type { Command } from "./command.js";

export default {
  name: "convention",
  description: "The Convention on Exchange of Overseas Talents (CEOT) in Guangzhou",
  options: [{ name: "topic", description: "A topic, e.g. dates, scale or contact", required: false }],
  run: (args, { core, language }) =>
    core.featured("convention", { ...(args.topic ? { topic: args.topic } : {}), language: language ?? "en" }),
} satisfies Command;
