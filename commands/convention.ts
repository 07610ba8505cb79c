import type { Command } from "./command.js";

export default {
  name: "convention",
  description: "The Convention on Exchange of Overseas Talents (CEOT) in Guangzhou",
  options: [],
  run: (_args, { core }) => core.convention(),
} satisfies Command;
