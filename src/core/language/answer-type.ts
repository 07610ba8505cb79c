import type { Entity, EntityKind, Fact, FigureType } from "../knowledge/schema.js";

/**
 * The kind of answer a question wants, after Li and Roth's question classes: a number of some
 * kind, a date, a person, an organisation, a place, a reason, or anything ("any").
 */
export type AnswerType = Exclude<FigureType, "name"> | "person" | "organisation" | "place" | "reason" | "any";

/**
 * The wording that asks for each type, tried in order: the first that matches wins, so "what
 * percent" is a share before "how many" can make it a count. English on normalised text.
 */
const WORDING: readonly [AnswerType, RegExp][] = [
  ["reason", /\b(why|what reasons?|reasons?|what for|how come)\b/],
  ["percent", /\b(percent|percentage|share|proportion|fraction|portion|chunk|ratio|what part)\b/],
  [
    "money",
    /\bhow much\b.*\b(money|fund|funding|spend|spent|invest|investment|budget|yuan|dollar|cash|cost|put toward|put towards|worth)|\b(how much money|budget|funding|what amount)\b/,
  ],
  ["count", /\b(how many|number of|headcount|how much|count|tally|total)\b/],
  // "Which city has more returnees?", "returnee numbers": a comparison of counts.
  ["count", /\b(which|who)\b.*\b(more|fewer)\b|\bnumbers\b/],
  ["duration", /\bhow long\b|\bhow old\b|\bhow many years\b/],
  // "when" asks for a date where it opens a question, not in "weigh most when choosing".
  [
    "date",
    /(^|[,;:]\s*|\band\s+)when\b|\b(what year|which year|what date|which date|since when|as of when|what month|which month|dates?)\b/,
  ],
  [
    "rank",
    /\b(rank|ranked|ranking|place|position|placed|spot)\b.*\b(where|what|which|how)\b|\b(where|what|which|how)\b.*\b(rank|ranked|ranking|position|spot)\b|\bwhat place\b|\bwhich place\b|\bnumber one\b|\btop spot\b/,
  ],
  [
    "area",
    /\bhow (big|large)\b.*\b(area|space|site|hall|exhibition|venue)|\b(square met|sq m|floor space|area)\b/,
  ],
  [
    "organisation",
    /\b(which|what) (company|companies|firm|firms|organi[sz]ations?|institutions?|bodies|body|agency|agencies|ministry|ministries|university|universities)\b|\bwho (organi[sz]e|organi[sz]ed|hosts?|hosted|runs?|ran|sponsors?|sponsored|co-hosts?)\b/,
  ],
  // "who" asks for a person where it opens a question, not where it joins a clause ("people who studied").
  ["person", /(^|[,;:]\s*|\band\s+)(who|whom|whose)\b|\b(which|what) person\b/],
  [
    "place",
    /\b(where|which city|what city|which cities|what cities|which country|what country|which countries)\b/,
  ],
];

/** A way to reach someone: asked for before any other type, in either language (电话 reads as "phone"). */
const CONTACT =
  /\b(phone|telephone|tel|e ?mail|website|web site|url|post ?code|postal code|zip|contact|reach them|call them|address)\b/;

/** Chinese question words, by the head the lexicon gives them. */
const CUES: Readonly<Record<string, AnswerType>> = {
  "how many": "count",
  "what share": "percent",
  "how much": "money",
  when: "date",
  "how long": "duration",
  "how big": "area",
  "what rank": "rank",
  who: "person",
  where: "place",
  why: "reason",
};
/** The order cues are taken in when a question has several: the most specific first. */
const CUE_ORDER: readonly AnswerType[] = [
  "percent",
  "money",
  "rank",
  "area",
  "duration",
  "date",
  "count",
  "person",
  "place",
  "reason",
];

/** What kind of answer a question wants, from its English wording (normalised) or its Chinese cues. */
export function classify(normalised: string, cues: readonly string[]): AnswerType {
  if (CONTACT.test(normalised)) return "contact";
  const fromCues = cues.map((c) => CUES[c]).filter((t): t is AnswerType => t !== undefined);
  const cue = CUE_ORDER.find((t) => fromCues.includes(t));
  if (cue !== undefined) return cue;
  return WORDING.find(([, pattern]) => pattern.test(normalised))?.[0] ?? "any";
}

/**
 * Which figure types answer each kind of question: first the types that answer it outright, then
 * those that may stand in when no fact of the first kind does ("how many" answered by a share, or
 * "how many times" by "for the 11th time").
 */
const FIGURES_WANTED: Readonly<Partial<Record<AnswerType, readonly (readonly FigureType[])[]>>> = {
  count: [["count"], ["percent"], ["rank"]],
  percent: [["percent"]],
  money: [["money"]],
  date: [["date"]],
  duration: [["duration"], ["date"]],
  rank: [["rank"]],
  area: [["area"]],
  contact: [["contact"]],
};

/**
 * Which entity kinds, named by a fact beyond those asked about, answer "who", "which company" and
 * "where", tier by tier: "who set it up?" may be answered by a bureau when no person is named.
 */
const ENTITIES_WANTED: Readonly<Partial<Record<AnswerType, readonly (readonly EntityKind[])[]>>> = {
  person: [["person", "organisation", "company"]],
  organisation: [["organisation", "company"]],
  place: [["city", "place"]],
};

/**
 * Whether a fact can answer a question of this type at this tier: it states a figure of a wanted
 * type, or names a person, organisation or place beyond those asked about. "reason" and "any"
 * take every fact.
 */
export function fits(
  type: AnswerType,
  tier: number,
  fact: Fact,
  named: (id: string) => Entity | undefined,
  asked: readonly Entity[],
): boolean {
  const figures = FIGURES_WANTED[type];
  if (figures !== undefined) return fact.figures.some((f) => (figures[tier] ?? []).includes(f.type));
  const tiered = ENTITIES_WANTED[type];
  if (tiered === undefined) return true;
  const kinds = tiered[tier] ?? [];
  const other = fact.entities.some(
    (id) => !asked.some((e) => e.id === id) && kinds.includes(named(id)?.kind ?? "city"),
  );
  return other || (type === "place" && fact.figures.some((f) => f.type === "contact"));
}

/** The figure of a fact that answers this type, for a title: "67,000", "21-22 December 2018". */
export function answeringFigure(
  type: AnswerType,
  fact: Fact,
  about: readonly string[] = [],
): string | undefined {
  // In a fact about several things ("Beijing 24.3 percent, Shanghai 8.1 percent"), the figure
  // that follows the name asked about is its own; otherwise the first, or the fullest date
  // ("21-22 December 2018", not "2018").
  const at = Math.min(...about.map((name) => fact.text.indexOf(name)).filter((i) => i >= 0));
  const pick = (list: Fact["figures"]) =>
    Number.isFinite(at)
      ? (list.find((f) => fact.text.indexOf(f.text, at) >= 0) ?? list[0])
      : list.every((f) => f.type === "date")
        ? [...list].sort((a, b) => b.text.length - a.text.length)[0]
        : list[0];
  for (const wanted of FIGURES_WANTED[type] ?? HEADLINE_FIGURES.map((t) => [t])) {
    const figure = pick(fact.figures.filter((f) => wanted.includes(f.type)));
    if (figure !== undefined) return figure.text;
  }
  return fact.figures[0]?.text;
}

/** The figures a title may show for a question that asks for no kind in particular, a card's above all. */
const HEADLINE_FIGURES: readonly FigureType[] = ["count", "percent", "money", "date", "area", "duration"];
