import type { Fact, Source } from "./schema.js";

/** When a fact's figure holds: its own asOf, else its article's date, else the article's estimated year. */
export interface Dated {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  when: string;
  estimated: boolean;
}

export function factDate(fact: Fact, source: Source): Dated {
  if (fact.asOf !== undefined) return { when: fact.asOf, estimated: false };
  if (source.date !== null) return { when: source.date, estimated: false };
  return { when: String(source.estimatedYear), estimated: true };
}
