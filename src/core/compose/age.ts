import type { Dated } from "../knowledge/dated.js";
import type { Source } from "../knowledge/schema.js";
import { remembered } from "../language/memo.js";
import type { CitedSource, Language } from "../types.js";
import { say } from "./say.js";

/**
 * Each date's label by language, estimates apart: the knowledge base has few dates, said in every
 * answer. Keyed by the date as the knowledge base writes it, not by a key built on every call.
 */
const labels: Readonly<Record<Language, { exact: Map<string, string>; estimated: Map<string, string> }>> = {
  en: { exact: new Map(), estimated: new Map() },
  zh: { exact: new Map(), estimated: new Map() },
};

/** "2017-07" → "July 2017" or "2017年7月"; an estimate → "about 2025". */
export function dateLabel(dated: Dated, language: Language = "en"): string {
  const known = labels[language];
  return remembered(dated.estimated ? known.estimated : known.exact, dated.when, () =>
    labelOf(dated, language),
  );
}

function labelOf({ when, estimated }: Dated, language: Language): string {
  const words = say(language);
  const [year = "", month, day] = when.split("-");
  const label = words.dateLabel(
    day === undefined ? undefined : Number(day),
    month === undefined ? undefined : Number(month),
    year,
  );
  return estimated ? words.about(label) : label;
}

/** When a fact's figure holds, as a phrase: "as of July 2017", or "undated article, about 2025". */
export function asOfPhrase(dated: Dated, language: Language = "en"): string {
  const words = say(language);
  return dated.estimated ? words.undatedFact(dated.when.slice(0, 4)) : words.asOf(dateLabel(dated, language));
}

const DAY_MS = 86_400_000;

/** Each date's whole years before the day (UTC) last asked about: worked out once a day, not once per answer. */
let yearsBefore = { day: Number.NaN, years: new Map<string, number>() };

function yearsBetween(when: string, now: Date): number {
  const day = Math.floor(now.getTime() / DAY_MS);
  if (day !== yearsBefore.day) yearsBefore = { day, years: new Map() };
  return remembered(yearsBefore.years, when, () => {
    const [year, month = "1"] = when.split("-");
    const months = (now.getUTCFullYear() - Number(year)) * 12 + (now.getUTCMonth() + 1 - Number(month));
    return Math.max(0, Math.floor(months / 12));
  });
}

export function citeSource(source: Source, now: Date, language: Language = "en"): CitedSource {
  const words = say(language);
  const age =
    source.date === null
      ? words.undatedAge(source.estimatedYear ?? now.getUTCFullYear())
      : words.sourceAge(source.date, words.yearsAgo(yearsBetween(source.date, now)));
  // Optional fields are set, not spread in: see objects.ts.
  const cited: CitedSource = {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    age,
  };
  if (source.author !== undefined) cited.author = source.author;
  if (source.url !== undefined) cited.url = source.url;
  return cited;
}

/**
 * One sentence on how old a set of figures is, said once per answer; empty for no figures. With
 * `dueSince`, a volatile figure's review date that has passed (YYYY-MM or YYYY-MM-DD), it says so.
 */
export function ageNote(dates: Dated[], now: Date, language: Language = "en", dueSince?: string): string {
  if (dates.length === 0) return "";
  const words = say(language);
  // ISO dates ("2017", "2017-07-31") compare as plain strings; a collator would load ICU for nothing.
  // Of equal dates, the oldest is the first given and the newest the last, as a stable sort has them.
  let oldest = dates[0] as Dated;
  let newest = oldest;
  for (const dated of dates) {
    if (dated.when < oldest.when) oldest = dated;
    if (dated.when >= newest.when) newest = dated;
  }
  const [from, to] = [dateLabel(oldest, language), dateLabel(newest, language)];
  const span = from === to ? from : words.span(from, to);
  const youngest = yearsBetween(newest.when, now);
  const eldest = yearsBetween(oldest.when, now);
  const ago = youngest === eldest ? words.yearsAgo(eldest) : words.yearsAgoRange(youngest, eldest);
  const estimated = dates.some((d) => d.estimated);
  const due = dueSince === undefined ? undefined : dateLabel({ when: dueSince, estimated: false }, language);
  const note = words.ageNote(span, estimated ? words.about(ago) : ago, due);
  return estimated ? `${note} ${words.undatedNote}` : note;
}
