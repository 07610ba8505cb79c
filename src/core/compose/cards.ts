import { type ClaimIndex, claimId, type IndexedClaim, valuesOf } from "../answering/claims.js";
import type { FactIndex, IndexedFact } from "../answering/search.js";
import type { KnowledgeBase } from "../knowledge/loader.js";
import { current } from "../knowledge/review.js";
import { type Entity, TOPICS, type Topic } from "../knowledge/schema.js";
import { remembered } from "../language/memo.js";
import { changedQuery } from "../language/query.js";
import { compact } from "../language/text.js";
import { understand } from "../language/understand.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { withFields } from "../objects.js";
import type { Answer, ConversationContext, Language, Reference } from "../types.js";
import { decline, factAnswer, factLine, followUps, headline, nameOf } from "./answer.js";
import { say } from "./say.js";

/**
 * The one budget of a card (an answer with topics to go on to), on every surface: the text a person
 * sees, buttons included, stays within `text`, under 1,500 characters. The parts that could run long
 * are capped first (`title`, `ageNote`, each topic's `label`), so the facts keep most of the room.
 * The core packs a card's facts into what the title and the age note leave; each renderer then keeps
 * as many of them as its rendering fits in `text`.
 */
export const CARD = Object.freeze({ text: 1450, title: 120, ageNote: 240, label: 40 });
/** A card shows at most this many facts, and at most this many characters of them: a card, not a wall. */
const CARD_FACTS = 6;
const CARD_CHARACTERS = CARD.text - CARD.title - CARD.ageNote;
/** A card lists at most this many topics it has more on. */
const MORE_TOPICS = 5;

/** An entity's facts in the order a card gives them, and the claim that heads the card. */
interface Headed {
  ordered: readonly IndexedFact[];
  main: IndexedClaim | undefined;
}

/** What a card shows: the facts that fit, the claim that heads them, its follow-ups and the topics it has more on. */
interface Layout {
  shown: readonly IndexedFact[];
  main: IndexedClaim | undefined;
  suggestions: readonly Reference[];
  more: readonly Reference[];
}

/** Cards: an entity's headline facts, short, and the topics it has more on, one follow-up away. */
export class Cards {
  /** How often curators give a fact first in an FAQ: the order of a card without curated headlines. */
  private readonly salience = new Map<string, number>();
  /** Each entity's card without a topic, as far as it never changes (see headed). */
  private readonly headings = new Map<Entity, Headed>();
  /** Each entity's card without a topic as laid out in each language: the same on every showing, laid out once. */
  private readonly layouts: Readonly<Record<Language, Map<Entity, Layout>>> = {
    en: new Map(),
    zh: new Map(),
  };

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly index: FactIndex,
    private readonly claims: ClaimIndex,
    private readonly vocabulary: Vocabulary,
    private readonly now: () => Date,
    private readonly starters: () => Reference[],
  ) {
    for (const faq of kb.faqs) {
      const [first] = faq.facts;
      if (first !== undefined) this.salience.set(first, (this.salience.get(first) ?? 0) + 1);
    }
  }

  /**
   * An entity as a card: the curators' headline facts first, short, and the topics it has more on,
   * each one follow-up away. With a topic, that topic's facts instead.
   */
  card(entity: Entity, language: Language, topic?: string): Answer {
    const words = say(language);
    const chosen =
      topic === undefined || topic.trim() === ""
        ? undefined
        : this.onTopic(entity, this.index.aboutEntity(entity.id), topic, language);
    const { shown, main, suggestions, more } =
      chosen === undefined
        ? remembered(this.layouts[language], entity, () => this.layout(entity, this.headed(entity), language))
        : this.layout(entity, { ordered: chosen, main: this.firstOwn(entity, chosen) }, language);
    const name = language === "zh" ? `${nameOf(entity, this.kb, language)}（${entity.name}）` : entity.name;
    const top = shown[0];
    const lead =
      chosen === undefined && topic !== undefined && topic.trim() !== ""
        ? `${words.unknownTopic(topic, name)}\n`
        : "";
    if (top === undefined) return decline(words.declineBody(this.kb.sources.size), this.starters(), language);
    const values = main === undefined ? [] : valuesOf(main, this.claims);
    const title = main === undefined ? name : headline(values, this.kb, language, { id: entity.id, name });
    const answer = factAnswer(
      shown,
      {
        title,
        body: `${lead}${factLine(top, this.kb, language)}`,
        score: 1,
        suggestions: [...suggestions],
        more: [...more],
      },
      this.kb,
      language,
      this.now(),
    );
    // What the card was about, so that "when was it issued?" or "more" goes on from it.
    const context = {
      entities: [entity.id],
      asks: "any",
      terms: [],
      language,
      shown: shown.map((f) => f.fact.id),
      question: title,
    };
    return withFields(answer, { claims: values.map(claimId), context });
  }

  /** How a card lays out an entity's facts given in this order and the claim that heads them, in a language. */
  private layout(entity: Entity, { ordered, main }: Headed, language: Language): Layout {
    const first = main === undefined ? ordered : [main.fact, ...ordered.filter((f) => f !== main.fact)];
    const shown = pack(first, (f) => factLine(f, this.kb, language).length);
    const rest = this.index.aboutEntity(entity.id).filter((f) => !shown.includes(f));
    return {
      shown,
      main,
      suggestions: followUps(this.entitiesOf(shown).filter((e) => e.id !== entity.id)),
      more: this.moreOn(entity, rest, language),
    };
  }

  /**
   * An entity's card without a topic, as far as it is the same on every showing: its facts in
   * order and the claim that heads it (see firstOwn), worked out once per entity.
   * Without curated headlines, a claim that says what the entity is ("Jonathan Woetzel · position")
   * leads before one of what it said or did; an event is known first by when it is held.
   */
  private headed(entity: Entity): Headed {
    return remembered(this.headings, entity, () => {
      const ordered = this.headlinesFirst(entity, this.index.aboutEntity(entity.id));
      const describing =
        entity.headlines === undefined && entity.kind !== "event"
          ? ordered
              .flatMap((f) => this.claims.ofFact(f.fact.id))
              .find((c) => c.property.describes && this.claims.subjectFit(c, [entity]) === "named")
          : undefined;
      return { ordered, main: describing ?? this.firstOwn(entity, ordered) };
    });
  }

  /**
   * The claim that heads a card: the first of the facts' claims (in order) about the card's own
   * entity, or else about what sits in it (the 2018 CEOT for the CEOT). A superseded figure never
   * heads a card: the one that supersedes it does, when it is still about the entity.
   */
  private firstOwn(entity: Entity, facts: readonly IndexedFact[]): IndexedClaim | undefined {
    const standing = (c: IndexedClaim) => this.claims.subjectFit(c, [entity]);
    for (const f of facts) {
      const claims = this.claims.ofFact(f.fact.id);
      const about =
        claims.find((c) => standing(c) === "named") ?? claims.find((c) => standing(c) === "within");
      const now = about === undefined ? undefined : current(about, this.claims, this.kb.facts);
      if (now !== undefined && standing(now) !== "other") return now;
    }
    return undefined;
  }

  /** Facts in the order a card gives them: the curated headlines, then by how often FAQs lead with them. */
  private headlinesFirst(entity: Entity, facts: readonly IndexedFact[]): IndexedFact[] {
    const headlines = entity.headlines ?? [];
    const rank = (f: IndexedFact) => {
      const h = headlines.indexOf(f.fact.id);
      if (h >= 0) return h - Number.MAX_SAFE_INTEGER;
      return -(this.salience.get(f.fact.id) ?? 0) + (f.fact.entities.includes(entity.id) ? 0 : 1);
    };
    // Each fact ranked once, not once per comparison.
    const ranks = new Map(facts.map((f) => [f, rank(f)]));
    return [...facts].sort((a, b) => (ranks.get(a) as number) - (ranks.get(b) as number));
  }

  /** A card's topic page: a topic by its name in either language, else the entity's facts that match the words. */
  private onTopic(
    entity: Entity,
    facts: readonly IndexedFact[],
    topic: string,
    language: Language,
  ): IndexedFact[] | undefined {
    const key = compact(topic);
    const named = TOPICS.find(
      (t) =>
        compact(t) === key || compact(say("en").topics[t]) === key || compact(say("zh").topics[t]) === key,
    );
    if (named !== undefined) return this.headed(entity).ordered.filter((f) => f.fact.topic === named);
    const query = changedQuery(understand(topic, this.vocabulary, language), { entities: [entity] });
    const ranked = this.index.rank(
      query.terms.map((t) => t.term),
      facts,
    );
    const matching = ranked.filter((r) => r.score > 0).map((r) => r.indexed);
    return matching.length > 0 ? matching : undefined;
  }

  /** The topics a card has more on, largest first, each as a follow-up. */
  private moreOn(entity: Entity, rest: readonly IndexedFact[], language: Language): Reference[] {
    const words = say(language);
    const counts = new Map<Topic, number>();
    for (const f of rest) counts.set(f.fact.topic, (counts.get(f.fact.topic) ?? 0) + 1);
    return [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MORE_TOPICS)
      .map(([topic, count]) => ({
        entity: entity.id,
        topic,
        label: words.moreTopic(words.topics[topic], count),
      }));
  }

  /** "more" in a conversation: the next facts about what it was last about; undefined when it was about nothing. */
  more(context: ConversationContext, language: Language): Answer | undefined {
    const entities = context.entities.flatMap((id) => this.kb.entities.get(id) ?? []);
    const [entity] = entities;
    if (entity === undefined) return undefined;
    const rest = this.headlinesFirst(entity, this.index.about(context.entities)).filter(
      (f) => !context.shown.includes(f.fact.id),
    );
    const shown = pack(rest, (f) => factLine(f, this.kb, language).length);
    if (shown.length === 0) return this.card(entity, language);
    const answer = factAnswer(
      shown,
      {
        title: nameOf(entity, this.kb, language),
        score: 1,
        suggestions: followUps(entities),
        more: this.moreOn(
          entity,
          rest.filter((f) => !shown.includes(f)),
          language,
        ),
      },
      this.kb,
      language,
      this.now(),
    );
    return withFields(answer, {
      context: withFields(context, { shown: [...context.shown, ...shown.map((f) => f.fact.id)] }),
    });
  }

  private entitiesOf(facts: readonly IndexedFact[]): Entity[] {
    const ids = new Set(facts.flatMap((f) => f.fact.entities));
    return [...ids].flatMap((id) => this.kb.entities.get(id) ?? []);
  }
}

/** Facts that fit on a card: at most so many, within a character budget, none repeating another's figures. */
function pack(facts: readonly IndexedFact[], length: (f: IndexedFact) => number): IndexedFact[] {
  const shown: IndexedFact[] = [];
  const figures = new Set<string>();
  let used = 0;
  for (const f of facts) {
    if (shown.length >= CARD_FACTS) break;
    const own = f.fact.figures.filter((g) => g.type !== "date").map((g) => g.text);
    if (own.length > 0 && own.every((g) => figures.has(g))) continue;
    const size = length(f);
    if (shown.length > 0 && used + size > CARD_CHARACTERS) continue;
    shown.push(f);
    used += size;
    for (const g of own) figures.add(g);
  }
  return shown;
}
