import {
  alikeOf,
  byTime,
  ClaimIndex,
  claimId,
  datesAsked,
  type Frame,
  type IndexedClaim,
  NAMED_OUTRIGHT,
  valuesOf,
} from "./answering/claims.js";
import { byAgreement, distinct, partsOf } from "./answering/compare.js";
import { frameOf, matchClaims, namedOutright, saysNothingAsked, unmatched } from "./answering/match.js";
import type { PropertyNames } from "./answering/property-names.js";
import { coverage, type Retrieved, retrieve, saysSomething } from "./answering/retrieve.js";
import { FactIndex, type IndexedFact, RANKING, type Ranked, type SavedIndex } from "./answering/search.js";
import { highest } from "./answering/superlative.js";
import { citeSource } from "./compose/age.js";
import {
  claimPhrase,
  decline,
  factAnswer,
  factLine,
  followUps,
  headline,
  nameOf,
  plainAnswer,
} from "./compose/answer.js";
import { Cards } from "./compose/cards.js";
import { say } from "./compose/say.js";
import { type Explainer, explainQuestion } from "./explain.js";
import { loadCachedKnowledge } from "./knowledge/cache.js";
import type { KnowledgeBase } from "./knowledge/loader.js";
import { current } from "./knowledge/review.js";
import { type Entity, type EntityKind, PLACE_KINDS } from "./knowledge/schema.js";
import { type AnswerType, answeringFigure, classify } from "./language/answer-type.js";
import { figuresOf } from "./language/figures.js";
import { contextOf, type FollowedUp, followUp, withoutNewTopic } from "./language/follow-up.js";
import { remembered } from "./language/memo.js";
import { changedQuery, type Query } from "./language/query.js";
import { compact } from "./language/text.js";
import { asksOverview, type Split, splitQuestion, understand } from "./language/understand.js";
import { Vocabulary } from "./language/vocabulary.js";
import type { VocabularyTables } from "./language/vocabulary-tables.js";
import { withFields } from "./objects.js";
import type { Answer, ConversationContext, EntityChoice, Language, Reference } from "./types.js";

/** The longest question answered as asked; longer ones are sent back, never cut short. */
export const MAX_QUESTION_LENGTH = 500;
/** The fewest characters a command's argument may have to stand for a name it begins. */
const MIN_PREFIX = 3;
/** A property named at least this fully excuses a question's words the knowledge base does not know. */
const UNKNOWN_WORDS_EXCUSED = 0.5;
/** How many of the nearest facts a decline reports as considered. */
const NEAREST = 3;

export interface CoreOptions {
  knowledgeDir?: string;
  /** Told when the folder must be read, checked and indexed afresh (it or the code changed): seconds, not milliseconds. */
  onIndex?: (dir: string) => void;
  /** The clock that ages answers; tests fix it. */
  now?: () => Date;
}

/** What the knowledge cache keeps beside a knowledge base: what the core derives from it. */
interface SavedCore {
  vocabulary: VocabularyTables;
  index: SavedIndex;
  propertyNames: PropertyNames;
}

/** How a command asks the core: the language to answer in, a card's topic, the conversation so far. */
export interface AskOptions {
  /** The language to answer in, decided once by the caller (the command layer); the core never guesses it. */
  language: Language;
  topic?: string;
  conversation?: ConversationContext;
  /** Told each step of the decision as it is taken, for `--explain`. */
  explain?: Explainer;
}

/** The answering core: platform-neutral, built once from the knowledge base. */
export class Core {
  readonly vocabulary: Vocabulary;
  readonly index: FactIndex;
  readonly claims: ClaimIndex;
  private readonly now: () => Date;
  /** Every entity some fact is about, for commands and autocomplete. */
  private readonly named: Entity[];
  /** Their names in compact form, made on the first autocomplete. */
  private namedKeys: { entity: Entity; keys: string[] }[] | undefined;
  private readonly cards: Cards;
  /** The example follow-ups and, by language, what the knowledge base covers: the same in every answer, made once. */
  private starting: Reference[] | undefined;
  private readonly covered = new Map<Language, string>();
  /** The type of answer each word read so far asks for alone (see typeOfWord). */
  private readonly wordTypes = new Map<string, AnswerType>();

  /** Over a knowledge base, with the vocabulary and index saved with it when it comes from the cache. */
  constructor(
    readonly kb: KnowledgeBase,
    now: () => Date = () => new Date(),
    saved?: SavedCore,
  ) {
    this.vocabulary = new Vocabulary(kb, saved?.vocabulary);
    this.index = new FactIndex(kb, this.vocabulary, saved?.index);
    this.claims = new ClaimIndex(kb, this.index.facts, this.vocabulary, saved?.propertyNames);
    this.now = now;
    this.named = [...kb.entities.values()].filter((e) => this.index.aboutEntity(e.id).length > 0);
    this.cards = new Cards(kb, this.index, this.claims, this.vocabulary, now, () => this.starters());
  }

  static load(options: CoreOptions = {}): Core {
    const { kb, saved, save } = loadCachedKnowledge<SavedCore>(options.knowledgeDir, options.onIndex);
    const core = new Core(kb, options.now, saved);
    save?.({
      vocabulary: core.vocabulary.tables,
      index: core.index.saved(),
      propertyNames: core.claims.propertyNames(),
    });
    return core;
  }

  /**
   * Answers a free question, read in the light of the conversation so far when there is one.
   * Undefined when it asks nothing to look up (no name, no word the sources could hold, no year).
   */
  ask(question: string, options: AskOptions): Answer | undefined {
    // "ok, different question: …" asks the rest afresh, carrying nothing over.
    const fresh = withoutNewTopic(question, this.vocabulary.grammar.followUp);
    if (fresh !== undefined) {
      const { conversation: _dropped, ...rest } = options;
      return this.ask(fresh, rest);
    }
    const { conversation: context, language } = options;
    const words = say(language);
    if (question.length > MAX_QUESTION_LENGTH) {
      return decline(words.tooLong(MAX_QUESTION_LENGTH), this.starters(), language, words.tooLongTitle);
    }
    if (context !== undefined && this.vocabulary.grammar.followUp.more.test(question.trim()))
      return this.cards.more(context, language);
    const read = (text: string) => understand(text, this.vocabulary, language);
    const { query, carried, property, figure }: FollowedUp =
      context === undefined
        ? { query: read(question), carried: false }
        : followUp(question, read, context, this.kb, this.vocabulary.grammar.followUp);
    if (query.entities.length === 0 && query.terms.length === 0 && query.years.length === 0) return undefined;
    const note = carried && context !== undefined ? ` ${words.followingUp(context.question)}` : "";
    const followed = carried && context !== undefined ? { followed: context.question } : {};
    // Shorthand the sources cannot hold ("ppl") weighs nothing in naming a property.
    const frame = frameOf(query, this.claims, this.weight, property);
    const [only] = query.entities;
    // Two asks in one line ("X vs Y", "what was it first called, and when did it start?"), cut once.
    const split = splitQuestion(question, this.vocabulary.grammar.split);
    // "What was the CEOT originally called?" names a property in common words: no overview; nor is a
    // follow-up that asks in words of its own of what it carried ("how fast are they profitable?").
    if (
      asksOverview(query) &&
      !(carried && query.terms.length > 0) &&
      namedOutright(frame, query).length === 0 &&
      only !== undefined &&
      query.entities.length === 1 &&
      // Two asks of it are answered side by side.
      split === undefined
    ) {
      options.explain?.decision(`answered with the card of ${only.id}: the question asks nothing narrower`);
      const card = this.cards.card(only, language);
      return withFields(card, { title: `${card.title}${note}`, ...followed });
    }
    // The question's one retrieval, made when first needed: by a comparison of names or by the answer.
    let found: Retrieved | undefined;
    const retrieved = () =>
      (found ??= retrieve(
        this.framed(query, frame, carried),
        this.index,
        this.claims,
        options.explain?.retrieval,
      ));
    const compared =
      split === undefined ? undefined : this.compare(split, query, note, retrieved, options.explain);
    if (compared !== undefined)
      return withFields(compared, { context: contextOf(query, compared, question), ...followed });
    const { answer, lead } = this.answer(query, frame, note, retrieved, options.explain, {
      last: context?.claim,
      figure,
    });
    // A follow-up declined keeps what the conversation was asking, with the slots it replaced:
    // "and Guangzhou?" after "what about Wuhan?" asks the last property again.
    const thread = !answer.answered && carried ? context : undefined;
    // The answer was made for this question: it takes on what the next turn may build on.
    answer.context = contextOf(query, answer, question, {
      property: lead?.property.id ?? property?.property ?? thread?.property,
      // The entity its value names, which the next turn's "he" may mean.
      answered: lead === undefined ? undefined : this.claims.valueEntity(lead),
      subject: lead?.claim.subject ?? thread?.subject,
      claim: lead === undefined ? thread?.claim : claimId(lead),
    });
    if (thread !== undefined) {
      answer.context.terms = thread.terms;
      answer.context.asks = thread.asks;
      // What the thread last showed stays to be pointed at: "who put out that report?" after "what about hz?".
      if (answer.context.shown.length === 0) answer.context.shown = thread.shown;
    }
    if (carried && context !== undefined) answer.followed = context.question;
    return answer;
  }

  /**
   * Explains how a question is answered (its reading, each retrieval and claim considered, the
   * decision), as a follow-up of the earlier turns of a conversation when given.
   */
  explain(
    question: string,
    language: Language,
    earlier: readonly { question: string; language: Language }[] = [],
  ): string {
    let conversation: ConversationContext | undefined;
    for (const turn of earlier) {
      const options: AskOptions = { language: turn.language };
      if (conversation !== undefined) options.conversation = conversation;
      conversation = this.ask(turn.question, options)?.context ?? conversation;
    }
    return explainQuestion(this, question, language, conversation);
  }

  /** An entity as a card: its headline facts, short, and the topics it has more on; with a topic, that topic's facts. */
  card(entity: Entity, options: Pick<AskOptions, "language" | "topic">): Answer {
    return this.cards.card(entity, options.language, options.topic);
  }

  sources(language: Language): Answer {
    const now = this.now();
    const words = say(language);
    return plainAnswer({
      language,
      title: words.sourcesTitle,
      body: words.sourcesBody(this.kb.sources.size),
      sources: [...this.kb.sources.values()].map((s) => citeSource(s, now, language)),
      suggestions: this.starters(),
    });
  }

  /** Entities of the given kinds whose name or alias starts with (or contains) the typed text. */
  choices(kinds: readonly EntityKind[], typed: string, limit = 25): EntityChoice[] {
    const key = compact(typed);
    const starts: Entity[] = [];
    const contains: Entity[] = [];
    this.namedKeys ??= this.named.map((entity) => ({
      entity,
      keys: [entity.name, ...entity.aliases, this.kb.zh.entities.get(entity.id)?.name ?? ""]
        .map(compact)
        .filter(Boolean),
    }));
    for (const { entity, keys } of this.namedKeys) {
      if (starts.length >= limit) break;
      if (!kinds.includes(entity.kind)) continue;
      if (keys.some((k) => k.startsWith(key))) starts.push(entity);
      else if (contains.length < limit && keys.some((k) => k.includes(key))) contains.push(entity);
    }
    return [...starts, ...contains].slice(0, limit).map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  }

  /** Example follow-ups a user can try, drawn from the knowledge base. */
  starters(): Reference[] {
    this.starting ??= followUps(
      [
        ...this.entitiesOfKind(["city"]).slice(0, 2),
        ...this.featured(),
        ...this.entitiesOfKind(["programme"]).slice(0, 1),
      ],
      4,
    );
    return [...this.starting];
  }

  /** The entities the curators marked with a command of their own. */
  private featured(): Entity[] {
    return [...this.kb.entities.values()].filter((e) => e.command !== undefined);
  }

  /** The entities of these kinds that some fact is about. */
  entitiesOfKind(kinds: readonly EntityKind[]): Entity[] {
    return this.named.filter((e) => kinds.includes(e.kind));
  }

  /** The entity of one of these kinds a name means: by name or alias, inside a phrase, or as a prefix of one. */
  resolve(name: string, kinds: readonly EntityKind[]): Entity | undefined {
    const fits = (e: Entity | undefined) => e !== undefined && kinds.includes(e.kind);
    const direct = this.vocabulary.aliases.get(compact(name));
    if (fits(direct)) return direct;
    const named = this.vocabulary.read(name).entities.find(fits);
    if (named !== undefined || compact(name).length < MIN_PREFIX) return named;
    const [first] = this.choices(kinds, name, 1);
    return first === undefined ? undefined : this.kb.entities.get(first.id);
  }

  /**
   * One question, one retrieval, one match: the facts that cover the question, then the claim among
   * them that agrees with its frame leads, as the headline and the first sentence. Or a decline
   * that says what is known instead.
   */
  private answer(
    query: Query,
    frame: Frame,
    note: string,
    retrieved: () => Retrieved,
    explain: Explainer | undefined,
    given: {
      /** The id of the claim the last answer led with, in a conversation. */
      last?: string | undefined;
      /** The same, when the turn asks about that figure ("who released that figure?"). */
      figure?: string | undefined;
    } = {},
  ): { answer: Answer; lead?: IndexedClaim } {
    // "As of when?" after a figure: the time of the claim it carries (the one just given first), when
    // the question names no other.
    const carried = this.claims.ofProperty(frame.carried ?? "");
    const dated =
      frame.expects === "date" && frame.properties.length === 0
        ? [...carried.filter((c) => claimId(c) === given.last), ...carried].find(
            (c) =>
              c.standing.status !== "superseded" && this.claims.subjectFit(c, frame.subjects) === "named",
          )
        : undefined;
    if (dated !== undefined) {
      explain?.decision(`answered with the time of the carried claim ${claimId(dated)}`);
      return this.compose(query, frame, dated, [dated.fact], 1, note);
    }
    const beside = given.figure === undefined ? undefined : this.besideFigure(frame, given.figure, explain);
    if (beside !== undefined) {
      explain?.decision(`answered by claim ${claimId(beside)}, of the fact that gave the figure asked about`);
      return this.compose(query, frame, beside, [beside.fact], 1, note);
    }
    const top = highest(frame, this.claims, figuresOf(this.kb.grammar));
    if (top !== undefined) {
      explain?.decision(
        `answered by claim ${claimId(top)}: the highest ${top.property.id} of the kind asked`,
      );
      return this.compose(query, frame, top, [top.fact], 1, note);
    }
    const found = retrieved();
    // A question that describes what it asks about without naming it is answered as about that
    // thing: naming it is the answer, so any claim of it may lead.
    if (found.found && found.described !== undefined) {
      const subjects = [found.described];
      explain?.decision(`taken as about ${found.described.id}, which the question describes`);
      return this.answer(
        withFields(query, { entities: subjects, type: "any" }),
        withFields(frame, { subjects, expects: "any" }),
        note,
        () => ({
          found: true,
          best: found.best,
          coverage: found.coverage,
          passing: found.passing,
          tier: found.tier,
        }),
        explain,
        given,
      );
    }
    const lead = found.found ? this.lead(frame, found.passing, found.tier, explain) : undefined;
    const lacking = unmatched(frame, lead, this.claims);
    if (lacking !== undefined) {
      explain?.decision(
        `declined: no claim of ${lacking.property} for the ${lacking.lacks} asked; known: ${lacking.known.slice(0, NEAREST).map(claimId).join(", ") || "none, of anything"}`,
      );
      return { answer: this.lacks(query, lacking, note) };
    }
    if (!found.found) return { answer: this.declineFor(query, found, note, explain) };
    const unasked = this.unasked(frame, lead, found.tier, given.last);
    if (unasked !== undefined) {
      explain?.decision(`declined: ${unasked}`);
      return {
        answer: this.declineFor(query, { found: false, nearest: found.best[0] as Ranked }, note, explain),
      };
    }
    const ranked = found.best.map((r) => r.indexed);
    if (lead !== undefined) {
      explain?.decision(`answered by claim ${claimId(lead)}`);
      return this.compose(query, frame, lead, ranked, found.coverage.share, note);
    }
    explain?.decision(`answered by fact ${ranked[0]?.fact.id}: no claim of it agrees with the frame`);
    const title = this.titleFor(query, found.best[0] as Ranked);
    return { answer: this.factsAnswer(query, `${title}${note}`, ranked, found.coverage.share) };
  }

  /**
   * "Who released that figure?": another claim of the fact that gave the figure, the one that agrees
   * best with the frame; undefined when none does, and the turn is answered as any other.
   */
  private besideFigure(
    frame: Frame,
    figure: string,
    explain: Explainer | undefined,
  ): IndexedClaim | undefined {
    const [factId = ""] = figure.split("#");
    const indexed = this.claims.ofFact(factId)[0]?.fact;
    if (indexed === undefined) return undefined;
    const considered = this.claimsOf(frame, indexed);
    const others = considered.filter((a) => claimId(a.claim) !== figure);
    explain?.claims(frame, others, "beside the figure");
    const [best] = others;
    return best?.agrees ? best.claim : undefined;
  }

  /** One fact's claims held against a frame, those that agree best first. */
  private claimsOf(frame: Frame, indexed: IndexedFact) {
    return matchClaims(frame, [{ indexed, score: 0, match: () => [], order: 0 }], 0, this.claims);
  }

  /** The answer a claim leads: its headline, then its fact's sentence, then the facts found beside it. */
  private compose(
    query: Query,
    frame: Frame,
    lead: IndexedClaim,
    found: readonly IndexedFact[],
    score: number,
    note: string,
  ): { answer: Answer; lead: IndexedClaim } {
    // Values the question names come first ("is the Western Returned Scholars Association one of
    // the organisers?"), where a long list shows only its first few.
    const named = (c: IndexedClaim) => query.entities.some((e) => e.id === c.claim.entity);
    const values = valuesOf(lead, this.claims).sort((a, b) => Number(named(b)) - Number(named(a)));
    const second = this.alsoAsked(frame, lead);
    const also = second === undefined ? [] : valuesOf(second, this.claims);
    const title = headline(values, this.kb, query.language, undefined, {
      when: frame.expects === "date",
      also,
      alike: alikeOf(lead, frame, this.claims),
    });
    const facts = [lead.fact, ...found.filter((f) => f !== lead.fact)];
    const answer = this.factsAnswer(query, `${title}${note}`, facts, score);
    answer.claims = [...values, ...also].map(claimId);
    return { answer, lead };
  }

  /**
   * The claim that answers a question's second ask ("and for how much") of the thing the first
   * answer is about: another property of the same subject in the same fact, of the kind asked.
   */
  private alsoAsked(frame: Frame, lead: IndexedClaim): IndexedClaim | undefined {
    if (frame.also === undefined) return undefined;
    return this.claimsOf(withFields(frame, { expects: frame.also }), lead.fact).find(
      (a) =>
        a.agrees && a.claim.claim.subject === lead.claim.subject && a.claim.property.id !== lead.property.id,
    )?.claim;
  }

  private factsAnswer(query: Query, title: string, facts: readonly IndexedFact[], score: number): Answer {
    return factAnswer(
      facts.slice(0, RANKING.maxFacts),
      { title, score, suggestions: followUps(this.entitiesOf(facts)) },
      this.kb,
      query.language,
      this.now(),
    );
  }

  /** Declines a follow-up whose subject or time lacks the property it carries, saying what is known. */
  private lacks(query: Query, lacking: NonNullable<ReturnType<typeof unmatched>>, note: string): Answer {
    const words = say(query.language);
    const [first] = lacking.known;
    if (first === undefined) return this.unsourced(query, lacking.property, note);
    // What was asked in place of what is known: the years, or the names of the known subjects' kind.
    const kinds = new Set(lacking.known.map((c) => this.kb.entities.get(c.claim.subject)?.kind));
    const asked =
      lacking.lacks === "time"
        ? query.years.join(words.listJoin)
        : query.entities
            .filter((e) => kinds.has(e.kind))
            .map((e) => nameOf(e, this.kb, query.language))
            .join(words.listJoin);
    const known = lacking.known.slice(0, 3).map((c) => claimPhrase(c, this.kb, query.language));
    const property = query.language === "zh" ? first.property.zh : first.property.name;
    const subjects = lacking.known.flatMap((c) => this.kb.entities.get(c.claim.subject) ?? []);
    return decline(
      words.lacksClaim(property, known, asked),
      followUps([...query.entities, ...subjects]),
      query.language,
      `${words.declineTitle}${note}`,
      lacking.known.slice(0, NEAREST).map((c) => c.fact.fact.id),
    );
  }

  /** Declines a property no source gives of anything (a date of birth, a population), naming it. */
  private unsourced(query: Query, id: string, note: string): Answer {
    const words = say(query.language);
    const property = this.kb.properties.get(id);
    const name = property === undefined ? id : query.language === "zh" ? property.zh : property.name;
    const asked = query.entities.map((e) => nameOf(e, this.kb, query.language)).join(words.listJoin);
    return decline(
      words.noSource(name, asked),
      followUps(query.entities),
      query.language,
      `${words.declineTitle}${note}`,
      [],
    );
  }

  /**
   * The question as retrieval takes it, in the light of its frame: the type of value it expects, and,
   * when it names a property outright, words the knowledge base does not know ("ppl", "mid") only
   * rank: the property says what is asked. A question naming no property still needs its words;
   * words naming only a role that leads to what it asks (frame.through) only rank.
   */
  private framed(query: Query, frame: Frame, followsUp: boolean): Query {
    const [top] = frame.properties;
    const named = (top?.share ?? 0) >= UNKNOWN_WORDS_EXCUSED;
    // Whether what the question names holds a claim of the property.
    const heldOf = (id: string) =>
      this.claims
        .ofProperty(id)
        .some((c) => ["named", "within"].includes(this.claims.subjectFit(c, query.entities)));
    // The English words that name a property of the type the wording asks, or of any type where none is ("what
    // is Wang Debao's job": a position; "the official name of the 1+4 New Deal"; "where did Yuan Yuyu
    // study": a place), when they are all it asks and what it names holds a claim of that property,
    // need not be in the fact's text: matching finds the claim.
    const naming =
      query.language === "en" && frame.asks.length > 0
        ? frame.properties.find(
            (p) =>
              (frame.expects === "any" || frame.worded === p.property.type) &&
              frame.asks.every((w) => p.words.includes(w)) &&
              heldOf(p.property.id),
          )
        : undefined;
    const typeWords = this.typeWordsOfHeld(query, frame.expects, heldOf);
    const excused = (t: Query["terms"][number]) =>
      (named && !this.index.known(t.term)) ||
      (named && (naming?.words.includes(t.term) ?? false)) ||
      typeWords.includes(t.term) ||
      (frame.through?.includes(t.term) ?? false);
    const terms = query.terms.map((t) => (excused(t) ? withFields(t, { light: true }) : t));
    return changedQuery(query, {
      type: frame.expects,
      terms,
      context: [...query.context, ...(followsUp ? [] : this.ownNames(query, frame))],
      entities: this.placeAsked(query, frame)
        ? query.entities.filter((e) => !PLACE_KINDS.includes(e.kind))
        : query.entities,
    });
  }

  /**
   * A question naming a property only in common words ("originally called") ranks the facts by the
   * property's own name ("former name"): it has no other word to find them by.
   */
  private ownNames(query: Query, frame: Frame): string[] {
    if (!query.terms.every((t) => t.light)) return [];
    return namedOutright(frame, query).flatMap(({ property }) =>
      this.claims.nameTerms(property, query.language),
    );
  }

  /**
   * Whether the places a question names are the value it asks about, not where its answer must be:
   * asking for no other kind of answer, it names outright a property whose values are places, held
   * by the other things it names ("is the CEOT held in Shenzhen?" is answered by where it is held).
   */
  private placeAsked(query: Query, frame: Frame): boolean {
    const others = query.entities.filter((e) => !PLACE_KINDS.includes(e.kind));
    return (
      (frame.worded === "any" || frame.worded === "place") &&
      others.length > 0 &&
      others.length < query.entities.length &&
      frame.properties.some(
        ({ property, share }) =>
          share >= NAMED_OUTRIGHT &&
          property.type === "place" &&
          this.claims.ofProperty(property.id).some((c) => this.claims.subjectFit(c, others) === "named"),
      )
    );
  }

  /** The type of answer a word asks for alone ("total": a count), classified once per word. */
  private typeOfWord(term: string): AnswerType {
    return remembered(this.wordTypes, term, (t) => classify(this.vocabulary.grammar.answers, t, []));
  }

  /** Shorthand the sources cannot hold ("ppl") weighs nothing in naming a property. */
  private readonly weight = (term: string): number =>
    saysSomething(term, this.index) ? this.index.weight(term) : 0;

  /**
   * The words that only ask for the type expected ("total" for a count: classified alone, they give
   * that type), when the question without them names outright a property of that type that what it
   * names holds: "how many incubators does Guangzhou have in total". Otherwise none: "how many
   * returnees work in Beijing in total" names no property of counts that Beijing holds.
   */
  private typeWordsOfHeld(query: Query, expects: AnswerType, held: (property: string) => boolean): string[] {
    const asking = query.terms.filter((t) => this.typeOfWord(t.term) === expects).map((t) => t.term);
    if (asking.length === 0) return [];
    const plain = changedQuery(query, { terms: query.terms.filter((t) => !asking.includes(t.term)) });
    const named = namedOutright(frameOf(plain, this.claims, this.weight), plain);
    return named.some(({ property }) => property.type === expects && held(property.id)) ? asking : [];
  }

  /**
   * Why a question whose facts were found is still declined naming the nearest fact, or undefined: a
   * "when" answered by a claim's time, of no claim it names (in a conversation, "as of when?" dates
   * what was just given); a "how many" that no claim of them counts; or a claim that says nothing asked.
   */
  private unasked(
    frame: Frame,
    lead: IndexedClaim | undefined,
    tier: number,
    last: string | undefined,
  ): string | undefined {
    const whenUndated =
      last === undefined &&
      byTime(frame.expects, tier) &&
      (lead === undefined || !datesAsked(frame, lead, this.claims));
    if (whenUndated) return "a 'when' that no claim dates";
    // "Why those two cities?" after where a forum is held: a fact found for what the conversation
    // carried, giving no reason, does not say why. (A question of its own is covered by its own
    // words, or by phrasings a curator gave the fact.)
    if (lead === undefined && frame.expects === "reason" && last !== undefined)
      return "a 'why' following up, which no reason the sources give answers";
    // "How many returnees are there in China?": facts on returnees, none counting them, do not answer.
    if (lead === undefined)
      return frame.counted === undefined ? undefined : `no claim of the facts found counts ${frame.counted}`;
    return saysNothingAsked(frame, lead, this.claims, this.vocabulary.grammar.namedKinds);
  }

  /** The claim that answers: the one of the covering facts that agrees best with the question's frame. */
  private lead(
    frame: Frame,
    passing: readonly Ranked[],
    tier: number,
    explain: Explainer | undefined,
    side?: string,
  ): IndexedClaim | undefined {
    const considered = matchClaims(frame, passing, tier, this.claims);
    explain?.claims(frame, considered, side);
    const [best] = considered;
    // A superseded figure never leads: the claim that supersedes it does, and it stays as history.
    return best?.agrees ? current(best.claim, this.claims, this.kb.facts) : undefined;
  }

  /**
   * A question that asks two things, answered side by side, each part with its own facts. When
   * only one side is in the sources, the other is said to be missing. Undefined when the two are
   * taken as one question.
   */
  private compare(
    split: Split,
    whole: Query,
    note: string,
    retrieved: () => Retrieved,
    explain: Explainer | undefined,
  ): Answer | undefined {
    // The properties a side calls outright in words of its own.
    const named = (side: Query) =>
      namedOutright(
        frameOf(side, this.claims, (t) => this.index.weight(t)),
        side,
      );
    const parts = partsOf(split, whole, this.vocabulary, named);
    if (parts === undefined) return undefined;
    // How --explain names each side: worked out only when someone traces.
    const labels =
      explain === undefined ? [] : parts.sides.map((side, i) => `side ${i + 1} (${this.sideName(side)})`);
    const frames = parts.sides.map((side) => frameOf(side, this.claims, (t) => this.index.weight(t)));
    const results = parts.sides.map((side, i) =>
      retrieve(
        changedQuery(side, {
          // Two questions each in their own words ("产值是多少？同比增长了多少？") each want what their frame expects.
          type: split.apart ? (frames[i] as Frame).expects : side.type,
          context: [...side.context, ...this.ownNames(side, frames[i] as Frame)],
        }),
        this.index,
        this.claims,
        explain && ((step, ...rest) => explain.retrieval(`${labels[i]}: ${step}`, ...rest)),
      ),
    );
    // Names compared are best answered by one fact that gives both ("Beijing 24.3%, Shanghai 8.1%"):
    // the whole question's own retrieval; sides that ask different things each need a fact of their own.
    const both = parts.byName ? retrieved() : undefined;
    const together = both?.found && this.givesEach(both.best[0] as Ranked, parts.sides) ? both : undefined;
    const lists = results.map((r, i) =>
      r.found ? byAgreement(frames[i] as Frame, r, this.claims) : { ranked: [], named: false },
    );
    const picks = together?.found
      ? parts.sides.map(() => together.best[0])
      : parts.byName
        ? lists.map((list) => list.ranked[0])
        : distinct(lists);
    const facts = [...new Set(picks.flatMap((p) => p?.indexed ?? []))];
    // The claim of its fact that answers each side.
    const leads = picks.map((pick, i) => {
      const result = together ?? results[i];
      return pick === undefined
        ? undefined
        : this.lead(frames[i] as Frame, [pick], result?.found ? result.tier : 0, explain, labels[i]);
    });
    // Nothing for either side is a decline, and one fact for two questions one answer: the whole
    // question decides, unless each side names outright a claim of it (its former name and first
    // year), or two questions apart are each answered by a claim of their own ("who is he, and what
    // did he say?").
    const [first, second] = leads;
    const ownClaims = split.apart === true && first !== undefined && second !== undefined && first !== second;
    const oneFact =
      facts.length < 2 &&
      !together?.found &&
      picks.every((p) => p !== undefined) &&
      !lists.every((l) => l.named) &&
      !ownClaims;
    if (facts.length === 0 || oneFact) {
      explain?.decision(
        facts.length === 0
          ? "not compared: no side has a fact that covers it; taken as one question"
          : `not compared: fact ${facts[0]?.fact.id} answers both sides; taken as one question`,
      );
      return undefined;
    }
    const words = say(whole.language);
    const lines = picks.map((pick, i) =>
      pick === undefined
        ? words.missingSide(this.sideName(parts.sides[i] as Query))
        : factLine(pick.indexed, this.kb, whole.language),
    );
    const titles = picks.map((pick, i) => {
      const side = parts.sides[i] as Query;
      if (pick === undefined) {
        explain?.decision(`${labels[i]}: missing, no fact covers it`);
        return this.sideName(side);
      }
      const lead = leads[i];
      explain?.decision(
        `${labels[i]}: ${lead === undefined ? `fact ${pick.indexed.fact.id}, no claim agrees` : `claim ${claimId(lead)}`}${together === undefined ? "" : ", from the one fact that gives every side"}`,
      );
      return lead === undefined
        ? this.titleFor(side, pick)
        : headline(valuesOf(lead, this.claims), this.kb, whole.language);
    });
    return factAnswer(
      facts,
      {
        title: `${split.apart ? words.bothTitle(titles) : words.comparisonTitle(titles)}${note}`,
        body: [...new Set(lines)].join("\n"),
        score: Math.min(...results.map((r) => (r.found ? r.coverage.share : 1))),
        suggestions: followUps(this.entitiesOf(facts)),
      },
      this.kb,
      whole.language,
      this.now(),
    );
  }

  /**
   * Whether one fact answers every side of a comparison of names: it has a claim about each side's
   * own names ("Beijing 24.3%, Shanghai 8.1%"); a fact without claims, a figure for each.
   */
  private givesEach(top: Ranked, sides: readonly Query[]): boolean {
    const own = this.claims.ofFact(top.indexed.fact.id);
    if (own.length === 0)
      return top.indexed.fact.figures.filter((f) => f.type !== "date").length >= sides.length;
    return sides.every((side) => own.some((c) => side.entities.some((e) => e.id === c.claim.subject)));
  }

  /** "Guangzhou: 67,000", "CEOT: 21-22 December 2018": what was asked about, and the figure that answers. */
  private titleFor(query: Query, top: Ranked): string {
    const words = say(query.language);
    const names = query.entities.length === 1 ? query.entities.flatMap((e) => [e.name, ...e.aliases]) : [];
    // A superseded fact's figure is history, never a headline: the topic names what it is about.
    const { fact } = top.indexed;
    const figure = fact.status === "superseded" ? undefined : answeringFigure(query.type, fact, names);
    const shown =
      figure === undefined || query.language === "en" ? figure : figuresOf(this.kb.grammar).chinese(figure);
    const label = shown ?? words.topics[top.indexed.fact.topic];
    return `${this.subject(query, top.indexed)}${words.separator}${label}`;
  }

  /** What a side of a comparison is about: its names, else its words ("design site"). */
  private sideName(side: Query): string {
    const words = side.terms.filter((t) => !t.light);
    return (
      this.subject(side, undefined) || (words.length > 0 ? words : side.terms).map((t) => t.term).join(" ")
    );
  }

  private subject(query: Query, fact: IndexedFact | undefined): string {
    const words = say(query.language);
    const names =
      query.entities.length > 0 ? query.entities : this.entitiesOf(fact ? [fact] : []).slice(0, 1);
    return names.map((e) => nameOf(e, this.kb, query.language)).join(words.listJoin);
  }

  /**
   * A decline that helps: the figure known for another year or another place, else the nearest
   * fact it has, and what the bot covers.
   */
  private declineFor(
    query: Query,
    found: Extract<Retrieved, { found: false }>,
    note: string,
    explain: Explainer | undefined,
  ): Answer {
    const words = say(query.language);
    const considered = found.nearest === undefined ? [] : [found.nearest.indexed.fact.id];
    const title = `${words.declineTitle}${note}`;
    if (found.otherYear !== undefined) {
      explain?.decision(
        `declined: no fact covers it for ${query.years.join(", ")}; fact ${found.otherYear.indexed.fact.id} does for another year`,
      );
      const line = factLine(found.otherYear.indexed, this.kb, query.language);
      return decline(
        `${words.wrongYear(query.years.join(words.listJoin), line)}`,
        followUps(query.entities),
        query.language,
        title,
        [found.otherYear.indexed.fact.id, ...considered].slice(0, NEAREST),
      );
    }
    const places = query.entities.filter((e) => PLACE_KINDS.includes(e.kind));
    const top = found.elsewhere;
    const known = top && this.entitiesOf([top.indexed]).find((e) => e.kind === "city" && !places.includes(e));
    if (top !== undefined && known !== undefined) {
      explain?.decision(
        `declined: no fact covers it for ${places.map((p) => p.id).join(", ")}; fact ${top.indexed.fact.id} does for ${known.id}`,
      );
      const asked = places.map((p) => nameOf(p, this.kb, query.language)).join(words.listJoin);
      const body = `${words.wrongPlace(asked, nameOf(known, this.kb, query.language))} ${words.nearest(factLine(top.indexed, this.kb, query.language))}`;
      return decline(
        body,
        followUps([known, ...places]),
        query.language,
        title,
        [top.indexed.fact.id, ...considered].slice(0, NEAREST),
      );
    }
    const near = found.nearest !== undefined && coverage(query, found.nearest, this.index).matched > 0;
    explain?.decision(
      `declined: no fact covers the question${near ? `; the nearest is fact ${found.nearest?.indexed.fact.id}` : ""}`,
    );
    const nearest =
      near && found.nearest !== undefined
        ? ` ${words.nearest(factLine(found.nearest.indexed, this.kb, query.language))}`
        : "";
    return decline(
      `${words.declineBody(this.kb.sources.size)}${nearest} ${this.covers(query.language)}`,
      query.entities.length > 0 ? followUps(query.entities) : this.starters(),
      query.language,
      title,
      considered,
    );
  }

  /** What the knowledge base covers, from the knowledge base itself: its cities, two programmes, the marked entities. */
  private covers(language: Language): string {
    const known = this.covered.get(language);
    if (known !== undefined) return known;
    const names = (entities: readonly Entity[]) => entities.map((e) => nameOf(e, this.kb, language));
    const covers = say(language).covers(
      names(this.entitiesOfKind(["city"])),
      names(this.entitiesOfKind(["programme"]).slice(0, 2)),
      names(this.featured()),
    );
    this.covered.set(language, covers);
    return covers;
  }

  /** The entities these facts are about, each once, in the order first met. */
  private entitiesOf(facts: readonly IndexedFact[]): Entity[] {
    const seen = new Set<string>();
    const entities: Entity[] = [];
    for (const { fact } of facts) {
      for (const id of fact.entities) {
        if (seen.has(id)) continue;
        seen.add(id);
        const entity = this.kb.entities.get(id);
        if (entity !== undefined) entities.push(entity);
      }
    }
    return entities;
  }
}
