import type { Command } from "./command.js";

export default {
  name: "ask",
  description: "Ask a question about returnee policies, programmes and figures",
  options: [{ name: "question", description: "Your question, in plain words", required: true }],
  run: (args, { core, conversation }) => core.ask(args.question ?? "", conversation),
} satisfies Command;
