import { decline, plainAnswer } from "../src/core/compose/answer.js";
import type { Language } from "../src/core/types.js";
import type { Reloaded } from "../src/ops/live-core.js";
import ask from "./ask.js";
import type { Command, CommandContext, Curation } from "./command.js";
import { commandMessages, kbMessages } from "./messages.js";
import type { Reply } from "./replies.js";

/** What a reload says: the facts, FAQs and entities added, changed and removed, or why it was refused. */
function reloadReply(result: Reloaded, language: Language): Reply {
  const words = kbMessages[language];
  if (!result.ok) return decline(words.broken(result.problem), [], language, words.brokenTitle);
  const kinds = (["facts", "faqs", "entities"] as const).filter((kind) => {
    const { added, changed, removed } = result.changes[kind];
    return added.length + changed.length + removed.length > 0;
  });
  const lines = kinds.map((kind) => {
    const { added, changed, removed } = result.changes[kind];
    return words.changeLine(kind, added, changed, removed);
  });
  return {
    ...plainAnswer({
      title: words.reloadedTitle,
      body: lines.length === 0 ? words.unchanged : lines.join("\n"),
    }),
    language,
  };
}

/**
 * The question answered from the folder as it is on disk, not live: its title says so, and it
 * carries nothing that would run on the live knowledge (follow-ups, a conversation to continue)
 * or count as a question the live bot could not answer.
 */
function candidateReply(question: string, curate: Curation, context: CommandContext): Reply {
  const { language, commands } = context;
  const words = kbMessages[language];
  const candidate = curate.candidate();
  if (!candidate.ok)
    return decline(words.candidateBroken(candidate.problem), [], language, words.brokenTitle);
  const {
    context: _turn,
    considered: _nearest,
    more: _more,
    ...answer
  } = ask.run({ question }, { core: candidate.core, commands, language });
  return { ...answer, title: words.candidateTitle(answer.title), suggestions: [] };
}

export default {
  name: "kb",
  description: "Curators: make the knowledge folder live, or try a question on it first",
  admin: true,
  localized: {
    "zh-CN": { name: "知识库", description: "维护者：让知识库文件夹生效，或先用它试答一个问题" },
    "zh-TW": { name: "知識庫", description: "維護者：讓知識庫資料夾生效，或先用它試答一個問題" },
  },
  options: [
    {
      name: "action",
      description: "reload, or test followed by a question",
      required: true,
      localized: {
        "zh-CN": { name: "操作", description: "reload（重新加载），或 test 加上一个问题" },
        "zh-TW": { name: "操作", description: "reload（重新載入），或 test 加上一個問題" },
      },
    },
    {
      name: "question",
      description: "For test: the question to answer from the folder on disk",
      required: false,
      localized: {
        "zh-CN": { name: "问题", description: "用于 test：用磁盘上的知识库回答的问题" },
        "zh-TW": { name: "問題", description: "用於 test：用磁碟上的知識庫回答的問題" },
      },
    },
  ],
  run: (args, context) => {
    const { curate, language } = context;
    const words = commandMessages[language];
    // runCommand has refused anyone else already.
    if (curate === undefined) return decline(words.curatorsOnly("kb"), [], language, words.curatorsOnlyTitle);
    // "reload", "test QUESTION", or "test" with the question in its own option (Discord).
    const [verb = "", ...rest] = (args.action ?? "").trim().split(/\s+/);
    const question = [rest.join(" "), args.question ?? ""].join(" ").trim();
    if (/^reload$/i.test(verb) && question === "") return reloadReply(curate.reload(), language);
    if (/^test$/i.test(verb) && question !== "") return candidateReply(question, curate, context);
    return decline(kbMessages[language].usage, [], language, words.usageTitle);
  },
} satisfies Command;
