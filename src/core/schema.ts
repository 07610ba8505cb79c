import { z } from "./zod.js";

/** A calendar date or part of one: "2017", "2017-07" or "2017-07-31". */
export const PartialDate = z
  .string()
  .check(
    z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
  );

const Id = z
  .string()
  .check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id such as red-cotton-plan"));
const Text = z.string().check(z.trim(), z.minLength(1, "must not be empty"));

export const SourceSchema = z.strictObject({
  id: Id,
  title: Text,
  publisher: Text,
  author: z.optional(Text),
  /** The date the article gives; null when it carries none (never invented). */
  date: z.nullable(z.iso.date()),
  /** For an undated article only: the year its content points to, shown as an estimate. */
  estimatedYear: z.optional(z.int().check(z.minimum(1990), z.maximum(2100))),
  url: z.optional(z.url()),
});

export const ENTITY_KINDS = [
  "city",
  "place",
  "programme",
  "event",
  "organisation",
  "company",
  "person",
  "publication",
  "award",
] as const;

export const EntitySchema = z.strictObject({
  id: Id,
  kind: z.enum(ENTITY_KINDS),
  name: Text,
  /** Other names: Chinese characters, abbreviations, historic names, spellings with or without spaces. */
  aliases: z._default(z.array(Text), []),
  /** One line in the project's own words. */
  summary: Text,
  /** The entity this one sits in or belongs to (a district's city, a competition's convention). */
  within: z.optional(Id),
  /** The facts its card leads with, most telling first: the curator's choice. */
  headlines: z.optional(z.array(Id)),
  /** The command whose subject it is, for a command that names no entity (the convention). */
  command: z.optional(z.string().check(z.regex(/^[a-z]+$/))),
});

export const TOPICS = [
  "returnees",
  "entrepreneurship",
  "employment",
  "talent-policy",
  "rankings",
  "awards",
  "research",
  "innovation",
  "investment",
  "companies",
  "people",
  "events",
  "organisers",
  "scale",
  "sessions",
  "history",
  "contact",
] as const;

/**
 * What kind of value a figure is, so that a question's answer type can choose among facts:
 * "when" wants a date, "how many" a count, "what share" a percent.
 */
export const FIGURE_TYPES = [
  "count",
  "percent",
  "money",
  "date",
  "duration",
  "rank",
  "area",
  "contact",
  "name",
] as const;
export type FigureType = (typeof FIGURE_TYPES)[number];

export const FigureSchema = z.strictObject({
  /** Exactly as written in the fact's text. */
  text: Text,
  type: z.enum(FIGURE_TYPES),
});

export const FactSchema = z.strictObject({
  id: Id,
  /** One atomic statement in the project's own words. */
  text: Text,
  source: Id,
  entities: z.array(Id).check(z.minLength(1, "a fact is about at least one entity")),
  topic: z.enum(TOPICS),
  /** When the figure holds; omitted when it is the source's own date. */
  asOf: z.optional(PartialDate),
  /** Every figure the text states, exactly as written in the text, with its type. */
  figures: z._default(z.array(FigureSchema), []),
  /** Extra words a reader might search with (synonyms, the article's own terms). */
  keywords: z._default(z.array(Text), []),
});

export const FaqSchema = z.strictObject({
  id: Id,
  /** Several phrasings of the same question. */
  questions: z.array(Text).check(z.minLength(2, "give the question in at least two phrasings")),
  /** The facts that answer it, best first. */
  facts: z.array(Id).check(z.minLength(1)),
});

export const SourcesFile = z.array(SourceSchema);
export const EntitiesFile = z.array(EntitySchema);
export const FactsFile = z.array(FactSchema);
export const FaqFile = z.array(FaqSchema);

/** Chinese text for the knowledge base, by id: facts, entities' names and summaries, FAQ phrasings. */
export const ZhFactsFile = z.record(Id, Text);
export const ZhEntitiesFile = z.record(Id, z.strictObject({ name: Text, summary: Text }));
export const ZhFaqFile = z.record(Id, z.array(Text).check(z.minLength(1)));
/** Chinese words of the domain, each group headed by the English word or phrase they mean. */
export const LexiconFile = z.array(
  z.array(Text).check(z.minLength(2, "a group needs an English head and a Chinese word")),
);
/** English words outside the knowledge base's vocabulary → the vocabulary word they mean (from WordNet). */
export const WordnetFile = z.record(z.string().check(z.minLength(1)), z.string().check(z.minLength(1)));

export type Source = z.infer<typeof SourceSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityKind = Entity["kind"];
export type Fact = z.infer<typeof FactSchema>;
export type Faq = z.infer<typeof FaqSchema>;
export type Topic = Fact["topic"];

/** Groups of interchangeable words; the first of each group is the one the index keeps. */
export const SynonymsFile = z.array(z.array(Text).check(z.minLength(2, "a group needs at least two words")));
