import { decline } from "../src/core/compose/answer.js";
import type { Core } from "../src/core/core.js";
import type { Language } from "../src/core/types.js";
import { type Reply, suggestionsFor } from "./replies.js";

/** The most names a reply lists before it says how many more there are. */
const MAX_LISTED = 20;

function listed(names: string[], join: string, more: (shown: string, total: number) => string): string {
  return names.length > MAX_LISTED
    ? more(names.slice(0, MAX_LISTED).join(join), names.length)
    : names.join(join);
}
const listedEn = (names: string[]) =>
  listed(names, ", ", (shown, total) => `${shown} and ${total - MAX_LISTED} more`);
const listedZh = (names: string[]) => listed(names, "、", (shown, total) => `${shown}等${total}个`);

/** What the commands say about how they are used, in each language the bot answers in. */
export const commandMessages = {
  en: {
    emptyTitle: "How can I help?",
    emptyQuestion: "Ask me a question about returnee policy in China, or try /help.",
    usageTitle: "Almost there",
    unknownCommand: (name: string) => `There is no /${name} command. Try /help for the list.`,
    curatorsOnlyTitle: "For curators only",
    curatorsOnly: (name: string) => `Only the bot's curators can use /${name}.`,
    missingOption: (command: string, option: string, example: string) =>
      `/${command} needs a ${option}, for example: /${command} ${example}`,
    unknownName: {
      city: (name: string) => `I have nothing on a city called "${name}".`,
      policy: (name: string) => `I have nothing on a programme or policy called "${name}".`,
    },
    knownNames: {
      city: (names: string[]) => `Cities I know about: ${listedEn(names)}.`,
      policy: (names: string[]) => `Programmes and policies I know about: ${listedEn(names)}.`,
    },
  },
  zh: {
    emptyTitle: "有什么可以帮你？",
    emptyQuestion: "请问一个关于中国留学人员政策的问题，或输入 /help 查看用法。",
    usageTitle: "还差一点",
    unknownCommand: (name: string) => `没有 /${name} 这个命令，输入 /help 查看全部命令。`,
    curatorsOnlyTitle: "仅限维护者",
    curatorsOnly: (name: string) => `只有本机器人的维护者可以使用 /${name}。`,
    missingOption: (command: string, option: string, example: string) =>
      `/${command} 需要填写 ${option}，例如：/${command} ${example}`,
    unknownName: {
      city: (name: string) => `我没有关于“${name}”这座城市的资料。`,
      policy: (name: string) => `我没有关于“${name}”这个项目或政策的资料。`,
    },
    knownNames: {
      city: (names: string[]) => `我有资料的城市：${listedZh(names)}。`,
      policy: (names: string[]) => `我有资料的项目和政策：${listedZh(names)}。`,
    },
  },
} as const satisfies Record<Language, unknown>;

/** The reply to a question that asks nothing to look up: how to ask, and what to try. */
export function emptyQuestion(language: Language, core: Core): Reply {
  const words = commandMessages[language];
  return decline(words.emptyQuestion, suggestionsFor(core.starters(), core), language, words.emptyTitle);
}

/** What /help says, in each language the bot answers in. */
export const helpMessages = {
  en: {
    title: "How to use returnee-bot",
    intro:
      'Ask a question in plain words, in English or in Chinese (也可以用中文提问), or use a command. Every answer cites its article and says how old its figures are. In a thread or a DM you can follow up: "and Shenzhen?", "what about 2020?", "more".',
    usage: (command: string, options: string[], description: string) =>
      `${[`/${command}`, ...options].join(" ")} — ${description}`,
    optional: (option: string) => `[${option}:…]`,
  },
  zh: {
    title: "如何使用 returnee-bot",
    intro:
      "用平常的话提问，中文或英文都可以（you can also ask in English），或使用下面的命令。每个回答都注明出处文章，并说明数据的年份。在对话串或私信中可以接着问：“那深圳呢？”“2020年呢？”“更多”。",
    usage: (command: string, options: string[], description: string) =>
      `${[`/${command}`, ...options].join(" ")}：${description}`,
    optional: (option: string) => `[${option}]`,
  },
} as const satisfies Record<Language, unknown>;

/** How many ids a reload's reply names for each kind of change before it only counts. */
const IDS_SHOWN = 5;

function named(ids: readonly string[], join: string, more: (n: number) => string): string {
  const shown = ids.slice(0, IDS_SHOWN).join(join);
  return ids.length > IDS_SHOWN ? `${shown}${more(ids.length - IDS_SHOWN)}` : shown;
}

/** One kind of item's changes: "facts: 1 added (gz-2024), 0 changed, 0 removed". */
type ChangeLine = (
  kind: "facts" | "faqs" | "entities",
  added: string[],
  changed: string[],
  removed: string[],
) => string;

const changeLineEn: ChangeLine = (kind, ...lists) => {
  const label = { facts: "Facts", faqs: "FAQs", entities: "Entities" }[kind];
  const parts = (["added", "changed", "removed"] as const).map((verb, i) => {
    const ids = lists[i] ?? [];
    const listed = ids.length === 0 ? "" : ` (${named(ids, ", ", (n) => ` and ${n} more`)})`;
    return `${ids.length} ${verb}${listed}`;
  });
  return `${label}: ${parts.join(", ")}`;
};

const changeLineZh: ChangeLine = (kind, ...lists) => {
  const label = { facts: "事实", faqs: "常见问题", entities: "实体" }[kind];
  const parts = (["新增", "修改", "删除"] as const).map((verb, i) => {
    const ids = lists[i] ?? [];
    const listed = ids.length === 0 ? "" : `（${named(ids, "、", (n) => `等，另有${n}个`)}）`;
    return `${verb}${ids.length}个${listed}`;
  });
  return `${label}：${parts.join("，")}`;
};

/** What /kb says to curators, and to anyone else who tries it, in each language the bot answers in. */
export const kbMessages = {
  en: {
    usage: "Say what to do: reload (make the knowledge folder live), or test followed by a question.",
    reloadedTitle: "Knowledge reloaded",
    unchanged: "Nothing changed in the facts, FAQs or entities.",
    changeLine: changeLineEn,
    brokenTitle: "Knowledge not reloaded",
    broken: (problem: string) =>
      `The knowledge folder has a problem, so the knowledge already live keeps answering.\n${problem}`,
    candidateTitle: (title: string) => `Not live yet: ${title}`,
    candidateBroken: (problem: string) => `The knowledge folder on disk does not load.\n${problem}`,
  },
  zh: {
    usage: "请说明要做什么：reload（让知识库文件夹生效），或 test 加上一个问题。",
    reloadedTitle: "知识库已重新加载",
    unchanged: "事实、常见问题和实体都没有变化。",
    changeLine: changeLineZh,
    brokenTitle: "知识库未重新加载",
    broken: (problem: string) => `知识库文件夹有问题，因此继续使用原有的知识库回答。\n${problem}`,
    candidateTitle: (title: string) => `尚未生效：${title}`,
    candidateBroken: (problem: string) => `磁盘上的知识库文件夹无法加载。\n${problem}`,
  },
} as const satisfies Record<Language, unknown>;
