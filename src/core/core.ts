import { citeSource } from "./age.js";
import { decline, factAnswer, followUps, plainAnswer, titleFor } from "./answer.js";
import { type IndexedFact, KnowledgeIndex } from "./knowledge-index.js";
import { type KnowledgeBase, loadKnowledge } from "./loader.js";
import { messages } from "./messages.js";
import { analyse } from "./query.js";
import { about, best, candidates, isPlace, rank, type Scored } from "./retrieve.js";
import { type Entity, type EntityKind, TOPICS, type Topic } from "./schema.js";
import { compact } from "./text.js";
import type { Answer, ConversationContext, EntityChoice, Suggestion } from "./types.js";

/** The longest question answered as asked; longer ones are sent back, never cut short. */
export const MAX_QUESTION_LENGTH = 500;
/** The fewest characters a command's argument may have to stand for a name it begins. */
const MIN_PREFIX = 3;
/** In a profile, facts that count something come first. */
const QUANTITY_ORDER = ["cardinal", "ordinal", "none"] as const;
/** How many of the nearest facts a decline reports as considered. */
const NEAREST = 3;
const POLICY_KINDS: readonly EntityKind[] = ["programme", "award"];
const CONVENTION_ID = "ceot";
const CONVENTION_TOPICS: readonly Topic[] = [
  "events",
  "organisers",
  "scale",
  "sessions",
  "history",
  "contact",
];

export interface CoreOptions {
  knowledgeDir?: string;
  /** The clock that ages answers; tests fix it. */
  now?: () => Date;
}

/** The answering core: platform-neutral, built once from the knowledge base. */
export class Core {
  readonly index: KnowledgeIndex;
  private readonly now: () => Date;
  /** Every entity some fact is about, with its names in compact form, for commands and autocomplete. */
  private readonly named: { entity: Entity; keys: string[] }[];

  constructor(
    readonly kb: KnowledgeBase,
    now: () => Date = () => new Date(),
  ) {
    this.index = new KnowledgeIndex(kb, analyse);
    this.now = now;
    this.named = [...kb.entities.values()]
      .filter((e) => this.index.aboutEntity(e.id).length > 0)
      .map((entity) => ({ entity, keys: [entity.name, ...entity.aliases].map(compact) }));
  }

  static load(options: CoreOptions = {}): Core {
    return new Core(loadKnowledge(options.knowledgeDir), options.now);
  }

  /**
   * Answers a free question, or declines when the knowledge base does not hold the answer.
   * `_context` is what the conversation carried over from its last turn (not read yet).
   */
  ask(question: string, _context?: ConversationContext): Answer {
    if (question.length > MAX_QUESTION_LENGTH) return decline(messages.tooLong(MAX_QUESTION_LENGTH), []);
    const query = analyse(question, this.index);
    if (query.entities.length === 0 && query.terms.length === 0) {
      return decline(messages.emptyQuestion, this.starters(), messages.emptyTitle);
    }
    if (query.terms.length === 0 && query.asks === "other") {
      return this.profile(query.entities);
    }

    const ranked = rank(query, candidates(query, this.index), this.index);
    const chosen = best(ranked, query);
    if (chosen.length === 0) {
      const anywhere = { ...query, entities: query.entities.filter((e) => !isPlace(e)) };
      const elsewhere = rank(anywhere, candidates(anywhere, this.index), this.index);
      // What it was near: the best facts about what it names, then the best found without its places.
      const near =
        query.entities.length > 0 ? rank(query, about(query.entities, this.index), this.index) : [];
      const nearest = [...new Set([...near, ...elsewhere].map((s) => s.indexed.fact.id))].slice(0, NEAREST);
      return { ...this.declineQuestion(query.entities, best(elsewhere, anywhere)[0]), considered: nearest };
    }
    const facts = chosen.map((s) => s.indexed);
    return factAnswer(
      facts,
      {
        title: titleFor(facts, query.entities, (id) => this.entityName(id)),
        score: chosen[0]?.coverage ?? 0,
        suggestions: followUps(this.entitiesOf(facts)),
      },
      this.now(),
    );
  }

  /** Everything known about a city, best first; an unknown city is declined with the known ones. */
  city(name: string): Answer {
    const city = this.resolve(name, ["city"]);
    if (city === undefined)
      return this.unknownName("city", ["city"], messages.unknownCity(name), messages.knownCities);
    return this.profile([city], messages.cityTitle(city.name));
  }

  /** A talent programme or policy; an unknown one is declined with the known ones. */
  policy(name: string): Answer {
    const programme = this.resolve(name, POLICY_KINDS);
    if (programme === undefined) {
      return this.unknownName("policy", POLICY_KINDS, messages.unknownPolicy(name), messages.knownPolicies);
    }
    return this.profile([programme]);
  }

  /**
   * Declines a name the sources do not cover, listing the ones they do. It is a question they cannot
   * answer, so it carries `considered` (none) for the curators' unanswered log.
   */
  private unknownName(
    command: string,
    kinds: readonly EntityKind[],
    said: string,
    known: (names: string[]) => string,
  ): Answer {
    const names = this.entitiesOfKind(kinds).map((e) => e.name);
    const tries = names.slice(0, 3).map((n) => ({ command, args: { name: n } }));
    return { ...decline(`${said} ${known(names)}`, tries), considered: [] };
  }

  /** The Convention on Exchange of Overseas Talents: dates, place, organisers, scale, sessions, history, contact. */
  convention(): Answer {
    const ceot = this.kb.entities.get(CONVENTION_ID);
    return ceot === undefined
      ? decline(messages.declineBody, this.starters())
      : this.profile([ceot], ceot.name, CONVENTION_TOPICS);
  }

  sources(): Answer {
    const now = this.now();
    return plainAnswer({
      title: messages.sourcesTitle,
      body: messages.sourcesBody(this.kb.sources.size),
      sources: [...this.kb.sources.values()].map((s) => citeSource(s, now)),
      suggestions: this.starters(),
    });
  }

  /** Entities of the given kinds whose name or alias starts with (or contains) the typed text. */
  choices(kinds: readonly EntityKind[], typed: string, limit = 25): EntityChoice[] {
    const key = compact(typed);
    const starts: Entity[] = [];
    const contains: Entity[] = [];
    for (const { entity, keys } of this.named) {
      if (starts.length >= limit) break;
      if (!kinds.includes(entity.kind)) continue;
      if (keys.some((k) => k.startsWith(key))) starts.push(entity);
      else if (contains.length < limit && keys.some((k) => k.includes(key))) contains.push(entity);
    }
    return [...starts, ...contains].slice(0, limit).map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  }

  /** Example commands a user can try, drawn from the knowledge base. */
  starters(): Suggestion[] {
    const cities = this.entitiesOfKind(["city"]).slice(0, 2);
    const programme = this.entitiesOfKind(["programme"])[0];
    return followUps([...cities, ...this.entitiesOfKind(["event"]), ...(programme ? [programme] : [])], 4);
  }

  /** The entities of these kinds that some fact is about. */
  entitiesOfKind(kinds: readonly EntityKind[]): Entity[] {
    return this.named.filter((n) => kinds.includes(n.entity.kind)).map((n) => n.entity);
  }

  /** The entity a command's argument names: by name or alias, inside a phrase, or as a prefix of one. */
  private resolve(name: string, kinds: readonly EntityKind[]): Entity | undefined {
    const fits = (e: Entity | undefined) => e !== undefined && kinds.includes(e.kind);
    const direct = this.index.aliases.get(compact(name));
    if (fits(direct)) return direct;
    const named = analyse(name, this.index).entities.find(fits);
    if (named !== undefined || compact(name).length < MIN_PREFIX) return named;
    const [first] = this.choices(kinds, name, 1);
    return first === undefined ? undefined : this.kb.entities.get(first.id);
  }

  /** All facts about every given entity, most telling first. */
  private profile(entities: Entity[], title?: string, topics: readonly Topic[] = TOPICS): Answer {
    const ids = entities.map((e) => e.id);
    const facts = about(entities, this.index);
    if (facts.length === 0) return decline(messages.declineBody, this.starters());
    const order = (f: IndexedFact) => {
      const topic = topics.indexOf(f.fact.topic);
      return [
        ids.every((id) => f.fact.entities.includes(id)) ? 0 : 1,
        topic === -1 ? topics.length + TOPICS.indexOf(f.fact.topic) : topic,
        QUANTITY_ORDER.indexOf(f.quantity),
        f.fact.entities.length,
        -f.salience,
      ];
    };
    const sorted = facts
      .map((f, i) => ({ f, key: [...order(f), i] }))
      .sort((a, b) => compareKeys(a.key, b.key))
      .map(({ f }) => f);
    return factAnswer(
      sorted,
      {
        title: title ?? entities.map((e) => e.name).join(", "),
        body: entities.map((e) => e.summary).join(" "),
        score: 1,
        suggestions: followUps(this.entitiesOf(sorted).filter((e) => !ids.includes(e.id))),
      },
      this.now(),
    );
  }

  private declineQuestion(asked: Entity[], elsewhere: Scored | undefined): Answer {
    const place = asked.find((e) => e.kind === "city");
    if (elsewhere !== undefined && place !== undefined) {
      const known = this.entitiesOf([elsewhere.indexed]).find((e) => e.kind === "city" && e.id !== place.id);
      if (known !== undefined) {
        return decline(`${messages.wrongPlace(place.name, known.name)} ${messages.declineBody}`, [
          { command: "city", args: { name: known.name } },
          { command: "city", args: { name: place.name } },
        ]);
      }
    }
    return decline(messages.declineBody, asked.length > 0 ? followUps(asked) : this.starters());
  }

  private entitiesOf(facts: IndexedFact[]): Entity[] {
    const ids = new Set(facts.flatMap((f) => f.fact.entities));
    return [...ids].flatMap((id) => this.kb.entities.get(id) ?? []);
  }

  private entityName(id: string): string {
    return this.kb.entities.get(id)?.name ?? id;
  }
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
