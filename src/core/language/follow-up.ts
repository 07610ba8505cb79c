import { ANSWER_TYPES, type ChineseGrammar, type EnglishGrammar } from "../knowledge/grammar-schema.js";
import type { KnowledgeBase } from "../knowledge/loader.js";
import { ENTITY_KINDS, type Entity, type EntityKind, PLACE_KINDS } from "../knowledge/schema.js";
import type { Answer, ConversationContext } from "../types.js";
import type { AnswerType } from "./answer-type.js";
import { changedQuery, type Query } from "./query.js";
import { simplified, tokens, YEARS_WRITTEN } from "./text.js";
import { alternation, anyOf, chinesePattern, wordsPattern } from "./word-patterns.js";

/** The grammar's follow-up words, as expressions built once at load. */
export interface FollowUpWords {
  /** Words that ask to go on with the last answer: "more", "go on", "更多". */
  more: RegExp;
  /** Words that refer back to what was last asked about: "it", "there", "这个". */
  refersBack: RegExp;
  /** Words that refer back to a person: the person the last answer named, when it named one. */
  refersToPerson: RegExp;
  /** Words that refer back to a place or a body: "there", 那里. */
  refersToPlace: RegExp;
  /** Words that refer back to the things the last question counted: "they", 它们. */
  refersToCounted: RegExp;
  /** Words that refer back to the figure the last answer gave: "that figure", 这个数据. */
  refersToFigure: RegExp;
  /** "Last year", 去年: the year before the last turn's; "the following year", 次年: the year after. */
  yearBefore: RegExp;
  yearAfter: RegExp;
  /** The Chinese words that refer back (其中, 那里), which say nothing of what is asked: read without them. */
  chineseReferences: RegExp;
  /** "That city", "the company", 这家公司: a pointing word and a kind's noun, by kind. */
  pointing: { kind: EntityKind; pattern: RegExp }[];
  /** "The xiaoshan one": a pointing word, what it says of the thing, and a word standing for it. */
  substitute: RegExp | undefined;
  /** The nouns of each kind ("award", "prize"), which name no one thing of it. */
  kindNouns: ReadonlyMap<EntityKind, ReadonlySet<string>>;
  /** How a follow-up that names something new begins: "and Shenzhen?", "what about the 115 Plan?". */
  opens: RegExp;
  /** How a turn that starts a new topic begins, with any "ok," before it and the punctuation after it. */
  newTopic: RegExp;
  /** "What is …", "who is …", 是谁: a turn asking what a thing it names is. */
  asksWhatItIs: RegExp;
}

export function followUpWords(en: EnglishGrammar, zh: ChineseGrammar): FollowUpWords {
  const refers = (pick: (words: EnglishGrammar["followUp"]) => readonly string[]) =>
    anyOf([wordsPattern(pick(en.followUp)), chinesePattern(pick(zh.followUp))]);
  const pointing = (kind: EntityKind) => {
    const [english, chinese] = [en, zh].map((g) => g.followUp.pointing.kinds[kind] ?? []);
    const patterns = [
      english?.length ? `\\b${alternation(en.followUp.pointing.determiners)}\\s+${alternation(english)}` : "",
      chinese?.length ? `${chinesePattern(zh.followUp.pointing.determiners)}${chinesePattern(chinese)}` : "",
    ];
    return { kind, pattern: anyOf(patterns.filter(Boolean)) };
  };
  // "ok, and Shenzhen?", "thanks. different question: …", "好的，那北京呢？"
  const acknowledged = `(?:${alternation(en.followUp.acknowledgements)}[\\s,.!]*)*`;
  const chineseAcknowledged = `(?:${chinesePattern(zh.followUp.acknowledgements)}[，,。！!\\s]*)?`;
  return {
    more: anyOf([`^${alternation([...en.followUp.more, ...zh.followUp.more], "")}$`]),
    refersBack: refers((words) => words.refersBack),
    refersToPerson: refers((words) => words.refersToPerson),
    refersToPlace: refers((words) => words.refersToPlace),
    refersToCounted: refers((words) => words.refersToCounted),
    refersToFigure: refers((words) => words.refersToFigure),
    yearBefore: refers((words) => words.yearBefore),
    yearAfter: refers((words) => words.yearAfter),
    chineseReferences: new RegExp(chinesePattern(zh.followUp.refersBack), "gu"),
    pointing: ENTITY_KINDS.map(pointing),
    substitute:
      en.followUp.pointing.substitutes === undefined
        ? undefined
        : new RegExp(
            `\\b${alternation(en.followUp.pointing.determiners)}\\s+(.+?)\\s+${alternation(en.followUp.pointing.substitutes)}`,
          ),
    kindNouns: new Map(
      ENTITY_KINDS.map((kind) => [
        kind,
        new Set([en, zh].flatMap((g) => g.followUp.pointing.kinds[kind] ?? [])),
      ]),
    ),
    opens: anyOf([
      `^\\s*${acknowledged}${alternation(en.followUp.opens)}`,
      `^${chineseAcknowledged}${chinesePattern(zh.followUp.opens)}`,
    ]),
    newTopic: anyOf([
      `^\\s*${acknowledged}${alternation(en.followUp.newTopic)}[\\s,.:;!?\\-–—]*`,
      `^\\s*${chineseAcknowledged}${chinesePattern(zh.followUp.newTopic)}[\\s，,：:。！!？?]*`,
    ]),
    asksWhatItIs: anyOf([
      `^\\s*${alternation(en.followUp.asksWhatItIs)}\\b`,
      chinesePattern(zh.followUp.asksWhatItIs),
    ]),
  };
}
/** A turn without its new-topic opener ("ok different question: when …" → "when …"), or undefined when it has none. */
export function withoutNewTopic(question: string, words: FollowUpWords): string | undefined {
  const opener = words.newTopic.exec(question);
  if (opener === null) return undefined;
  const rest = question.slice(opener[0].length).trim();
  return rest === "" ? undefined : rest;
}

/** A question of at most this many words (or twice as many Chinese characters) naming nothing is read as a follow-up. */
const SHORT_FOLLOW_UP = 4;

/** How long a turn is in words, a Chinese word taken as about three characters: "那北京呢" is short, "创投周上有多少家企业达成了贷款协议" is not. */
function lengthInWords(question: string): number {
  const han = question.match(/\p{Script=Han}/gu)?.length ?? 0;
  const other = question
    .replace(/\p{Script=Han}+/gu, " ")
    .trim()
    .split(/\s+/)
    .filter((w) => /\w/.test(w));
  return other.length + han / 3;
}

/** A turn read in the light of the conversation: the frame it asks, and what it carried over. */
export interface FollowedUp {
  query: Query;
  carried: boolean;
  /** The last answer's property, and whether the turn must be answered by it (it asks it again of a new subject or time). */
  property?: { property: string; insists: boolean };
  /** The id of the claim the last answer gave, when the turn asks about that figure ("who released that figure?"). */
  figure?: string;
}

/**
 * Reads a follow-up in the light of the conversation's last frame: a turn replaces the slots it
 * names and keeps the rest. "And Shenzhen?" swaps the subject and asks the same property; "what
 * about 2020?" swaps the time; "when was it issued?" and "who runs that office?" ask another thing
 * of the same subject; "how long has he worked in Guangzhou?" asks of the person and the place.
 */
export function followUp(
  question: string,
  read: (question: string) => Query,
  context: ConversationContext,
  kb: KnowledgeBase,
  words: FollowUpWords,
): FollowedUp {
  const plain = (text: string) => read(text.replace(words.chineseReferences, " "));
  const whole = plain(question);
  const pointed = pointedAt(question, context, kb, words, whole.entities);
  const before = frameEntities(context, kb);
  const asRead = pointed === undefined ? whole : plain(pointed.rest);
  if (before.length === 0) return { query: asRead, carried: false };
  const own = withRelativeYear(question, asRead, context, before, words);
  // "What's their tech?" asks of the last thing, though "tech" is a word of another company's name.
  const sibling =
    pointed === undefined && !words.refersBack.test(question)
      ? namedInPart(own, before, kb, words)
      : undefined;
  const asked = sibling === undefined ? own : changedQuery(own, { entities: [sibling], terms: [] });
  const required = asked.terms.filter((t) => !t.light);
  const short = lengthInWords(question) <= SHORT_FOLLOW_UP;
  const years = asked.years.length > 0 ? asked.years : (context.years ?? []);
  // A turn that asks nothing new keeps the last property; it must answer only when it asks the
  // same kind of thing of a new subject or time ("and Shenzhen?"), not "as of when?" or "why?".
  const ownType = asked.type !== "any" && asked.type !== context.asks;
  const property = (insists: boolean) =>
    context.property === undefined || required.length > 0
      ? {}
      : { property: { property: context.property, insists: insists && !ownType } };
  // Names or a year but nothing new to ask: the last question, about them ("and Shenzhen?", "in 2020?").
  const namesOnly = required.length === 0 && (asked.entities.length > 0 || asked.years.length > 0);
  // A name of another kind ("nobel laureates?" after a city's count) asks something else of the
  // same subject; a name of the same kind swaps it.
  const sameAsk = asked.entities.every((n) => before.some((e) => e.kind === n.kind));
  // "What is Summba?" after a city's count asks what Summba is, not the count of it.
  const ownQuestion = !sameAsk && words.asksWhatItIs.test(question);
  if (pointed === undefined && namesOnly && (words.opens.test(question) || (short && !ownQuestion))) {
    const kept = sameAsk ? before : subjectOf(context, before);
    // A turn naming things and asking a kind of its own ("what about Iflytek, when did it open …?")
    // asks of them alone: what the last turn named beside them was asked for the last kind.
    const swapped =
      ownType && asked.entities.length > 0
        ? []
        : kept.filter(
            (e) => !asked.entities.some((n) => n.kind === e.kind) && placeOf(e, asked.entities, kb),
          );
    return {
      query: changedQuery(asked, {
        entities: [...swapped, ...asked.entities].map((e) => editionOf(e, asked.years, kb)),
        terms: ownType
          ? asked.terms
          : context.terms.map((term) => ({ term, light: false, guessed: false, corrected: false })),
        type: asked.type === "any" ? carriedType(context, kb) : asked.type,
        years,
      }),
      carried: true,
      // The last property must answer when the turn swaps the thing it was asked of ("and Shenzhen?"
      // after Guangzhou's green cards), not another thing beside it ("and Thousand Talents people?").
      ...property(sameAsk && keepsSubjectKind(asked.entities, context, kb)),
    };
  }
  const meant = pointed?.entities ?? referredTo(question, context, before, kb, words);
  // A question that names nothing keeps the last subject: "who runs it?", "when was the first one
  // held?"; "he" or "she", the person the last answer named ("who is the mayor?", "what did he say?").
  if (asked.entities.length === 0) {
    // "What's the planned vc park called?": a longer turn asking in words of its own, neither opening
    // as a follow-up ("and among those …?") nor pointing back, starts afresh.
    const afresh =
      !short &&
      pointed === undefined &&
      required.length >= 2 &&
      !words.opens.test(question) &&
      !words.refersBack.test(question);
    if (afresh) return { query: asked, carried: false };
    // A short turn naming only a property ("academicians?" after a count) asks it of the last
    // answer's subject, at its time, not of everything the last question named.
    const elliptical = asked.type === "any" && short && required.length > 0;
    // It keeps the time when it asks the same kind of figure ("how many of them came from overseas?").
    const sameTime = elliptical || (asked.type === context.asks && asked.type !== "date");
    const figure =
      context.claim !== undefined && words.refersToFigure.test(question) ? context.claim : undefined;
    const entities = elliptical && pointed === undefined ? subjectOf(context, meant) : meant;
    // "What else does she do?" after Continental Comex's head: she is asked of, not its head again.
    const moved = context.subject !== undefined && !entities.some((e) => e.id === context.subject);
    return {
      ...(figure === undefined ? {} : { figure }),
      query: changedQuery(asked, {
        terms: [...asked.terms, ...countedWords(question, asked, context, words)],
        // "And the previous year, what share …?" after the 2018 CEOT asks the 2017 one.
        entities: entities.map((e) => editionOf(e, asked.years, kb)),
        years: sameTime ? years : asked.years,
      }),
      carried: true,
      ...(moved && words.refersToPerson.test(question) ? {} : property(false)),
    };
  }
  // A name beside a word pointing back ("how long has he worked in Guangzhou?"): both are asked of.
  if (pointed !== undefined || words.refersBack.test(question)) {
    const kept = meant.filter((e) => !asked.entities.some((n) => n.kind === e.kind));
    if (kept.length > 0)
      return { query: changedQuery(asked, { entities: [...kept, ...asked.entities] }), carried: true };
  }
  return { query: asked, carried: false };
}

/**
 * Whether a turn keeps the thing the last answer was of: it names none ("what about 2021?"), or one
 * of the same kind ("and Shenzhen?"), or the last answer was of none.
 */
function keepsSubjectKind(
  named: readonly Entity[],
  context: ConversationContext,
  kb: KnowledgeBase,
): boolean {
  const subject = kb.entities.get(context.subject ?? "");
  return subject === undefined || named.length === 0 || named.some((e) => e.kind === subject.kind);
}

/**
 * Whether a place the last turn named stays with the things a turn swaps in: some fact names it
 * beside one of them. "Zhejiang" of its West Lake award is not where Hangzhou's Qianjiang award is.
 */
function placeOf(kept: Entity, things: readonly Entity[], kb: KnowledgeBase): boolean {
  if (!PLACE_KINDS.includes(kept.kind) || things.every((e) => PLACE_KINDS.includes(e.kind))) return true;
  return [...kb.facts.values()].some(
    (f) => f.entities.includes(kept.id) && things.some((e) => f.entities.includes(e.id)),
  );
}

/**
 * "What about last year?" after a turn asked of 2018 (or of the 2018 CEOT): the turn asks of 2017.
 * The turn as read when it names a year of its own or the last turn had none.
 */
function withRelativeYear(
  question: string,
  own: Query,
  context: ConversationContext,
  before: readonly Entity[],
  words: FollowUpWords,
): Query {
  const step = words.yearBefore.test(question) ? -1 : words.yearAfter.test(question) ? 1 : 0;
  if (step === 0 || own.years.length > 0) return own;
  const last = context.years ?? before.flatMap((e) => e.name.match(YEARS_WRITTEN) ?? []);
  if (last.length !== 1) return own;
  return changedQuery(own, { years: [String(Number(last[0]) + step)] });
}

/**
 * "What about 2017?" after the 2018 CEOT: the edition of the same series for the one year asked,
 * when the sources know it; else the thing itself.
 */
function editionOf(entity: Entity, years: readonly string[], kb: KnowledgeBase): Entity {
  const [year] = years;
  if (entity.within === undefined || year === undefined || years.length > 1 || entity.name.includes(year))
    return entity;
  const edition = [...kb.entities.values()].find((e) => e.within === entity.within && e.name.includes(year));
  return edition ?? entity;
}

/**
 * "And the West Lake one?", "qianjiang?" after an award's winners: the one thing of a kind the last
 * turn was about, other than those, whose name has every word of the turn. Undefined when the turn
 * names something itself, or its words fit no such thing or more than one.
 */
function namedInPart(
  asked: Query,
  before: readonly Entity[],
  kb: KnowledgeBase,
  followUpWords: FollowUpWords,
): Entity | undefined {
  // A turn that asks something of its own beside the name ("…, when was that established?") is read by its words.
  if (asked.entities.length > 0 || asked.terms.some((t) => t.light)) return undefined;
  const kinds = new Set(before.map((e) => e.kind));
  const fits = [...kb.entities.values()].filter((e) => {
    if (!kinds.has(e.kind) || before.includes(e)) return false;
    // "The West Lake prize": the kind's own noun need not be in the name.
    const nouns = followUpWords.kindNouns.get(e.kind);
    const words = asked.terms.filter((t) => !nouns?.has(t.term)).map((t) => t.term);
    return (
      words.length > 0 && [e.name, ...e.aliases].some((name) => words.every((w) => tokens(name).includes(w)))
    );
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/**
 * "How much revenue did they bring?" after the number of incubators: "they" are the things the
 * last question counted, so its words are asked again beside the turn's own.
 */
function countedWords(question: string, asked: Query, context: ConversationContext, words: FollowUpWords) {
  if (context.asks !== "count" || !words.refersToCounted.test(question)) return [];
  return context.terms
    .filter((term) => !asked.terms.some((t) => t.term === term))
    .map((term) => ({ term, light: false, guessed: false, corrected: false }));
}

/**
 * What a turn that asks nothing of its own asks: the type of the property carried ("which city has
 * the most" asked a place, and its answer was a share), else what the last question asked.
 */
function carriedType(context: ConversationContext, kb: KnowledgeBase): AnswerType {
  const valueType = kb.properties.get(context.property ?? "")?.type;
  if (valueType === undefined) return context.asks as AnswerType;
  return (ANSWER_TYPES as readonly string[]).includes(valueType) ? (valueType as AnswerType) : "any";
}

/** What the last frame was about: its subjects, the subject its answer led with first. */
function frameEntities(context: ConversationContext, kb: KnowledgeBase): Entity[] {
  const ids = context.subject === undefined ? context.entities : [context.subject, ...context.entities];
  return [...new Set(ids)].flatMap((id) => kb.entities.get(id) ?? []);
}

/** The kinds of thing "there" may mean. */
const PLACED_AT: readonly EntityKind[] = [...PLACE_KINDS, "organisation", "company"];

/**
 * Whom a turn's pronouns mean: "he" or "she", the person last named; "there" after a person, the
 * body the last answer put them at; anything else, what the last turn was about.
 */
function referredTo(
  question: string,
  context: ConversationContext,
  before: Entity[],
  kb: KnowledgeBase,
  words: FollowUpWords,
): Entity[] {
  const named = kb.entities.get(context.named ?? "");
  const people = [...before, ...(named === undefined ? [] : [named])].filter((e) => e.kind === "person");
  if (words.refersToPerson.test(question) && people.length > 0) return [...new Set(people)];
  const things = before.filter((e) => e.kind !== "person" || people.length === before.length);
  // "Who's the CEO there?" after a person: the place or body the last answer's facts put them at.
  if (words.refersToPlace.test(question) && things.every((e) => e.kind === "person")) {
    const shown = context.shown.flatMap((id) => kb.facts.get(id)?.entities ?? []);
    const place = shown.flatMap((id) => kb.entities.get(id) ?? []).find((e) => PLACED_AT.includes(e.kind));
    if (place !== undefined) return [place];
  }
  return things.length > 0 ? things : subjectOf(context, before);
}

/**
 * "That city", "the company", 这家公司: the last thing of that kind the conversation named (the
 * last frame's subjects first, then what its answer showed), and the turn without those words,
 * which name no property. Undefined when the turn points at nothing the conversation has.
 */
function pointedAt(
  question: string,
  context: ConversationContext,
  kb: KnowledgeBase,
  words: FollowUpWords,
  /** What the turn names itself: "the city of Shenzhen" points at nothing. */
  named: readonly Entity[],
): { entities: Entity[]; rest: string } | undefined {
  const text = simplified(question);
  const shown = context.shown.flatMap((id) => kb.facts.get(id)?.entities ?? []);
  const candidates = [context.named ?? "", ...shown].flatMap((id) => kb.entities.get(id) ?? []);
  const things = [...frameEntities(context, kb), ...candidates];
  for (const { kind, pattern } of words.pointing) {
    if (named.some((e) => e.kind === kind)) continue;
    const match = pattern.exec(text);
    const entity = match === null ? undefined : things.find((e) => e.kind === kind);
    if (match !== null && entity !== undefined)
      return {
        entities: [entity],
        rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`,
      };
  }
  // "Who runs the xiaoshan one?": the last thing asked of, where or what the turn names; after the
  // Xiaoshan club, "the gongshu one" is another club, not that one.
  const one = words.substitute?.exec(text);
  const subject = kb.entities.get(context.subject ?? "");
  if (one == null || subject === undefined || named.length === 0 || named.includes(subject)) return undefined;
  const kinds = new Set(named.map((e) => e.kind));
  const namedBy = [...kb.entities.values()].some(
    (e) => kinds.has(e.kind) && [e.name, ...e.aliases].some((name) => subject.name.includes(name)),
  );
  if (namedBy) return undefined;
  return {
    entities: [subject],
    rest: `${text.slice(0, one.index)} ${one[1]} ${text.slice(one.index + one[0].length)}`,
  };
}

/** The subject the last answer led with, when it is among `among`; else all of `among`. */
function subjectOf(context: ConversationContext, among: Entity[]): Entity[] {
  const subject = among.filter((e) => e.id === context.subject);
  return subject.length > 0 ? subject : among;
}

/** What the next turn may build on: the frame it was answered in, and the claim its answer led with. */
export function contextOf(
  query: Query,
  answer: Answer,
  question: string,
  led: {
    /** The property of the claim the answer led with, or the one the turn carried. */
    property?: string | undefined;
    /** The entity the answer named as its value (the founder, the mayor), which "he" or "it" may mean next. */
    answered?: Entity | undefined;
    /** The subject of the claim the answer led with. */
    subject?: string | undefined;
    /** The id of the claim the answer led with. */
    claim?: string | undefined;
  } = {},
): ConversationContext {
  const { property, answered, subject, claim } = led;
  // Optional fields are set, not spread in: see objects.ts.
  const context: ConversationContext = {
    entities: query.entities.map((e) => e.id),
    asks: query.type,
    terms: query.terms.filter((t) => !t.light).map((t) => t.term),
    language: answer.language,
    shown: answer.facts.map((f) => f.id),
    question,
  };
  if (property !== undefined) context.property = property;
  if (answered !== undefined) context.named = answered.id;
  if (query.years.length > 0) context.years = query.years;
  if (subject !== undefined) context.subject = subject;
  if (claim !== undefined) context.claim = claim;
  return context;
}
