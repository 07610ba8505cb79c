import { type Dated, factDate } from "../knowledge/dated.js";
import type { KnowledgeBase } from "../knowledge/loader.js";
import { claimStanding, type Standing } from "../knowledge/review.js";
import {
  type Claim,
  type Entity,
  type EntityKind,
  PLACE_KINDS,
  type Property,
  VALUE_TYPES,
  type ValueType,
} from "../knowledge/schema.js";
import type { AnswerType } from "../language/answer-type.js";
import { remembered } from "../language/memo.js";
import { compact, isNumber } from "../language/text.js";
import type { Vocabulary } from "../language/vocabulary.js";
import type { Language } from "../types.js";
import { NameShares, type PropertyName, type PropertyNames } from "./property-names.js";
import type { IndexedFact } from "./search.js";

/** A claim with what matching needs: its property, its fact, its place in the fact, and when it holds. */
export interface IndexedClaim {
  claim: Claim;
  property: Property;
  fact: IndexedFact;
  /** Its place among its fact's claims: the first is the fact's main claim. */
  position: number;
  when: Dated;
  /** Whether it still holds, whether it dates, and when it is to be checked. */
  standing: Standing;
}

/** A claim's id, `factId#n`: its fact's id and its place among the fact's claims. */
export function claimId(c: IndexedClaim): string {
  return `${c.fact.fact.id}#${c.position}`;
}

/**
 * The value types that answer each kind of question, tier by tier: a tier is tried only when the
 * one before finds nothing ("how many" may be answered by a share, then by "the 11th time").
 * Undefined: any value answers.
 */
const VALUES_WANTED: Readonly<Partial<Record<AnswerType, readonly (readonly ValueType[])[]>>> = {
  count: [["count"], ["percent"], ["rank"]],
  percent: [["percent"]],
  money: [["money"]],
  // "When did Summba sign?": a claim's time answers when no date-valued claim does.
  date: [["date"], VALUE_TYPES],
  // "For how many years running?": a count of years, or a place held that long, when no duration is known.
  duration: [["duration"], ["date"], ["count"], ["rank"]],
  rank: [["rank"]],
  area: [["area"]],
  measure: [["measure"]],
  contact: [["contact"]],
  person: [["person", "organisation"]],
  organisation: [["organisation"], ["person"]],
  // "Where is the office?": its full address says the place better than the district it is in.
  place: [["place", "contact"]],
  // "Which forum did Guangzhou host?": an event is a claim's value by its name.
  event: [["name"]],
  reason: [["phrase"], VALUE_TYPES],
};

/** The kinds of subject a "which …" question picks among: "which city" among places. */
export const PICKED_AMONG: Readonly<Partial<Record<AnswerType, readonly EntityKind[]>>> = {
  place: PLACE_KINDS,
  organisation: ["organisation", "company"],
  person: ["person"],
  event: ["event"],
};

/** How many tiers of value types a kind of question has. */
export function tiers(type: AnswerType): number {
  return VALUES_WANTED[type]?.length ?? 1;
}

/** Whether this tier answers a kind of question by a claim's time, not its value: a "when" that no date-valued claim answers. */
export function byTime(type: AnswerType, tier: number): boolean {
  return type === "date" && tier > 0;
}

/** Whether a claim's value is of a type this kind of question wants at this tier. */
export function wanted(type: AnswerType, tier: number, value: ValueType): boolean {
  const types = VALUES_WANTED[type];
  return types === undefined || (types[tier] ?? []).includes(value);
}

/**
 * How a claim's subject stands to the things a question names: one of them; inside one (the 2018
 * CEOT for the CEOT); around one (Guangzhou for a company in it); none named; or another thing in
 * a fact about all of them, where no place named is left out ("context": the Beijing Blue Book's
 * figures are claims about Beijing); or another thing altogether.
 */
export type SubjectFit = "named" | "within" | "around" | "context" | "unnamed" | "other";
const SUBJECT_SCORE: Readonly<Record<SubjectFit, number>> = {
  named: 1,
  within: 0.7,
  around: 0.3,
  context: 0.3,
  unnamed: 0.5,
  other: 0,
};

/**
 * A property a question calls by one of its names: how much of the question's weight that name
 * accounts for, times how much of the name the question has. "bj share of returnee founders" names
 * "share of returnee entrepreneurs" fully (1), "share of returnees by field" only in part.
 */
export interface PropertyMatch {
  property: Property;
  share: number;
  /** The name or alias it was called by, and that name's words the question has. */
  by: string;
  words: readonly string[];
}

/** What one property's claims say of roles (see ClaimIndex.roleWords). */
interface Roles {
  /** The things its claims give each subject ("standing body": the CEOT office, given by the convention). */
  holders: ReadonlyMap<string, readonly string[]>;
  /** The subjects of its claims. */
  subjects: ReadonlySet<string>;
}

/** Properties named below this share are not taken to be named at all. */
export const NAMED_AT_ALL = 0.3;

/** Claims by fact, subject and property, and the words that name each property, built once at load. */
export class ClaimIndex {
  private readonly byFact = new Map<string, IndexedClaim[]>();
  private readonly byProperty = new Map<string, IndexedClaim[]>();
  private names: PropertyNames | undefined;
  /** The names' words numbered, made on the first question that names a property. */
  private shares: NameShares | undefined;
  /** The words of qualifiers and values, read once each. */
  private readonly said = new Map<string, string[]>();
  /** The entity each claim's value names, if any, found once. */
  private readonly valueEntities = new Map<IndexedClaim, Entity | undefined>();
  /** What each property's claims say of roles (see rolesOf), read once each. */
  private readonly roles = new Map<string, Roles>();
  /** What each entity sits within (see outers), followed once per entity. */
  private readonly chains = new Map<string, readonly string[]>();
  /** The facts that count what each word names (see counts), by language, found once per word. */
  private readonly counting = new Map<Language, Map<string, ReadonlySet<string>>>();
  /** The terms of each property's own name, by language, read once each. */
  private readonly ownNames = new Map<Language, Map<Property, readonly string[]>>();

  /** Built from the facts as indexed, with the property names saved in the knowledge cache if any. */
  constructor(
    private readonly kb: KnowledgeBase,
    facts: readonly IndexedFact[],
    private readonly vocabulary: Vocabulary,
    saved?: PropertyNames,
  ) {
    this.names = saved;
    for (const indexed of facts) {
      const claims = indexed.fact.claims.flatMap((claim, position) => {
        const property = kb.properties.get(claim.property);
        if (property === undefined) return [];
        // A claim holds for its own time, else its fact's; an article's date stands for its year.
        const dated = factDate(indexed.fact, indexed.source);
        const year =
          indexed.fact.asOf === undefined
            ? { when: dated.when.slice(0, 4), estimated: dated.estimated }
            : dated;
        const when = claim.asOf === undefined ? year : { when: claim.asOf, estimated: false };
        const standing = claimStanding(indexed.fact, claim, property);
        return [{ claim, property, fact: indexed, position, when, standing }];
      });
      this.byFact.set(indexed.fact.id, claims);
      for (const c of claims) {
        const same = this.byProperty.get(c.property.id);
        if (same === undefined) this.byProperty.set(c.property.id, [c]);
        else same.push(c);
      }
    }
  }

  /**
   * The words that name each property, read once, on the first question that needs them (a card
   * does not), and kept in the knowledge cache: reading them all takes longer than answering. A
   * word in many properties' names ("returnee", "share") says little about which one is meant; a
   * common word ("kind", "make") less still. English names are matched against English questions
   * and Chinese names against Chinese ones: read across, 高新孵化器 loses 高新.
   */
  propertyNames(): PropertyNames {
    if (this.names !== undefined) return this.names;
    const { kb, vocabulary } = this;
    const read = [...kb.properties.values()].flatMap((property) =>
      [
        ...[property.name, ...property.aliases].map((text) => ({ text, language: "en" as const })),
        ...[property.zh, ...property.zhAliases].map((text) => ({ text, language: "zh" as const })),
      ].map(({ text, language }) => ({
        property,
        text,
        language,
        terms: vocabulary
          .read(text)
          .terms.filter((t, i, all) => all.findIndex((o) => o.term === t.term) === i),
      })),
    );
    const properties = new Map<string, Set<string>>();
    for (const { property, terms } of read)
      for (const { term } of terms)
        properties.set(term, (properties.get(term) ?? new Set()).add(property.id));
    const idf = (term: string) => Math.log(1 + kb.properties.size / (properties.get(term)?.size ?? 1));
    // Each name under each of its words, by language: a question visits only the names in its
    // language that share a word with it.
    const byLanguage = new Map<Language, Map<string, PropertyName[]>>();
    read.forEach(({ property, text, language, terms }, order) => {
      const weighted = terms.map((t) => ({ term: t.term, weight: idf(t.term) * (t.light ? LIGHT : 1) }));
      const named = weighted.reduce((sum, w) => sum + w.weight, 0);
      const name = { order, property, text, terms: weighted, named };
      let byTerm = byLanguage.get(language);
      if (byTerm === undefined) {
        byTerm = new Map();
        byLanguage.set(language, byTerm);
      }
      for (const { term } of weighted) {
        const named = byTerm.get(term);
        if (named === undefined) byTerm.set(term, [name]);
        else named.push(name);
      }
    });
    this.names = byLanguage;
    return byLanguage;
  }

  /** The terms of a property's own name in a language ("former name"), read on first need. */
  nameTerms(property: Property, language: Language): readonly string[] {
    const byProperty = remembered(this.ownNames, language, () => new Map<Property, readonly string[]>());
    return remembered(byProperty, property, (p) =>
      this.vocabulary.read(language === "zh" ? p.zh : p.name).terms.map((t) => t.term),
    );
  }

  /**
   * Whether a question asks a year as a whole ("the whole of 2017") and the claim's qualifier says it
   * holds for part of one ("first half of 2017", 上半年): then it does not answer.
   */
  missesWholeYear(frame: Pick<Frame, "wholeYear">, claim: IndexedClaim): boolean {
    const { partialPeriod } = this.vocabulary.grammar;
    return (
      frame.wholeYear === true &&
      [claim.claim.qualifier, claim.claim.zhQualifier].some((q) => q !== undefined && partialPeriod.test(q))
    );
  }

  /**
   * The words of a claim's qualifier in a language, which a question may name ("high-tech"), read
   * when first asked; common words ("per", "among") left out.
   */
  qualifierTerms(claim: IndexedClaim, language: Language): readonly string[] {
    return this.wordsOf(language === "zh" ? claim.claim.zhQualifier : claim.claim.qualifier);
  }

  /** The words of a claim's value in a language ("Ministry of Education"), which a question may name ("which ministries"). */
  valueTerms(claim: IndexedClaim, language: Language): readonly string[] {
    return this.wordsOf(language === "zh" ? (claim.claim.zh ?? claim.claim.value) : claim.claim.value);
  }

  private wordsOf(text: string | undefined): readonly string[] {
    if (text === undefined) return [];
    let terms = this.said.get(text);
    if (terms === undefined) {
      terms = [
        ...new Set(
          this.vocabulary
            .read(text, { namesAsWords: true })
            .terms.filter((t) => !t.light)
            .map((t) => t.term),
        ),
      ];
      this.said.set(text, terms);
    }
    return terms;
  }

  /**
   * The properties a question names, best first: for each, its name that best accounts for the
   * question's words (each weighing as the fact index weighs it) while the question has most of it.
   */
  propertiesIn(question: readonly { term: string; weight: number }[], language: Language): PropertyMatch[] {
    const total = question.reduce((sum, q) => sum + q.weight, 0);
    if (total === 0) return [];
    this.shares ??= new NameShares(this.propertyNames());
    // The names that name it at all, in order; each property's best, its words read once it is chosen.
    const best = new Map<string, { name: PropertyName; share: number }>();
    const naming = this.shares.of(question, total, language, NAMED_AT_ALL);
    for (const named of naming.sort((a, b) => a.name.order - b.name.order)) {
      const known = best.get(named.name.property.id);
      if (known === undefined || named.share > known.share) best.set(named.name.property.id, named);
    }
    const asked = new Set(question.map((q) => q.term));
    const matches: PropertyMatch[] = [];
    for (const { name, share } of best.values()) {
      const words = name.terms.filter((w) => asked.has(w.term)).map((w) => w.term);
      matches.push({ property: name.property, share, by: name.text, words });
    }
    return matches.sort((a, b) => b.share - a.share);
  }

  /**
   * Whether a question's words hold every word of one of a property's names in its language,
   * however little they weigh: "when did GAC say it planned a Detroit centre" names "plans" by a
   * verb, which alone accounts for too little of the question to be taken as named.
   */
  namedWhole(propertyId: string, terms: ReadonlyMap<string, number>, language: Language): boolean {
    const byTerm = this.propertyNames().get(language);
    if (byTerm === undefined) return false;
    return [...terms.keys()].some((term) =>
      (byTerm.get(term) ?? []).some(
        (name) => name.property.id === propertyId && name.terms.every((w) => terms.has(w.term)),
      ),
    );
  }

  /**
   * The words of the properties a question names only to reach what it asks about: a role a thing
   * named gives to another thing, of which another property named has a claim ("the phone of the
   * convention's standing body", 海交会常设机构的电话: the standing body is the CEOT office, whose
   * phone is asked). A role of the type asked ("which company did he found") is what is asked, and
   * a word that also names the property reached names that. One step, among the claims as they
   * are: no second retrieval.
   */
  roleWords(properties: readonly PropertyMatch[], named: readonly Entity[], expects: AnswerType): string[] {
    // A role is given to a thing named: with nothing named, no property leads anywhere.
    if (named.length === 0) return [];
    return properties.flatMap((role) => {
      if (wanted(expects, 0, role.property.type)) return [];
      const { holders: held } = this.rolesOf(role.property.id);
      const holders: string[] = [];
      for (const e of named) holders.push(...(held.get(e.id) ?? []));
      if (holders.length === 0) return [];
      const reached = properties.filter(
        (asked) => asked !== role && holders.some((h) => this.rolesOf(asked.property.id).subjects.has(h)),
      );
      return reached.length === 0 ? [] : role.words.filter((w) => reached.every((r) => !r.words.includes(w)));
    });
  }

  /** What a property's claims say of roles: the things they give each subject, and their subjects; read when first asked. */
  private rolesOf(propertyId: string): Roles {
    return remembered(this.roles, propertyId, (id) => {
      const holders = new Map<string, string[]>();
      const subjects = new Set<string>();
      for (const { claim } of this.ofProperty(id)) {
        subjects.add(claim.subject);
        if (claim.entity === undefined) continue;
        const given = holders.get(claim.subject);
        if (given === undefined) holders.set(claim.subject, [claim.entity]);
        else given.push(claim.entity);
      }
      return { holders, subjects };
    });
  }

  /**
   * Whether a fact has a count claim of a property one of whose names says what a "how many"
   * counts: "areas of policy support" counts areas, though its sentence says aspects.
   */
  counts(factId: string, counted: string, language: Language): boolean {
    const byWord = remembered(this.counting, language, () => new Map<string, ReadonlySet<string>>());
    return remembered(byWord, counted, (word) => this.countingFacts(word, language)).has(factId);
  }

  /** The facts with a count claim of a property one of whose names has this word (see counts). */
  private countingFacts(word: string, language: Language): ReadonlySet<string> {
    const facts = new Set<string>();
    for (const { property } of this.propertyNames().get(language)?.get(word) ?? [])
      for (const c of this.ofProperty(property.id))
        if (c.property.type === "count") facts.add(c.fact.fact.id);
    return facts;
  }

  /**
   * Whether a claim says it counts this English word (what "how many" counts): by its property's
   * English names, its value or its qualifier.
   */
  saysCounted(claim: IndexedClaim, counted: string): boolean {
    const naming = this.propertyNames().get("en")?.get(counted) ?? [];
    return (
      naming.some((n) => n.property.id === claim.property.id) ||
      this.valueTerms(claim, "en").includes(counted) ||
      this.qualifierTerms(claim, "en").includes(counted)
    );
  }

  ofFact(id: string): readonly IndexedClaim[] {
    return this.byFact.get(id) ?? [];
  }

  ofProperty(id: string): readonly IndexedClaim[] {
    return this.byProperty.get(id) ?? [];
  }

  /** How a claim's subject stands to the named entities (see SubjectFit). */
  subjectFit(claim: IndexedClaim, named: readonly Entity[]): SubjectFit {
    const subject = claim.claim.subject;
    if (named.length === 0) return "unnamed";
    if (named.some((e) => e.id === subject)) return "named";
    if (named.some((e) => this.inside(subject, e.id))) return "within";
    if (named.some((e) => this.inside(e.id, subject))) return "around";
    const about = claim.fact.closure;
    const placesKept = named.every((e) => !PLACE_KINDS.includes(e.kind) || this.inside(subject, e.id));
    return placesKept && named.every((e) => about.has(e.id)) ? "context" : "other";
  }

  /**
   * Whether a claim's subject, not its value, answers a question that picks a thing of some kind
   * ("which company set up a Silicon Valley office", "which city ranks ahead of Guangzhou"): a
   * subject of that kind, not one named, in a fact about every thing named.
   */
  subjectAnswers(claim: IndexedClaim, picks: AnswerType | undefined, named: readonly Entity[]): boolean {
    const { subject } = claim.claim;
    if (!this.picked(subject, picks)) return false;
    return named.every((e) => e.id !== subject && claim.fact.closure.has(e.id));
  }

  /** Whether an entity is of the kind a "which …" question picks among (see PICKED_AMONG). */
  picked(id: string, picks: AnswerType | undefined): boolean {
    if (picks === undefined) return false;
    const kind = this.kindOf(id);
    return kind !== undefined && (PICKED_AMONG[picks]?.includes(kind) ?? false);
  }

  /**
   * Whether a claim's value is one of the things a question names: "where did Summba start before
   * moving to Guangzhou" is not answered by "Guangzhou", which the asker already gave.
   */
  valueNamed(claim: IndexedClaim, named: readonly Entity[]): boolean {
    const valued = this.valueEntity(claim);
    return valued !== undefined && named.includes(valued);
  }

  /** The entity a claim names as its value ("Liu Xin" as Hangzhou's mayor). */
  valueEntity(claim: IndexedClaim): Entity | undefined {
    return remembered(this.valueEntities, claim, (c) => this.vocabulary.aliases.get(compact(c.claim.value)));
  }

  /** Whether a claim's qualifier names every thing left out ("besides Beijing and Shanghai"): it says what is beside them. */
  besides(claim: IndexedClaim, left: readonly Entity[], language: Language): boolean {
    if (left.length === 0) return false;
    const qualifier = this.qualifierTerms(claim, language);
    return left.every((e) =>
      this.wordsOf(language === "zh" ? (this.kb.zh.entities.get(e.id)?.name ?? e.name) : e.name).every((w) =>
        qualifier.includes(w),
      ),
    );
  }

  /** The kind of entity an id names. */
  kindOf(id: string): EntityKind | undefined {
    return this.kb.entities.get(id)?.kind;
  }

  /** Whether one entity sits, through its `within` chain, inside another. */
  private inside(inner: string, outer: string): boolean {
    return this.outers(inner).includes(outer);
  }

  /** Everything an entity sits within, nearest first: its `within` chain, followed once per entity. */
  private outers(id: string): readonly string[] {
    return remembered(this.chains, id, () => {
      const chain: string[] = [];
      for (let e = this.kb.entities.get(id); e?.within !== undefined; e = this.kb.entities.get(e.within))
        chain.push(e.within);
      return chain;
    });
  }
}

/** A property named at least this fully says what kind of value is wanted where the wording does not. */
export const NAMED_OUTRIGHT = 0.6;

/** A common word in a property's name ("kind", "make") counts for this share of a word that names it. */
const LIGHT = 0.3;

/**
 * What a question asks, as matching reads it: the frame's slots. Every frame has every field,
 * undefined where the question says nothing: one hidden class for V8 (see queryOf).
 */
export interface Frame {
  subjects: readonly Entity[];
  expects: AnswerType;
  years: readonly string[];
  /** The properties the question calls by name, and the one a conversation carried over. */
  properties: readonly PropertyMatch[];
  carried: string | undefined;
  /** Whether the carried property must answer: the last question asked again of a new subject or time. */
  insists: boolean | undefined;
  language: Language;
  /** The kind of value the wording itself asks for, before a property named fills in one it leaves open. */
  worded: AnswerType;
  /** The question's words and what each weighs (as the fact index weighs it), for matching a claim's qualifier. */
  terms: ReadonlyMap<string, number>;
  /** Whether it asks for the thing with the highest value of the property it names. */
  superlative: true | undefined;
  /** Whether it asks what someone said or thinks: a claim of what was said answers first. */
  quotes: true | undefined;
  /** Whether it asks a year as a whole: a claim qualified as holding for part of it does not answer. */
  wholeYear: true | undefined;
  /** The words that name a role leading to what it asks about (see ClaimIndex.roleWords): not what it asks. */
  through: readonly string[] | undefined;
  /** The term of the kind of thing it asks for ("which ministries"), which a value may say. */
  kind: string | undefined;
  /** The question's words that say what it asks about: neither light ("live", "total") nor the word of the kind asked. */
  asks: readonly string[];
  /** The type of thing it picks ("which company"), which a claim's subject may be (see subjectAnswers). */
  picks: AnswerType | undefined;
  /** A second kind of answer it asks of the same thing ("and for how much"), said beside the first. */
  also: AnswerType | undefined;
  /** The things it leaves out ("apart from Beijing and Shanghai"): no claim of them, nor naming them, answers. */
  excluded: readonly Entity[] | undefined;
  /** What "how many" counts ("how many returnees"): a count claim of something else is no answer. */
  counted: string | undefined;
}

/** One claim held against a frame: each slot's verdict and the score that orders the claims that agree. */
export interface Agreement {
  claim: IndexedClaim;
  subject: SubjectFit;
  type: boolean;
  time: boolean;
  /** How fully the question names the claim's property, 0 to 1. */
  property: number;
  /** Whether it says one thing named of another named, its value only repeating what was asked with. */
  echoes: boolean;
  /** Whether its subject or value is a thing the question leaves out ("besides Silicon Valley"). */
  excluded: boolean;
  score: number;
  agrees: boolean;
}

/**
 * The weights of matching, each with its reason. A property named outright says most what is
 * asked; the subject next; retrieval's order and a fact's main claim break the rest.
 */
export const MATCHING = Object.freeze({
  property: 3,
  subject: 1,
  /** Words of the question in the claim's qualifier ("high-tech" in "high-tech incubators only"). */
  qualifier: 0.5,
  /**
   * And how well the qualifier fits the question ("education" for "17.8% in education"): the share
   * of the question's weight it names times the share of its own words the question has, so that a
   * rarer word asked outweighs a common one ("education" over "sector") and a qualifier narrower
   * than the question ("among returnees in innovation and entrepreneurship") loses to one that says
   * only what is asked.
   */
  qualifierFit: 0.5,
  /** A value that says the kind of thing asked for: "which ministries" is answered by "Ministry of Education" before an office. */
  kind: 0.5,
  /** A reason, for a "why" question: "why did the company choose Guangzhou?" wants what its success is credited to, not what it makes. */
  reason: 1,
  /** What someone said, for a question of what they said: "what did the mayor say" wants his words, not his post. */
  quote: 1,
  /** A value the question gives ("24.3%: which city?"): it is the claim asked back. */
  quoted: 1,
  /** Each place a fact stands below the best in retrieval's order. */
  rank: 0.25,
  /** A fact's first claim is what it mainly says. */
  main: 0.2,
});

/** The kinds of question a name answers: a person, an organisation, a place. */
const NAMES_ASKED: readonly AnswerType[] = ["person", "organisation", "place"];

/** A frame's things left out when it leaves none out. */
const NOTHING_LEFT_OUT: readonly Entity[] = [];

/** Holds a claim against a frame: subject, value type (at the tier retrieval reached), time and property. */
export function agreement(
  frame: Frame,
  claim: IndexedClaim,
  rank: number,
  tier: number,
  index: ClaimIndex,
): Agreement {
  const subject = index.subjectFit(claim, frame.subjects);
  // "Which company opened a Silicon Valley office?": the subject of the kind picked is the answer.
  const picked = index.subjectAnswers(claim, frame.picks, frame.subjects);
  // "Which cities draw more founders than Guangzhou?": a claim of the city named answers only by its value.
  const property =
    claim.property.id === frame.carried
      ? 1
      : (frame.properties.find((p) => p.property.id === claim.property.id)?.share ?? 0);
  // "Why …?" is answered by a reason the sources give, never by another phrase of the thing asked of.
  const type =
    frame.expects === "reason"
      ? claim.property.reason === true
      : subject === "named" && index.picked(claim.claim.subject, frame.picks)
        ? frame.picks !== undefined && wanted(frame.picks, tier, claim.property.type)
        : wanted(frame.expects, tier, claim.property.type) ||
          picked ||
          standsForPlace(frame, claim, property, subject) ||
          saidBy(frame, claim, index);
  // "Where did Summba start before it moved to Guangzhou?": Summba's move to Guangzhou says only
  // what was asked with; "who runs the Xiaoshan club" is answered by Hu Nan's employer, its subject.
  const echoes =
    subject === "named" && NAMES_ASKED.includes(frame.expects) && index.valueNamed(claim, frame.subjects);
  // "Besides Silicon Valley, where …": a claim of what is left out, or naming it, is no answer.
  const left = frame.excluded ?? NOTHING_LEFT_OUT;
  const excluded =
    left.some((e) => e.id === claim.claim.subject) || (left.length > 0 && index.valueNamed(claim, left));
  // "How many returnees are there in China?": a count of the convention's tasks, in a sentence on
  // returnees, counts tasks. A count claim of a fact whose sentence says the word counted answers
  // only when its property, value or qualifier says it counts it.
  const countsOther =
    frame.counted !== undefined &&
    claim.property.type === "count" &&
    claim.fact.own.has(frame.counted) &&
    claim.property.id !== frame.carried &&
    !index.saysCounted(claim, frame.counted);
  const time =
    (frame.years.length === 0 ||
      frame.years.some((y) => y === claim.when.when.slice(0, 4) || claim.claim.value.includes(y))) &&
    !index.missesWholeYear(frame, claim);
  const qualifier = qualifierFit(frame, index.qualifierTerms(claim, frame.language));
  // "24.3% of returnees went to which city?": the claim whose value the question gives is the one asked back.
  const quoted = index.valueTerms(claim, frame.language).some((t) => frame.terms.has(t) && isQuotedFigure(t));
  const score =
    MATCHING.property * property +
    // A thing picked answers as a value would: how it stands to the things named is only context.
    MATCHING.subject * (picked ? SUBJECT_SCORE.context : SUBJECT_SCORE[subject]) +
    (qualifier > 0 ? MATCHING.qualifier + MATCHING.qualifierFit * qualifier : 0) +
    (frame.kind !== undefined && index.valueTerms(claim, frame.language).includes(frame.kind)
      ? MATCHING.kind
      : 0) +
    (frame.expects === "reason" && claim.property.reason ? MATCHING.reason : 0) +
    (frame.quotes && claim.property.quotes ? MATCHING.quote : 0) -
    MATCHING.rank * rank +
    (claim.position === 0 ? MATCHING.main : 0) +
    (quoted ? MATCHING.quoted : 0) +
    (index.besides(claim, left, frame.language) ? MATCHING.qualifier + MATCHING.qualifierFit : 0);
  return {
    claim,
    subject,
    type,
    time,
    property,
    echoes,
    excluded,
    score,
    agrees: (subject !== "other" || picked) && type && time && !echoes && !excluded && !countsOther,
  };
}

/**
 * Whether a figure a question gives is likely one a source gave: with a decimal point, or 100 or
 * more and no year ("24.3", "2515"); a small whole number is more often part of a name ("80后") or a list's length.
 */
function isQuotedFigure(term: string): boolean {
  if (!isNumber(term)) return false;
  const value = Number(term);
  return term.includes(".") || (value >= 100 && !(Number.isInteger(value) && value >= 1900 && value <= 2100));
}

/** Whether a person's words answer a "who said …" question: the headline names the speaker. */
function saidBy(frame: Frame, claim: IndexedClaim, index: ClaimIndex): boolean {
  return (
    frame.quotes === true &&
    frame.expects === "person" &&
    claim.property.quotes &&
    index.kindOf(claim.claim.subject) === "person"
  );
}

/**
 * Whether an organisation answers a "where" question: "where does Zhang Jiancun work?" asks for
 * his institute when the question names outright a property whose values are organisations, or
 * names one at all of the thing it asks about.
 */
function standsForPlace(frame: Frame, claim: IndexedClaim, property: number, subject: SubjectFit): boolean {
  const named = property >= NAMED_OUTRIGHT || (property >= NAMED_AT_ALL && subject === "named");
  return frame.expects === "place" && claim.property.type === "organisation" && named;
}

/**
 * Whether a claim's time dates what a "when" asks, where no claim's value is a date: only for the
 * claim it names by its property (by a whole name, even in light words: "when did GAC say it
 * planned …") or its whole value. "When will GAC's Detroit centre open?" is not dated by when the
 * plan was told.
 */
export function datesAsked(frame: Frame, claim: IndexedClaim, index: ClaimIndex): boolean {
  return (
    claim.property.id === frame.carried ||
    frame.properties.some((p) => p.property.id === claim.property.id && p.share > 0) ||
    index.namedWhole(claim.property.id, frame.terms, frame.language) ||
    named(index.valueTerms(claim, frame.language), frame)
  );
}

/** Whether the question names a value outright, every word of it: "as of when is the 67,000 figure". */
function named(value: readonly string[], frame: Frame): boolean {
  return value.length > 0 && value.every((t) => frame.terms.has(t));
}

/** How well a qualifier's words fit the question's, 0 to 1 (see MATCHING.qualifierFit). */
function qualifierFit(frame: Frame, qualifier: readonly string[]): number {
  if (qualifier.length === 0) return 0;
  const asked = qualifier.filter((t) => frame.terms.has(t));
  if (asked.length === 0) return 0;
  const total = [...frame.terms.values()].reduce((sum, w) => sum + w, 0);
  const named = asked.reduce((sum, t) => sum + (frame.terms.get(t) ?? 0), 0);
  return (named / total) * (asked.length / qualifier.length);
}

/**
 * The other things a "which cities" question picks of which one fact says the same as of the one
 * chosen ("emerging destinations" of Hangzhou, Shenzhen, …), none of them left out.
 */
export function alikeOf(chosen: IndexedClaim, frame: Frame, index: ClaimIndex): IndexedClaim[] {
  if (!index.subjectAnswers(chosen, frame.picks, frame.subjects)) return [];
  return index
    .ofFact(chosen.fact.fact.id)
    .filter(
      (c) =>
        c !== chosen &&
        c.property.id === chosen.property.id &&
        c.claim.value === chosen.claim.value &&
        c.claim.qualifier === chosen.claim.qualifier &&
        index.subjectAnswers(c, frame.picks, frame.subjects) &&
        !frame.excluded?.some((e) => e.id === c.claim.subject),
    );
}

/** The claims that say the same thing of the same subject in one fact, alike qualified: a property's several values. */
export function valuesOf(chosen: IndexedClaim, index: ClaimIndex): IndexedClaim[] {
  return index.ofFact(chosen.fact.fact.id).filter(
    (c) =>
      c.claim.subject === chosen.claim.subject &&
      c.property.id === chosen.property.id &&
      // A qualifier of its own makes it another statement ("17.8% in education"), not one more value.
      c.claim.qualifier === chosen.claim.qualifier &&
      (c === chosen || c.standing.status !== "superseded"),
  );
}
