/** What the curators' report of unanswered questions says, in English: its audience is the curators. */
export const reportMessages = {
  off: "The unanswered log is turned off (UNANSWERED_LOG=off), so there is nothing to report.",
  empty: (file: string) => `No unanswered questions are recorded in ${file} yet.`,
  heading: (records: number, groups: number, file: string) =>
    `${records} unanswered ${records === 1 ? "question" : "questions"} in ${file}, in ${groups} ${groups === 1 ? "group" : "groups"} of similar questions, most asked first:`,
  skipped: (lines: number) =>
    `${lines} ${lines === 1 ? "line is" : "lines are"} not a record (cut short, perhaps) and ${lines === 1 ? "was" : "were"} skipped.`,
  alsoAsked: (variants: string[], more: number) =>
    `also asked as: ${variants.join(" · ")}${more > 0 ? ` (and ${more} more)` : ""}`,
  lastAsked: (date: string) => `last asked ${date}`,
  nearest: (ids: string[]) => (ids.length > 0 ? `nearest facts: ${ids.join(", ")}` : "no fact came near"),
  moreGroups: (groups: number) =>
    `…and ${groups} more ${groups === 1 ? "group" : "groups"}; --top N shows more.`,
} as const;
