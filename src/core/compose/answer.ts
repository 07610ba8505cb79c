import type { IndexedClaim } from "../answering/claims.js";
import type { IndexedFact } from "../answering/search.js";
import { factDate } from "../knowledge/dated.js";
import type { KnowledgeBase } from "../knowledge/loader.js";
import { overdueSince } from "../knowledge/review.js";
import { type Entity, OFFERED_KINDS, type Source } from "../knowledge/schema.js";
import { figuresOf } from "../language/figures.js";
import type { Answer, AnswerFact, Language, Reference } from "../types.js";
import { ageNote, asOfPhrase, citeSource, dateLabel } from "./age.js";
import { say } from "./say.js";

/** Whether an answer offers an entity as a follow-up: it has a card of its own. */
export function offered(entity: Entity): boolean {
  return entity.command !== undefined || OFFERED_KINDS.includes(entity.kind);
}

/** Follow-ups for what an answer touched: its cities, programmes and the entities commands are marked for. */
export function followUps(entities: Iterable<Entity>, limit = 3): Reference[] {
  const out: Reference[] = [];
  for (const e of entities) {
    if (out.length === limit) break;
    if (offered(e) && !out.some((o) => o.entity === e.id)) out.push({ entity: e.id });
  }
  return out;
}

/** An entity's name in a language: its Chinese name where the knowledge base has one. */
export function nameOf(entity: Entity, kb: KnowledgeBase, language: Language): string {
  return language === "zh" ? (kb.zh.entities.get(entity.id)?.name ?? entity.name) : entity.name;
}

/** A fact as answers say it in a language: its line, and when its figure holds ("as of July 2017"). */
interface FactSaid {
  line: string;
  asOf: string;
}

/** What each fact says by language, made on first need: a card weighs every fact of its entity, and answers say the same facts again and again. */
const spoken: Readonly<Record<Language, WeakMap<IndexedFact, FactSaid>>> = {
  en: new WeakMap(),
  zh: new WeakMap(),
};

/** A fact's line and its "as of" phrase in a language, worked out on its first showing. */
function factSaid(indexed: IndexedFact, kb: KnowledgeBase, language: Language): FactSaid {
  const said = spoken[language];
  let known = said.get(indexed);
  if (known === undefined) {
    known = sayFact(indexed, kb, language);
    said.set(indexed, known);
  }
  return known;
}

/**
 * A fact as one line in a language, its date stated once: the text, with "(as of July 2017)" only
 * when the text does not already say the year it holds for. A superseded fact is said as history:
 * "Earlier: …".
 */
export function factLine(indexed: IndexedFact, kb: KnowledgeBase, language: Language): string {
  return factSaid(indexed, kb, language).line;
}

/** How a fact is said: its line, and when its figure holds. */
function sayFact({ fact, source }: IndexedFact, kb: KnowledgeBase, language: Language): FactSaid {
  const words = say(language);
  const text = language === "zh" ? (kb.zh.facts.get(fact.id) ?? fact.text) : fact.text;
  const dated = factDate(fact, source);
  const asOf = asOfPhrase(dated, language);
  const line = text.includes(dated.when.slice(0, 4)) && !dated.estimated ? text : words.dated(text, asOf);
  return { line: fact.status === "superseded" ? words.earlier(line) : line, asOf };
}

/**
 * A claim's value in Chinese: a name translated keeps the source's own name beside it, so that it can
 * be found there ("中国留学人员广州科技交流会（Guangzhou Science and Technology Exchange …）").
 */
function chineseValue(c: IndexedClaim, kb: KnowledgeBase): string {
  const { zh, value, entity } = c.claim;
  if (zh === undefined) return figuresOf(kb.grammar).chinese(value);
  // A name the sources give only in English (a title, a person, a company) keeps their spelling beside ours.
  const spelled =
    c.property.type === "name" ||
    c.property.type === "person" ||
    (entity !== undefined && kb.entities.get(entity)?.kind === "company");
  return spelled && !zh.includes(value) ? `${zh}（${value}）` : zh;
}

/** A claim's subject as a language names it. */
function subjectName(c: IndexedClaim, kb: KnowledgeBase, language: Language): string {
  const subject = kb.entities.get(c.claim.subject);
  return subject === undefined ? c.claim.subject : nameOf(subject, kb, language);
}

/** A claim's value as a language writes it. */
function valueIn(c: IndexedClaim, kb: KnowledgeBase, language: Language): string {
  return language === "zh" ? chineseValue(c, kb) : c.claim.value;
}

/**
 * A claim as a headline in a language: its subject, its property, its values (a property's several
 * values in one fact together), its qualifier and, for a figure that dates, when it held.
 * "Guangzhou · talent green cards issued: 2,515 (July 2017)", "Medprin · founder: Yuan Yuyu".
 * A second ask of the same subject is said beside the first: "… · enterprises funded: 126; loans
 * arranged: 1.03 billion yuan".
 */
export function headline(
  values: readonly IndexedClaim[],
  kb: KnowledgeBase,
  language: Language,
  named?: { id: string; name: string },
  asked: {
    /** Whether the question asked when: the time a claim holds for is then its answer. */
    when?: boolean;
    /** The values of the property its second ask wants. */
    also?: readonly IndexedClaim[];
    /** Other things picked ("which cities") of which the fact says the same. */
    alike?: readonly IndexedClaim[];
  } = {},
): string {
  const [first] = values;
  if (first === undefined) return "";
  const words = say(language);
  const said = saidOf(values, kb, language, asked.when ?? false);
  const also = asked.also === undefined ? "" : saidOf(asked.also, kb, language, asked.when ?? false);
  const subjects = [first, ...(asked.alike ?? [])].map((c) => subjectName(c, kb, language));
  return words.headline(
    named?.id === first.claim.subject ? named.name : shownValues(subjects, language).join(words.listJoin),
    also === "" ? said : words.bothSaid(said, also),
  );
}

/** What a headline says of its subject: a property, its values, and its qualifier and time. */
function saidOf(values: readonly IndexedClaim[], kb: KnowledgeBase, language: Language, askedWhen: boolean) {
  const [first] = values;
  if (first === undefined) return "";
  const zh = language === "zh";
  const qualifier = zh ? (first.claim.zhQualifier ?? first.claim.qualifier) : first.claim.qualifier;
  const when =
    first.property.type !== "date" && (askedWhen || first.standing.volatile)
      ? dateLabel(first.when, language)
      : undefined;
  const about = [qualifier, when].filter((p) => p !== undefined).join(say(language).listJoin);
  return say(language).said(
    zh ? first.property.zh : first.property.name,
    shownValues(
      values.map((c) => valueIn(c, kb, language)),
      language,
    ),
    about === "" ? undefined : about,
  );
}

/**
 * A headline names every value when they fit in a short line ("Europe, United States, Japan,
 * Republic of Korea, CIS countries"), else the first few; the fact's sentence gives the rest.
 */
const HEADLINE_VALUES = 3;
const HEADLINE_VALUES_MOST = 6;
const HEADLINE_VALUES_CHARACTERS = 100;

function shownValues(values: string[], language: Language): string[] {
  const short =
    values.length <= HEADLINE_VALUES_MOST && values.join(", ").length <= HEADLINE_VALUES_CHARACTERS;
  const more = values.length - HEADLINE_VALUES;
  return short || more <= 0 ? values : [...values.slice(0, HEADLINE_VALUES), say(language).moreValues(more)];
}

/** A claim in a sentence: "Guangzhou: more than 67,000 (July 2017)". */
export function claimPhrase(c: IndexedClaim, kb: KnowledgeBase, language: Language): string {
  return say(language).claimPhrase(
    subjectName(c, kb, language),
    valueIn(c, kb, language),
    c.property.type === "date" ? undefined : dateLabel(c.when, language),
  );
}

export interface AnswerParts {
  title: string;
  /** The sentence that answers; the first fact's line when absent. */
  body?: string;
  score: number;
  suggestions: Reference[];
  more?: Reference[];
}

/** An answer built from facts, which it cites with their sources and their age, each said once. */
export function factAnswer(
  facts: readonly IndexedFact[],
  parts: AnswerParts,
  kb: KnowledgeBase,
  language: Language,
  now: Date,
): Answer {
  const sources = new Map<string, Source>();
  const used: AnswerFact[] = facts.map((indexed) => {
    sources.set(indexed.source.id, indexed.source);
    const { line, asOf } = factSaid(indexed, kb, language);
    return { id: indexed.fact.id, text: line, topic: indexed.fact.topic, sourceId: indexed.source.id, asOf };
  });
  // Optional fields are set, not spread in: see objects.ts.
  const answer: Answer = {
    answered: true,
    language,
    title: parts.title,
    body: parts.body ?? used[0]?.text ?? "",
    facts: used,
    sources: [...sources.values()].map((s) => citeSource(s, now, language)),
    ageNote: ageNote(
      facts.map(({ fact, source }) => factDate(fact, source)),
      now,
      language,
      overdueSince(
        facts.map(({ fact }) => fact),
        kb,
        now,
      ),
    ),
    suggestions: parts.suggestions,
    score: Math.round(Math.min(1, Math.max(0, parts.score)) * 1000) / 1000,
  };
  if (parts.more !== undefined && parts.more.length > 0) answer.more = parts.more;
  return answer;
}

/** An answer that carries no facts: help, the list of sources, a message. */
export function plainAnswer<FollowUp = Reference>(
  parts: Pick<Answer<FollowUp>, "title" | "body"> &
    Partial<Pick<Answer<FollowUp>, "sources" | "suggestions" | "language">>,
): Answer<FollowUp> {
  return {
    answered: true,
    language: "en",
    facts: [],
    ageNote: "",
    suggestions: [],
    sources: [],
    score: 1,
    ...parts,
  };
}

/**
 * A decline: says plainly that the sources do not hold the answer, and what the bot can answer;
 * with the facts it considered, when it looked at any.
 */
export function decline<FollowUp = Reference>(
  body: string,
  suggestions: FollowUp[],
  language: Language,
  title: string = say(language).declineTitle,
  considered?: string[],
): Answer<FollowUp> {
  const declined: Answer<FollowUp> = {
    answered: false,
    language,
    title,
    body,
    facts: [],
    sources: [],
    ageNote: "",
    suggestions,
    score: 0,
  };
  if (considered !== undefined) declined.considered = considered;
  return declined;
}
