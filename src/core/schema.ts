import { z } from "zod";

/** A calendar date or part of one: "2017", "2017-07" or "2017-07-31". */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD");

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a kebab-case id such as red-cotton-plan");
const Text = z.string().trim().min(1, "must not be empty");

export const SourceSchema = z.strictObject({
  id: Id,
  title: Text,
  publisher: Text,
  author: Text.optional(),
  /** The date the article gives; null when it carries none (never invented). */
  date: z.iso.date().nullable(),
  /** For an undated article only: the year its content points to, shown as an estimate. */
  estimatedYear: z.number().int().min(1990).max(2100).optional(),
  url: z.url().optional(),
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
  aliases: z.array(Text).default([]),
  /** One line in the project's own words. */
  summary: Text,
  /** The entity this one sits in or belongs to (a district's city, a competition's convention). */
  within: Id.optional(),
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

export const FactSchema = z.strictObject({
  id: Id,
  /** One atomic statement in the project's own words. */
  text: Text,
  source: Id,
  entities: z.array(Id).min(1, "a fact is about at least one entity"),
  topic: z.enum(TOPICS),
  /** When the figure holds; omitted when it is the source's own date. */
  asOf: PartialDate.optional(),
  /** Every figure the text states, exactly as written in the text. */
  figures: z.array(Text).default([]),
  /** Extra words a reader might search with (synonyms, the article's own terms). */
  keywords: z.array(Text).default([]),
});

export const FaqSchema = z.strictObject({
  id: Id,
  /** Several phrasings of the same question. */
  questions: z.array(Text).min(2, "give the question in at least two phrasings"),
  /** The facts that answer it, best first. */
  facts: z.array(Id).min(1),
});

export const SourcesFile = z.array(SourceSchema);
export const EntitiesFile = z.array(EntitySchema);
export const FactsFile = z.array(FactSchema);
export const FaqFile = z.array(FaqSchema);

export type Source = z.infer<typeof SourceSchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type EntityKind = Entity["kind"];
export type Fact = z.infer<typeof FactSchema>;
export type Faq = z.infer<typeof FaqSchema>;
export type Topic = Fact["topic"];

/** Groups of interchangeable words; the first of each group is the one the index keeps. */
export const SynonymsFile = z.array(z.array(Text).min(2, "a group needs at least two words"));
