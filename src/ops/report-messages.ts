/** What the curators' inbox (`returnee-bot report`) says, in English: its audience is the curators. */
export const reportMessages = {
  off: "The unanswered log is turned off (UNANSWERED_LOG=off), so there is nothing to report.",
  empty: (source: string) => `Nothing is recorded in ${source} yet.`,
  heading: (records: number, groups: number, source: string) =>
    `${records} ${records === 1 ? "record" : "records"} in ${source}; ${groups} ${groups === 1 ? "group needs" : "groups need"} a look, most asked first:`,
  handled: (groups: number) =>
    `${groups} done or ignored ${groups === 1 ? "group is" : "groups are"} not shown; --all shows them.`,
  skipped: (lines: number) =>
    `${lines} ${lines === 1 ? "line is" : "lines are"} not a record (cut short, perhaps) and ${lines === 1 ? "was" : "were"} skipped.`,
  declined: "declined",
  disliked: "👎",
  after: (followed: string) => `after “${followed}”`,
  alsoAsked: (variants: string[], more: number) =>
    `also asked as: ${variants.join(" · ")}${more > 0 ? ` (and ${more} more)` : ""}`,
  lastAsked: (date: string) => `last asked ${date}`,
  nearest: (ids: string[]) => (ids.length > 0 ? `nearest facts: ${ids.join(", ")}` : "no fact came near"),
  answeredWith: (ids: string[]) => `answered with: ${ids.join(", ")}`,
  reasons: (reasons: string) => `reasons: ${reasons}`,
  moreGroups: (groups: number) =>
    `…and ${groups} more ${groups === 1 ? "group" : "groups"}; --top N shows more.`,
  answerRate: "Answer rate by language:",
  rate: (language: string, answered: number, declined: number, rate: number) =>
    `  ${language}: ${Math.round(rate * 100)}% (${answered} answered, ${declined} declined)`,
  mostAsked: "Most asked facts:",
  votes: "Votes per fact (👍/👎):",
  dueForReview: "Due for review:",
  since: (date: string) => `due since ${date}`,
  moreDue: (n: number) => `  and ${n} more`,
  none: "  none",
  actions: "Act on a group: report amend GROUP --to FAQ_OR_FACT · report ignore GROUP · report pending GROUP",
  // The digest posted to the curators' channels (DIGEST_EVERY_HOURS)
  digestHeading: "Curators' digest (returnee-bot report shows the whole inbox):",
  digestNew: (groups: number, top: string[]) =>
    `• ${groups} new ${groups === 1 ? "group" : "groups"}${top.length > 0 ? `, most asked: ${top.join(" · ")}` : ""}`,
  digestTop: (id: string, count: number, text: string) => `${id} ${count}× “${text || "(no words)"}”`,
  digestDown: (answers: number) => `• ${answers} 👎 on answers not yet looked at`,
  digestDue: (facts: number) => `• ${facts} ${facts === 1 ? "fact" : "facts"} due for review`,
  // Actions
  unknownGroup: (id: string) => `no group ${id} in the inbox (report --all lists every group)`,
  unknownTarget: (id: string) => `no FAQ or fact with the id ${id} in the knowledge folder`,
  followUp: (id: string) =>
    `group ${id} holds follow-ups, which mean nothing on their own: add a standalone phrasing to an FAQ by hand`,
  refused: (problem: string) => `nothing was written; the knowledge folder would not load. ${problem}`,
  marked: (id: string, state: string, file: string) => `group ${id} marked ${state} in ${file}`,
  amended: (id: string, added: number, faq: string, files: string[]) =>
    `group ${id}: ${added} ${added === 1 ? "phrasing" : "phrasings"} added to FAQ ${faq} (${files.join(", ")}); marked done`,
} as const;
