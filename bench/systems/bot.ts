import { runLine } from "../../commands/index.js";
import { formatText } from "../../src/adapters/terminal/format.js";
import { Core } from "../../src/core/core.js";
import type { System } from "./system.js";

/** The bot as a user meets it: one typed line through the command registry, rendered as text. */
export function botSystem(core: Core): System {
  return {
    name: "bot",
    answer(line) {
      const answer = runLine(line, core);
      return { answered: answer.answered, text: formatText(answer), sources: answer.sources };
    },
  };
}

export function loadBot(knowledgeDir: string): System {
  return botSystem(Core.load({ knowledgeDir }));
}
