import { z } from "./zod.js";

/** A calendar date or part of one: "2017", "2017-07" or "2017-07-31". */
export const PartialDate = z
  .string()
  .check(
    z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected YYYY, YYYY-MM or YYYY-MM-DD"),
  );

/** When a figure is due to be checked again, or was: "2019-07" or "2019-07-31". */
const ReviewDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "expected YYYY-MM or YYYY-MM-DD"));

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
  /** A height, length, weight or distance: what "how tall" or "how far" asks. */
  "measure",
  "contact",
  "name",
] as const;
export type FigureType = (typeof FIGURE_TYPES)[number];

export const FigureSchema = z.strictObject({
  /** Exactly as written in the fact's text. */
  text: Text,
  type: z.enum(FIGURE_TYPES),
});

/**
 * What a claim's value is: a figure (count, percent, money, date, duration, rank, area, contact)
 * or a name of a person, an organisation or a place, another name (a product, a title, an event),
 * or a short phrase (a theme, a reason, a list of sectors).
 */
export const VALUE_TYPES = [...FIGURE_TYPES, "person", "organisation", "place", "phrase"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/**
 * A property a claim states of its subject, as Wikidata's properties are: "talent green cards
 * issued", "founder", "dates held". Its names in both languages are what a question calls it.
 */
export const PropertySchema = z.strictObject({
  id: Id,
  /** What it measures, in English, as a headline names it: "talent green cards issued". */
  name: Text,
  /** Its name in Chinese: "人才绿卡发放数". */
  zh: Text,
  /** The type of value every claim of it takes. */
  type: z.enum(VALUE_TYPES),
  /** Other English words a question may call it by ("green cards", "cards handed out"). */
  aliases: z._default(z.array(Text), []),
  /** Other Chinese words for it. */
  zhAliases: z._default(z.array(Text), []),
  /** Whether its value dates (a count, a ranking) rather than stays true (the year an event took place). */
  volatile: z._default(z.boolean(), true),
  /** Whether it says what its subject is (a position, what a company does): a card without curated headlines leads with it. */
  describes: z._default(z.boolean(), false),
  /** Whether its values are reasons (why founders pick a city, what a success is credited to): a "why" question wants them first. */
  reason: z._default(z.boolean(), false),
  /** Asked of, but given by no source (a city's population): a question naming it outright is declined, and no claim may hold it. */
  unsourced: z._default(z.boolean(), false),
  /** Whether its values are what someone said or thinks: "what did … say" wants them first. */
  quotes: z._default(z.boolean(), false),
  /**
   * The kinds of thing it is asked of, where the same words ask another property of other things:
   * "how old" of a person asks an age, of a convention the years it has run.
   */
  of: z.optional(z.array(z.enum(ENTITY_KINDS))),
});

/**
 * A statement a fact makes, after Wikidata's: a subject, a property, a value, the time it holds
 * for, and qualifiers. "Beijing 24.3%, Shanghai 8.1%, Chengdu 6.6%" is three claims.
 */
/** Whether a statement still holds, after Wikidata's ranks: a superseded one is kept, never shown as the answer. */
export const STATUSES = ["current", "superseded", "historical"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * When a fact or a claim is to be checked again, after Guru's verification intervals and
 * Wikipedia's {{Update after}}. A claim's own fields override its fact's.
 */
const ReviewFields = {
  /** From when the figure is due to be checked against newer sources. */
  reviewAfter: z.optional(ReviewDate),
  /** The last check: when, and by whom (a curator's name or handle, never a platform user id). */
  reviewed: z.optional(z.strictObject({ on: z.iso.date(), by: Text })),
  /** current (the default); superseded by a newer figure; historical: about a past event, it no longer dates. */
  status: z.optional(z.enum(STATUSES)),
  /** What supersedes it: a fact id, or one claim of a fact as `factId#n`. */
  supersededBy: z.optional(
    z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*(#\d+)?$/, "expected a fact id or factId#n")),
  ),
  /** Whether the figure dates, overriding its property's flag: a count or a ranking does, the year an event took place does not. */
  volatile: z.optional(z.boolean()),
};

export const ClaimSchema = z.strictObject({
  /** The entity it is about. */
  subject: Id,
  /** A property of knowledge/properties/. */
  property: Id,
  /** The value exactly as the fact's English text writes it: "2,515", "Yuan Yuyu", "21-22 December 2018". */
  value: Text,
  /** The value as the fact's Chinese text writes it, where it differs: "袁玉宇", "2018年12月21日至22日". */
  zh: z.optional(Text),
  /** The entity the value names, when it names one (a founder, a venue). */
  entity: z.optional(Id),
  /** When it holds, when that differs from the fact's own date. */
  asOf: z.optional(PartialDate),
  /** What narrows it, in the text's words: "of 300 respondents", "among returnee entrepreneurs". */
  qualifier: z.optional(Text),
  /** The qualifier in Chinese. */
  zhQualifier: z.optional(Text),
  ...ReviewFields,
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
  /** What the fact states, claim by claim: every figure of its text belongs to one. */
  claims: z._default(z.array(ClaimSchema), []),
  /** Extra words a reader might search with (synonyms, the article's own terms). */
  keywords: z._default(z.array(Text), []),
  ...ReviewFields,
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
export const PropertiesFile = z.array(PropertySchema);

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

/** Kinds of entity that are talent programmes or policies, each with a card of its own. */
/** Kinds of entity a question names as places: a figure of another place does not answer for them. */
export const PLACE_KINDS: readonly EntityKind[] = ["city", "place"];
export const POLICY_KINDS: readonly EntityKind[] = ["programme", "award"];
/** Kinds of entity an answer offers as follow-ups, besides an entity a command is marked for: each has a card. */
export const OFFERED_KINDS: readonly EntityKind[] = ["city", ...POLICY_KINDS];
export type Fact = z.infer<typeof FactSchema>;
export type Faq = z.infer<typeof FaqSchema>;
export type Topic = Fact["topic"];
export type Claim = z.infer<typeof ClaimSchema>;
export type Figure = z.infer<typeof FigureSchema>;
export type Property = z.infer<typeof PropertySchema>;

/** What a curator did with a group of the inbox (`returnee-bot report`); a group not listed is new. */
export const INBOX_STATES = ["pending", "done", "ignored"] as const;

/** knowledge/inbox.json: the state of each group of the curators' inbox, by the group's id. */
export const InboxFile = z.strictObject({
  version: z.literal(1),
  groups: z.record(
    z.string().check(z.regex(/^[0-9a-f]{8}$/, "expected a group id of 8 hex digits, as report shows it")),
    z.strictObject({
      state: z.enum(INBOX_STATES),
      /** The phrasings the group held when its state was set: the group keeps its state if its id drifts. */
      questions: z.array(Text),
      /** The day its state was set. */
      on: z.iso.date(),
      /** For a group amended: the FAQ its phrasings went to. */
      to: z.optional(Id),
    }),
  ),
});
export type Inbox = z.infer<typeof InboxFile>;
export type InboxState = Inbox["groups"][string]["state"];

/** Groups of interchangeable words; the first of each group is the one the index keeps. */
export const SynonymsFile = z.array(z.array(Text).check(z.minLength(2, "a group needs at least two words")));
