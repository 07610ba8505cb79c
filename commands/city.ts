import type { Command } from "./command.js";

export default {
  name: "city",
  description: "What the sources say about returnees in a city",
  options: [
    {
      name: "name",
      description: "A city, e.g. Hangzhou, 广州 or GZ",
      required: true,
      autocomplete: ["city"],
    },
  ],
  run: (args, { core }) => core.city(args.name ?? ""),
} satisfies Command;
