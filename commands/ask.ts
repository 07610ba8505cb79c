import type { Command } from "./command.js";
import { emptyQuestion } from "./messages.js";
import { replyOf } from "./replies.js";

export default {
  name: "ask",
  description: "Ask a question about returnee policies, programmes and figures",
  localized: {
    "zh-CN": { name: "提问", description: "就海归政策、人才项目和数据提问" },
    "zh-TW": { name: "提問", description: "就海歸政策、人才計畫和數據提問" },
  },
  options: [
    {
      name: "question",
      description: "Your question, in plain words",
      required: true,
      localized: {
        "zh-CN": { name: "问题", description: "你的问题，用平常的话说，中文或英文都可以" },
        "zh-TW": { name: "問題", description: "你的問題，用平常的話說，中文或英文都可以" },
      },
    },
  ],
  run: (args, { core, conversation, language }) => {
    const answer = core.ask(
      args.question ?? "",
      conversation === undefined ? { language } : { language, conversation },
    );
    return answer === undefined ? emptyQuestion(language, core) : replyOf(answer, core);
  },
} satisfies Command;
