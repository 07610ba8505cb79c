import { messages } from "./messages.js";
import type { Fact, Source } from "./schema.js";
import type { CitedSource } from "./types.js";

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

/** When a fact's figure holds: its own asOf, else its article's date, else the article's estimated year. */
interface Dated {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  when: string;
  estimated: boolean;
}

export function factDate(fact: Fact, source: Source): Dated {
  if (fact.asOf !== undefined) return { when: fact.asOf, estimated: false };
  if (source.date !== null) return { when: source.date, estimated: false };
  return { when: String(source.estimatedYear), estimated: true };
}

/** "2017" → "2017", "2017-07" → "July 2017", "2017-07-31" → "31 July 2017"; an estimate → "about 2025". */
export function dateLabel({ when, estimated }: Dated): string {
  const [year, month, day] = when.split("-");
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  const label = [day === undefined ? undefined : String(Number(day)), monthName, year]
    .filter((part) => part !== undefined)
    .join(" ");
  return estimated ? `about ${label}` : label;
}

/** When a fact's figure holds, as a phrase: "as of July 2017", or "undated article, about 2025". */
export function asOfPhrase(dated: Dated): string {
  return dated.estimated ? messages.undatedFact(dated.when.slice(0, 4)) : messages.asOf(dateLabel(dated));
}

function yearsBetween(when: string, now: Date): number {
  const [year, month = "1"] = when.split("-");
  const months = (now.getUTCFullYear() - Number(year)) * 12 + (now.getUTCMonth() + 1 - Number(month));
  return Math.max(0, Math.floor(months / 12));
}

export function citeSource(source: Source, now: Date): CitedSource {
  const age =
    source.date === null
      ? messages.undatedAge(source.estimatedYear ?? now.getUTCFullYear())
      : messages.sourceAge(source.date, messages.yearsAgo(yearsBetween(source.date, now)));
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    ...(source.author === undefined ? {} : { author: source.author }),
    date: source.date,
    age,
  };
}

/** One sentence on how old a set of figures is; empty for no figures. */
export function ageNote(dates: Dated[], now: Date): string {
  if (dates.length === 0) return "";
  const sorted = [...dates].sort((a, b) => a.when.localeCompare(b.when));
  const oldest = sorted[0] as Dated;
  const newest = sorted[sorted.length - 1] as Dated;
  const span =
    dateLabel(oldest) === dateLabel(newest)
      ? dateLabel(oldest)
      : `${dateLabel(oldest)} to ${dateLabel(newest)}`;
  const youngest = yearsBetween(newest.when, now);
  const eldest = yearsBetween(oldest.when, now);
  const ago = youngest === eldest ? messages.yearsAgo(eldest) : `${youngest} to ${messages.yearsAgo(eldest)}`;
  const estimated = sorted.some((d) => d.estimated);
  const note = messages.ageNote(span, (estimated ? "about " : "") + ago);
  return estimated ? `${note} ${messages.undatedNote}` : note;
}
