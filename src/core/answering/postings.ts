import type MiniSearch from "minisearch";

/** One fact holding a term: its BM25 score for that term alone, and the fields it holds it in. */
export interface Posting {
  id: string;
  score: number;
  fields: readonly string[];
}

/** Exact terms only: typos and synonyms were settled when the question was read. */
const SEARCH = { prefix: false, fuzzy: false } as const;
const NOTHING: readonly Posting[] = [];

/**
 * Every term of the index with its document frequency and its BM25 results (MiniSearch's score of
 * each fact for that term alone, with the query's field boosts), computed once from MiniSearch when
 * the index is built. They are saved in the knowledge cache as one line per term,
 * `term \t df \t id score fields;…`, and a term's line is read when a question first asks for it:
 * a start from the cache needs neither MiniSearch's index nor a search.
 */
export class Postings {
  /** The document frequencies read so far. */
  private readonly frequencies = new Map<string, number>();

  /** Term → its line after the term: "df \t results". */
  private constructor(private readonly lines: ReadonlyMap<string, string>) {}

  /** Each term's results from a built MiniSearch, in the order of the terms given. */
  static fromEngine<T>(engine: MiniSearch<T>, frequencies: ReadonlyMap<string, number>): Postings {
    const lines = new Map<string, string>();
    for (const [term, df] of frequencies) {
      const results = engine
        .search(term, SEARCH)
        .map((r) => `${r.id} ${r.score} ${(r.match[term] ?? []).join(",")}`)
        .join(";");
      lines.set(term, `${df}\t${results}`);
    }
    return new Postings(lines);
  }

  static fromSaved(text: string): Postings {
    const lines = new Map<string, string>();
    for (const line of text.split("\n")) {
      const tab = line.indexOf("\t");
      if (tab > 0) lines.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return new Postings(lines);
  }

  saved(): string {
    return Array.from(this.lines, ([term, rest]) => `${term}\t${rest}`).join("\n");
  }

  terms(): IterableIterator<string> {
    return this.lines.keys();
  }

  /** How many facts hold the term in any field; undefined for a term none holds. */
  documentFrequency(term: string): number | undefined {
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    const line = this.lines.get(term);
    if (line === undefined) return undefined;
    const df = Number(line.slice(0, line.indexOf("\t")));
    this.frequencies.set(term, df);
    return df;
  }

  /** The facts holding the term, best first, each with its score, read from its line (the index keeps what it reads). */
  results(term: string): readonly Posting[] {
    const line = this.lines.get(term);
    if (line === undefined) return NOTHING;
    const list = line.slice(line.indexOf("\t") + 1);
    return (list === "" ? [] : list.split(";")).map((entry) => {
      const [id = "", score = "", fields = ""] = entry.split(" ");
      return { id, score: Number(score), fields: fields.split(",") };
    });
  }
}
