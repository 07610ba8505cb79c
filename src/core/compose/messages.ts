/** "A", "A and B", "A, B and C". */
function andList(names: string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Every sentence the bot says to a user in English, so that tone and wording live in one place. */
export const messages = {
  botName: "returnee-bot",
  tagline: "Sourced answers on China's policies, programmes and figures for overseas returnees.",
  declineTitle: "Not in my sources",
  declineBody: (articles: number) =>
    `I don't have a sourced answer to that. I answer only from ${articles} ${articles === 1 ? "article" : "articles"} on returnee policy, and I would rather say so than guess.`,
  /** What the knowledge base covers: its cities, some of its programmes and the entities commands are marked for. */
  covers: (cities: string[], programmes: string[], featured: string[]) =>
    `I cover ${[
      cities.length > 0 ? `returnees in ${andList(cities)}` : "",
      programmes.length > 0 ? `talent programmes such as ${andList(programmes)}` : "",
      andList(featured),
    ]
      .filter(Boolean)
      .join(", ")
      .replace(/, ([^,]*)$/, ", and $1")}.`,
  nearest: (lead: string) => `The nearest I have: ${lead}`,
  wrongPlace: (asked: string, known: string) =>
    `My sources give that for ${known}, not for ${asked}, so I can't tell you the figure for ${asked}.`,
  wrongYear: (asked: string, known: string) =>
    `My sources have no figure for ${asked}. What they give: ${known}`,
  /** A follow-up that asks a property of a subject or a time the sources give it for elsewhere only. */
  lacksClaim: (property: string, known: string[], asked: string) =>
    `My sources give the ${property} for ${known.join("; ")}, not for ${asked}.`,
  /** A property no source gives of anything: "My sources give no date of birth for Zhang Jiancun." */
  noSource: (property: string, asked: string) =>
    `My sources give no ${property}${asked === "" ? "" : ` for ${asked}`}, and I would rather not guess.`,
  missingSide: (name: string) => `${name}: my sources give nothing on this.`,
  followingUp: (what: string) => `(following up: ${what})`,
  comparisonTitle: (names: string[]) => names.join(" vs "),
  /** Two questions asked in one message, answered in turn. */
  bothTitle: (names: string[]) => names.join("; "),
  /** A claim as a headline: "Guangzhou · talent green cards issued: 2,515 (July 2017)". */
  /** A claim in a sentence: "Guangzhou: more than 67,000 (July 2017)". */
  claimPhrase: (subject: string, value: string, when: string | undefined) =>
    `${subject}: ${value}${when === undefined ? "" : ` (${when})`}`,
  moreValues: (count: number) => `and ${count} more`,
  headline: (subject: string, said: string) => `${subject} · ${said}`,
  /** What a headline says of its subject: "talent green cards issued: 2,515 (July 2017)". */
  said: (property: string, values: string[], when: string | undefined) =>
    `${property}: ${values.join(", ")}${when === undefined ? "" : ` (${when})`}`,
  /** Two things said of one subject, as two asks of it want: "enterprises funded: 126; loans arranged: …". */
  bothSaid: (first: string, second: string) => `${first}; ${second}`,
  tooLongTitle: "That question is too long",
  tooLong: (max: number) =>
    `That question is longer than ${max} characters. Please shorten it to the part you want answered.`,
  unknownTopic: (topic: string, name: string) =>
    `I have nothing on "${topic}" for ${name}; here is the overview.`,
  moreTopic: (topic: string, count: number) => `${topic} (${count})`,
  sourcesTitle: "Sources",
  sourcesBody: (count: number) =>
    `Everything I say comes from these ${count} articles. Each answer names the ones it used and how old they are.`,
  ageNote: (span: string, years: string, dueSince?: string) =>
    `Figures from ${span} (${years}${dueSince === undefined ? "" : `; due for review since ${dueSince}`}); they may have changed since, so check with the local talent office.`,
  undatedAge: (year: number) => `undated (about ${year})`,
  asOf: (when: string) => `as of ${when}`,
  undatedFact: (year: string) => `undated article, about ${year}`,
  undatedNote: "One article is undated; its year is estimated from its content.",
  yearsAgo: (years: number) => (years <= 0 ? "this year" : years === 1 ? "a year ago" : `${years} years ago`),
  yearsAgoRange: (from: number, to: number) => `${from} to ${to} years ago`,
  sourceAge: (date: string, ago: string) => `published ${date}, ${ago}`,
  dateLabel: (day: number | undefined, month: number | undefined, year: string) =>
    [day, month === undefined ? undefined : MONTHS[month - 1], year].filter((p) => p !== undefined).join(" "),
  about: (label: string) => `about ${label}`,
  span: (from: string, to: string) => `${from} to ${to}`,
  dated: (text: string, when: string) => `${text} (${when})`,
  /** A superseded figure, mentioned as history. */
  earlier: (line: string) => `Earlier: ${line}`,
  /** How each topic reads in a card's list of what more there is. */
  topics: {
    returnees: "returnees",
    entrepreneurship: "returnee entrepreneurs",
    employment: "where returnees work",
    "talent-policy": "talent policy",
    rankings: "rankings",
    awards: "awards",
    research: "research",
    innovation: "innovation",
    investment: "investment",
    companies: "companies",
    people: "people",
    events: "events",
    organisers: "organisers",
    scale: "scale",
    sessions: "sessions",
    history: "history",
    contact: "contact",
  },
  separator: ": ",
  listJoin: ", ",
};

export type Messages = typeof messages;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
