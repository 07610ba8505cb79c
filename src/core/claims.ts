import { type Dated, factDate } from "./age.js";
import type { AnswerType } from "./answer-type.js";
import type { KnowledgeBase } from "./loader.js";
import { type Claim, type Entity, type Property, VALUE_TYPES, type ValueType } from "./schema.js";
import type { IndexedFact } from "./search.js";
import type { Vocabulary } from "./vocabulary.js";

/** A claim with what matching needs: its property, its fact, its place in the fact, and when it holds. */
export interface IndexedClaim {
  claim: Claim;
  property: Property;
  fact: IndexedFact;
  /** Its place among its fact's claims: the first is the fact's main claim. */
  position: number;
  when: Dated;
  /** The terms of its qualifier, which a question may name ("high-tech"). */
  qualifierTerms: readonly string[];
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
  date: [["date"]],
  duration: [["duration"], ["date"]],
  rank: [["rank"]],
  area: [["area"]],
  contact: [["contact"]],
  person: [["person", "organisation"]],
  organisation: [["organisation"]],
  place: [["place"], ["contact"]],
  reason: [["phrase"], VALUE_TYPES],
};

/** How many tiers of value types a kind of question has. */
export function tiers(type: AnswerType): number {
  return VALUES_WANTED[type]?.length ?? 1;
}

/** Whether a claim's value is of a type this kind of question wants at this tier. */
export function wanted(type: AnswerType, tier: number, value: ValueType): boolean {
  const types = VALUES_WANTED[type];
  return types === undefined || (types[tier] ?? []).includes(value);
}

/** How a claim's subject stands to the things a question names. */
export type SubjectFit = "named" | "within" | "unnamed" | "other";
const SUBJECT_SCORE: Readonly<Record<SubjectFit, number>> = { named: 1, within: 0.7, unnamed: 0.5, other: 0 };

/** A property a question calls by one of its names, and how fully: 1 when every word of a name is there. */
export interface PropertyMatch {
  property: Property;
  share: number;
  /** The name or alias it was called by. */
  by: string;
}

/** Claims by fact, subject and property, and the words that name each property, built once at load. */
export class ClaimIndex {
  private readonly byFact = new Map<string, IndexedClaim[]>();
  private readonly byProperty = new Map<string, IndexedClaim[]>();
  private readonly names: { property: Property; text: string; terms: string[] }[] = [];

  constructor(
    private readonly kb: KnowledgeBase,
    facts: readonly IndexedFact[],
    vocabulary: Vocabulary,
  ) {
    for (const indexed of facts) {
      const claims = indexed.fact.claims.flatMap((claim, position) => {
        const property = kb.properties.get(claim.property);
        if (property === undefined) return [];
        const dated = factDate(indexed.fact, indexed.source);
        const when = claim.asOf === undefined ? dated : { when: claim.asOf, estimated: false };
        const qualifierTerms =
          claim.qualifier === undefined ? [] : vocabulary.read(claim.qualifier).terms.map((t) => t.term);
        return [{ claim, property, fact: indexed, position, when, qualifierTerms }];
      });
      this.byFact.set(indexed.fact.id, claims);
      for (const c of claims)
        this.byProperty.set(c.property.id, [...(this.byProperty.get(c.property.id) ?? []), c]);
    }
    for (const property of kb.properties.values()) {
      for (const text of [property.name, ...property.aliases, property.zh, ...property.zhAliases]) {
        const terms = [...new Set(vocabulary.read(text).terms.map((t) => t.term))];
        if (terms.length > 0) this.names.push({ property, text, terms });
      }
    }
  }

  ofFact(id: string): readonly IndexedClaim[] {
    return this.byFact.get(id) ?? [];
  }

  ofProperty(id: string): readonly IndexedClaim[] {
    return this.byProperty.get(id) ?? [];
  }

  /**
   * The properties a question's words call by name, best first: the share of a name's words the
   * question has, the fullest name of each property counting. Properties at under half are left out.
   */
  propertiesIn(terms: ReadonlySet<string>): PropertyMatch[] {
    const best = new Map<string, PropertyMatch>();
    for (const { property, text, terms: words } of this.names) {
      const share = words.filter((w) => terms.has(w)).length / words.length;
      const known = best.get(property.id);
      if (share >= 0.5 && (known === undefined || share > known.share))
        best.set(property.id, { property, share, by: text });
    }
    return [...best.values()].sort((a, b) => b.share - a.share);
  }

  /** How a claim's subject stands to the named entities: one of them, inside one, or another thing. */
  subjectFit(claim: Claim, named: readonly Entity[]): SubjectFit {
    if (named.length === 0) return "unnamed";
    if (named.some((e) => e.id === claim.subject)) return "named";
    const inside = (inner: string, outer: string) => {
      for (let e = this.kb.entities.get(inner); e?.within !== undefined; e = this.kb.entities.get(e.within))
        if (e.within === outer) return true;
      return false;
    };
    return named.some((e) => inside(claim.subject, e.id) || inside(e.id, claim.subject)) ? "within" : "other";
  }
}

/** What a question asks, as matching reads it: the frame's slots. */
export interface Frame {
  subjects: readonly Entity[];
  expects: AnswerType;
  years: readonly string[];
  /** The properties the question calls by name, and the one a conversation carried over. */
  properties: readonly PropertyMatch[];
  carried?: string;
  /** The question's words, for matching a claim's qualifier. */
  terms: ReadonlySet<string>;
}

/** One claim held against a frame: each slot's verdict and the score that orders the claims that agree. */
export interface Agreement {
  claim: IndexedClaim;
  subject: SubjectFit;
  type: boolean;
  time: boolean;
  /** How fully the question names the claim's property, 0 to 1. */
  property: number;
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
  /** Each place a fact stands below the best in retrieval's order. */
  rank: 0.25,
  /** A fact's first claim is what it mainly says. */
  main: 0.2,
});

/** Holds a claim against a frame: subject, value type (at the tier retrieval reached), time and property. */
export function agreement(
  frame: Frame,
  claim: IndexedClaim,
  rank: number,
  tier: number,
  index: ClaimIndex,
): Agreement {
  const subject = index.subjectFit(claim.claim, frame.subjects);
  const type = wanted(frame.expects, tier, claim.property.type);
  const year = claim.when.when.slice(0, 4);
  const time =
    frame.years.length === 0 || frame.years.some((y) => y === year || claim.claim.value.includes(y));
  const property =
    claim.property.id === frame.carried
      ? 1
      : (frame.properties.find((p) => p.property.id === claim.property.id)?.share ?? 0);
  const qualifier = claim.qualifierTerms.filter((t) => frame.terms.has(t)).length;
  const score =
    MATCHING.property * property +
    MATCHING.subject * SUBJECT_SCORE[subject] +
    MATCHING.qualifier * Math.min(1, qualifier) -
    MATCHING.rank * rank +
    (claim.position === 0 ? MATCHING.main : 0);
  return { claim, subject, type, time, property, score, agrees: subject !== "other" && type && time };
}

/** The claims that say the same thing of the same subject in one fact: a property's several values. */
export function valuesOf(chosen: IndexedClaim, index: ClaimIndex): IndexedClaim[] {
  return index
    .ofFact(chosen.fact.fact.id)
    .filter((c) => c.claim.subject === chosen.claim.subject && c.property.id === chosen.property.id);
}
