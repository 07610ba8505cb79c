import type { Messages } from "./messages.js";

/** Every sentence the bot says to a user in Chinese: the same keys as the English messages. */
export const zhMessages: Messages = {
  botName: "returnee-bot",
  tagline: "为海外留学人员解答中国的人才政策、项目与数据，每条回答都注明出处。",
  declineTitle: "资料中没有",
  declineBody: (articles: number) =>
    `这个问题我找不到有出处的答案。我只根据${articles}篇关于留学人员政策的文章作答，宁可直说，也不猜测。`,
  covers: (cities: string[], programmes: string[], featured: string[]) =>
    `我能回答${[
      cities.length > 0 ? `${cities.join("、")}的海归情况` : "",
      programmes.length > 0 ? `${programmes.join("、")}等人才项目` : "",
      featured.length > 0 ? `以及${featured.join("、")}` : "",
    ]
      .filter(Boolean)
      .join("，")}。`,
  nearest: (lead: string) => `最接近的资料：${lead}`,
  wrongPlace: (asked: string, known: string) =>
    `我的资料只给出了${known}的数据，没有${asked}的，所以无法告诉你${asked}的情况。`,
  wrongYear: (asked: string, known: string) => `我的资料中没有${asked}的数据。资料中有的是：${known}`,
  lacksClaim: (property: string, known: string[], asked: string) =>
    `我的资料给出的${property}是：${known.join("；")}，没有${asked}的。`,
  noSource: (property: string, asked: string) =>
    `我的资料没有给出${asked === "" ? "" : `${asked}的`}${property}，我不想猜测。`,
  missingSide: (name: string) => `${name}：我的资料中没有这方面的数据。`,
  followingUp: (what: string) => `（接着上一个问题：${what}）`,
  comparisonTitle: (names: string[]) => names.join(" 对比 "),
  bothTitle: (names: string[]) => names.join("；"),
  claimPhrase: (subject: string, value: string, when: string | undefined) =>
    `${subject}：${value}${when === undefined ? "" : `（${when}）`}`,
  moreValues: (count: number) => `等另外${count}项`,
  headline: (subject: string, said: string) => `${subject} · ${said}`,
  said: (property: string, values: string[], when: string | undefined) =>
    `${property}：${values.join("、")}${when === undefined ? "" : `（${when}）`}`,
  bothSaid: (first: string, second: string) => `${first}；${second}`,
  tooLongTitle: "问题太长了",
  tooLong: (max: number) => `这个问题超过了${max}个字符，请只保留你最想问的部分。`,
  unknownTopic: (topic: string, name: string) => `关于${name}，我没有“${topic}”方面的资料，以下是概况。`,
  moreTopic: (topic: string, count: number) => `${topic}（${count}条）`,
  sourcesTitle: "资料来源",
  sourcesBody: (count: number) =>
    `我所说的一切都来自以下${count}篇文章。每个回答都会注明所用文章及其发布时间。`,
  ageNote: (span: string, years: string, dueSince?: string) =>
    `数据截至${span}（${years}${dueSince === undefined ? "" : `，自${dueSince}起待复核`}），此后可能已有变化，请向当地人才工作部门核实。`,
  undatedAge: (year: number) => `未注明日期（约${year}年）`,
  asOf: (when: string) => `截至${when}`,
  undatedFact: (year: string) => `文章未注明日期，约${year}年`,
  undatedNote: "其中一篇文章未注明日期，年份根据内容估计。",
  yearsAgo: (years: number) => (years <= 0 ? "今年" : `${years}年前`),
  yearsAgoRange: (from: number, to: number) => `${from}至${to}年前`,
  sourceAge: (date: string, ago: string) => `发布于${date}，${ago}`,
  dateLabel: (day: number | undefined, month: number | undefined, year: string) =>
    `${year}年${month === undefined ? "" : `${month}月`}${day === undefined ? "" : `${day}日`}`,
  about: (label: string) => `约${label}`,
  span: (from: string, to: string) => `${from}至${to}`,
  dated: (text: string, when: string) => `${text}（${when}）`,
  earlier: (line: string) => `此前：${line}`,
  topics: {
    returnees: "海归人数",
    entrepreneurship: "海归创业",
    employment: "就业领域",
    "talent-policy": "人才政策",
    rankings: "排名",
    awards: "奖项",
    research: "科研",
    innovation: "创新",
    investment: "投资",
    companies: "企业",
    people: "人物",
    events: "活动",
    organisers: "主办方",
    scale: "规模",
    sessions: "板块",
    history: "历史",
    contact: "联系方式",
  },
  separator: "：",
  listJoin: "、",
};
