import { entityKey, type KnowledgeIndex } from "./knowledge-index.js";
import type { Entity } from "./schema.js";
import { isLight, STOPWORDS } from "./stopwords.js";
import { isCjk, isNumber, normalise } from "./text.js";

/** Chinese characters that only frame a question ("what", "how many", "is", particles). */
const CJK_FILLER = /[的是有多少什么哪几个吗呢了在和与及请问怎样如何么谁这那里儿些位]/gu;

/** What kind of reply a question's wording asks for. */
export type Asks = "quantity" | "time" | "person" | "place" | "other";

const ASKS: [Asks, RegExp][] = [
  [
    "quantity",
    /\b(how many|how much|number of|percent|percentage|share|proportion|fraction|how large|how big)\b|多少|几/,
  ],
  ["time", /\b(when|year|what date|since when)\b|什么时候|哪年/],
  ["person", /\b(who|whom)\b|谁/],
  ["place", /\bwhere\b|哪里/],
];

export interface QueryTerm {
  term: string;
  /** The word as written, inflection aside. */
  form: string;
  weight: number;
  /** A common word that does not say what the question is about. */
  light: boolean;
}

/** A question taken apart: the entities it names and the other words that say what it asks. */
export interface Query {
  entities: Entity[];
  terms: QueryTerm[];
  /** Numbers it states, which an answer must state too. */
  numbers: string[];
  /** Entity keys and terms together, for matching FAQ phrasings. */
  keys: string[];
  asks: Asks;
}

function addEntity(list: Entity[], entity: Entity): void {
  if (!list.some((e) => e.id === entity.id)) list.push(entity);
}

/** Finds Chinese names inside a run of characters, longest first; returns what is left over. */
function scanCjk(run: string, index: KnowledgeIndex, found: Entity[]): string {
  let rest = "";
  let i = 0;
  outer: while (i < run.length) {
    for (let end = run.length; end > i; end--) {
      const entity = index.aliases.get(run.slice(i, end));
      if (entity !== undefined) {
        addEntity(found, entity);
        i = end;
        rest += " ";
        continue outer;
      }
    }
    rest += run[i];
    i++;
  }
  return rest;
}

/** Replaces each word the knowledge base does not use by the known word it most likely mistypes. */
function corrected(words: string[], index: KnowledgeIndex): string[] {
  return words.map((w) => (STOPWORDS.has(w) || index.knowsWord(w) ? w : (index.correct(w) ?? w)));
}

export function analyse(question: string, index: KnowledgeIndex): Query {
  const text = index.rewrite(normalise(question));
  const words = corrected(text.split(" ").filter(Boolean), index);
  const entities: Entity[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(index.longestAlias, words.length - i); n >= 1 && matched === 0; n--) {
      const entity = index.aliases.get(words.slice(i, i + n).join(""));
      if (entity !== undefined) {
        addEntity(entities, entity);
        matched = n;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    const word = words[i] as string;
    if (isCjk(word)) {
      for (const left of scanCjk(word, index, entities).replace(CJK_FILLER, " ").split(" ")) {
        if (left.length >= 2) rest.push(left);
      }
    } else if (!STOPWORDS.has(word)) rest.push(word);
    i++;
  }

  const terms = new Map<string, QueryTerm>();
  for (const word of rest) {
    const term = index.term(word);
    const light = isLight(word) && terms.get(term)?.light !== false;
    terms.set(term, { term, form: index.form(word), weight: index.weight(term), light });
  }
  const asks = ASKS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
  return {
    entities,
    terms: [...terms.values()],
    numbers: rest.filter(isNumber),
    keys: [...entities.map((e) => entityKey(e.id)), ...terms.keys()],
    asks,
  };
}
