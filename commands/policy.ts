import type { Command } from "./command.js";
import { askOptions } from "./command.js";

export default {
  name: "policy",
  description: "A talent programme or policy, e.g. the Red Cotton Plan",
  options: [
    {
      name: "name",
      description: "A programme or policy, e.g. 115 Plan or talent green card",
      required: true,
      autocomplete: ["programme", "award"],
    },
    { name: "topic", description: "A topic, e.g. history or who can apply", required: false },
  ],
  run: (args, context) => context.core.policy(args.name ?? "", askOptions(args, context)),
} satisfies Command;
