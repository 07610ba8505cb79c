import type { Command } from "./command.js";
import { askOptions } from "./command.js";

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
    { name: "topic", description: "A topic, e.g. rankings, investment or talent clubs", required: false },
  ],
  run: (args, context) => context.core.city(args.name ?? "", askOptions(args, context)),
} satisfies Command;
