import type { Command } from "./command.js";

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
  ],
  run: (args, { core }) => core.policy(args.name ?? ""),
} satisfies Command;
