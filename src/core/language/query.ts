import type { Entity } from "../knowledge/schema.js";
import type { Language } from "../types.js";
import type { AnswerType } from "./answer-type.js";
import type { Term } from "./vocabulary.js";

/**
 * A question taken apart: what it names, what it asks about, what kind of answer it wants. Every
 * query has every field, undefined where the question says nothing, so that V8 gives all of them
 * one hidden class and the code reading them in retrieval and matching stays fast (see queryOf).
 */
export interface Query {
  language: Language;
  entities: Entity[];
  /** What it asks about, entities and years aside. */
  terms: Term[];
  type: AnswerType;
  /** Years it asks about: a fact must hold for or name each one, or one of them when they are alternatives. */
  years: string[];
  /** Whether its years are alternatives joined by "or" ("did it open in 2017 or 2018", 2017年还是2018年). */
  eitherYear: true | undefined;
  /** Words that rank without being required: a comparison's shared part, a follow-up's earlier question. */
  context: string[];
  /** What "how many" counts ("how many returnees"): a count of something else does not answer it. */
  counted: string | undefined;
  /** Whether it asks for the thing with the highest value ("which city do most returnee founders pick"). */
  superlative: true | undefined;
  /** Whether it asks what someone said or thinks ("what did the mayor say about talents"). */
  quotes: true | undefined;
  /** Whether it asks a year as a whole ("the whole of 2017"): a figure for part of it does not answer. */
  wholeYear: true | undefined;
  /** The term that says what kind of thing it wants ("which department"): not what it is about, nor a property. */
  kind: string | undefined;
  /** The type of thing a "which company" question picks, whatever its wording asks of it: a claim's subject of that kind answers. */
  picks: AnswerType | undefined;
  /** A second kind of answer asked beside the first: "how many firms got loans and for how much", "when and where". */
  also: AnswerType | undefined;
  /** Things it leaves out ("apart from Beijing and Shanghai"): not among its entities, and no answer. */
  excluded: Entity[] | undefined;
}

/** The fields a question may leave unsaid. */
type Unsaid =
  | "eitherYear"
  | "counted"
  | "superlative"
  | "quotes"
  | "wholeYear"
  | "kind"
  | "picks"
  | "also"
  | "excluded";

/** What a query is made of: the fields every question has, and any of the others it says. */
export type QueryParts = Omit<Query, Unsaid> & Partial<Pick<Query, Unsaid>>;

/** A query of these parts, with every field in one order: the one place a query is made. */
export function queryOf(parts: QueryParts): Query {
  return {
    language: parts.language,
    entities: parts.entities,
    terms: parts.terms,
    type: parts.type,
    years: parts.years,
    eitherYear: parts.eitherYear,
    context: parts.context,
    counted: parts.counted,
    superlative: parts.superlative,
    quotes: parts.quotes,
    wholeYear: parts.wholeYear,
    kind: parts.kind,
    picks: parts.picks,
    also: parts.also,
    excluded: parts.excluded,
  };
}

/** A query with some of its fields replaced. */
export function changedQuery(query: Query, changes: Partial<Query>): Query {
  return queryOf({ ...query, ...changes });
}
