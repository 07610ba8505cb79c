import type { KnowledgeIndex } from "./knowledge-index.js";
import type { Entity } from "./schema.js";
import { STOPWORDS } from "./stopwords.js";
import { isCjk, normalise } from "./text.js";

/** Chinese characters that only frame a question ("what", "how many", "is", particles). */
const CJK_FILLER = /[的是有多少什么哪几个吗呢了在和与及请问怎样如何么谁这那里儿些个位]/gu;

export interface QueryTerm {
  term: string;
  weight: number;
}

/** A question taken apart: the entities it names and the other words that say what it asks. */
export interface Query {
  entities: Entity[];
  terms: QueryTerm[];
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

export function analyse(question: string, index: KnowledgeIndex): Query {
  const words = index.rewrite(normalise(question)).split(" ").filter(Boolean);
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
    } else rest.push(word);
    i++;
  }

  const terms = new Map<string, number>();
  for (const word of rest) {
    if (STOPWORDS.has(word)) continue;
    let term = index.term(word);
    if (!index.known(term)) {
      const hit = index.correct(word);
      if (hit?.kind === "entity") {
        addEntity(entities, hit.entity);
        continue;
      }
      if (hit?.kind === "term") term = hit.term;
    }
    terms.set(term, index.weight(term));
  }
  return { entities, terms: [...terms].map(([term, weight]) => ({ term, weight })) };
}
