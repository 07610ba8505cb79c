import { type Entity, PLACE_KINDS } from "../knowledge/schema.js";
import { fits } from "../language/answer-type.js";
import type { Query } from "../language/query.js";
import { isCjk, isNumber } from "../language/text.js";
import { type ClaimIndex, tiers, wanted } from "./claims.js";
import { bestFirst, type Scoring } from "./scoring.js";
import { type FactIndex, type IndexedFact, kindTerm, RANKING, type Ranked } from "./search.js";

/** How much of a question a fact matches, and why: the numbers `--explain` shows. */
export interface Coverage {
  /** Share of the question's weight matched, 0 to 1. */
  share: number;
  /** The question's words that say what it is about (entities aside), and how many of them the fact has. */
  terms: number;
  matched: number;
  /** The question's terms the fact does not have. */
  missing: string[];
  /** Share of the weight of all the question's words, light ones too, matched. */
  whole: number;
  /**
   * Whether the fact holds each word of the question that one fact alone uses ("tax" in "what tax
   * incentives does Hangzhou give", said only of Guangzhou's plan): a fact without it answers
   * something else, and the one that has it is about something else.
   */
  rare: boolean;
}

export type Retrieved =
  | {
      found: true;
      best: Ranked[];
      coverage: Coverage;
      /** The facts that cover the question at the tier that answered, best first: where matching looks for the claim. */
      passing: Ranked[];
      /** The tier of answer types that answered. */
      tier: number;
      /** The thing the question describes without naming it, whose facts these are (see Candidates.described). */
      described?: Entity;
    }
  | {
      found: false;
      /** The best fact it considered, if any came near. */
      nearest?: Ranked;
      /** A passing answer the question's years excluded: "my sources give 2017, not 2023". */
      otherYear?: Ranked;
      /** A passing answer about the question's other names in another place: "Guangzhou's, not Shenzhen's". */
      elsewhere?: Ranked;
    };

/** The kinds of thing a question may describe rather than name, by the answer it asks: who, or which body. */
const DESCRIBED: Partial<Record<Query["type"], readonly Entity["kind"][]>> = {
  person: ["person"],
  organisation: ["organisation", "company"],
};
/** How many of the best facts the question's words reach are looked at for the thing it describes. */
const DESCRIBED_FROM = 12;

/** How many of each tier's best facts `--explain` shows. */
const TRACED = 5;

/** Inspects each fact retrieval looks at, for `--explain`. */
export type Tracer = (step: string, ranked: readonly Ranked[], coverage: (r: Ranked) => Coverage) => void;

/**
 * How much of the question a fact matches. The entities it names only narrow the candidates
 * (retrieval looks only at facts about them); what decides is its words that say what it asks
 * about (nouns, numbers, names), each weighing its inverse document frequency. Verbs, adjectives
 * and common words ("bring", "good") only help to rank.
 */
export function coverage(query: Query, ranked: Pick<Ranked, "indexed">, index: FactIndex): Coverage {
  return coverageOf(askedOf(query, index), ranked.indexed);
}

/** A word of the question that can say what it asks about (see saysSomething), with its weight. */
interface Weighed {
  term: string;
  guessed: boolean;
  /** A common word ("bring", "good"): counted only in the share of all the question's words. */
  light: boolean;
  /** A word no fact uses. */
  unknown: boolean;
  /** A word one fact alone uses. */
  once: boolean;
  /** Read from a word taken for mistyped. */
  corrected: boolean;
  weight: number;
}

/** The question's words that can say what it asks about, each with its weight: weighed once per question. */
function weighed(query: Query, index: FactIndex): Weighed[] {
  return query.terms
    .filter((t) => saysSomething(t.term, index))
    .map(({ term, guessed = false, light, corrected = false }) => ({
      term,
      guessed,
      corrected,
      light,
      unknown: !index.known(term),
      once: index.once(term),
      weight: index.weight(term),
    }));
}

/** What coverage measures every fact against, worked out once per question. */
interface Asked {
  words: readonly Weighed[];
  /** Whether it names things. */
  named: boolean;
  /** The words one fact alone uses, said outright in English, that a fact must hold (see Coverage.rare). */
  rare: readonly string[];
  /** Whether it names nothing and gives only figures and light words ("what is 2 + 2"). */
  figuresOnly: boolean;
  /** Whether it has a Chinese word the sources never use (上海的房价). */
  unknownChinese: boolean;
}

function askedOf(query: Query, index: FactIndex): Asked {
  const words = weighed(query, index);
  const named = query.entities.length > 0;
  // Said outright in English: a Chinese run's words or a word taken for mistyped may be read otherwise.
  const rare = words
    .filter((w) => w.once && !w.light && !w.guessed && !w.corrected && !isCjk(w.term))
    .map((w) => w.term);
  return {
    words,
    named,
    rare,
    figuresOnly: !named && words.every((w) => w.light || isNumber(w.term)),
    unknownChinese: words.some((w) => w.unknown && isCjk(w.term)),
  };
}

/**
 * How much of the question's weighed words a fact matches (see coverage). The word a "how many"
 * counts, when the fact counts it by a claim whose property that word names, is held though its
 * sentence words it otherwise ("areas" of a plan whose sentence says aspects).
 */
function coverageOf(
  { words: asked, named, rare: rareTerms, figuresOnly, unknownChinese }: Asked,
  indexed: Pick<IndexedFact, "terms">,
  countedByClaim?: string,
): Coverage {
  let total = 0;
  let matched = 0;
  let wholeTotal = 0;
  let wholeMatched = 0;
  let terms = 0;
  let termsMatched = 0;
  const missing: string[] = [];
  const held = (term: string) => indexed.terms.has(term) || term === countedByClaim;
  const rare = rareTerms.every(held);
  for (const { term, guessed, light, weight } of asked) {
    const has = held(term);
    const credit = !has ? 0 : guessed ? weight * RANKING.guessCredit : weight;
    wholeTotal += weight;
    wholeMatched += credit;
    if (light) continue;
    total += weight;
    matched += credit;
    terms++;
    if (has) termsMatched++;
    else missing.push(term);
  }
  // A question that names things and asks nothing narrower is covered by any fact about them; one
  // that adds a Chinese word the sources never use (上海的房价) asks about that word. One that names
  // nothing and gives only figures ("what is 2 + 2") is about no fact, whatever digits it shares.
  const share = total === 0 || figuresOnly ? (named && !unknownChinese ? 1 : 0) : matched / total;
  const whole = wholeTotal === 0 ? share : wholeMatched / wholeTotal;
  return { share, terms, matched: termsMatched, missing, whole, rare };
}

/**
 * Whether a term can say what a question asks: the knowledge base uses it, or it is a word a source
 * could hold ("salary", "France"). A letter left of a contraction ("I'm", "n" for "and") or
 * a figure run into letters ("67k", "4th") is shorthand: its absence from a fact is no reason to decline.
 */
export function saysSomething(term: string, index: Pick<FactIndex, "known">): boolean {
  return index.known(term) || isNumber(term) || isCjk(term) || !SHORTHAND.test(term);
}

/** A token of one letter, or digits run into letters. */
const SHORTHAND = /^(?:[a-z]|(?=.*\d)(?=.*[a-z])[a-z\d]+)$/;

/**
 * Whether a fact answers enough of the question: the one calibrated threshold on coverage; a
 * question about something (not only a name) has some of its words in the fact; and when no name
 * anchors the question, two of its words when it has two, so that one stray shared word
 * ("president" in "president of China") is not an answer, and enough of all its words, light ones
 * too (see RANKING.minWholeCoverage).
 */
export function passes(c: Coverage, anchored: boolean): boolean {
  if (!c.rare) return false;
  if (anchored) return c.share >= RANKING.minCoverage && c.matched >= Math.min(1, c.terms);
  return (
    c.share >= RANKING.minCoverage && c.matched >= Math.min(2, c.terms) && c.whole >= RANKING.minWholeCoverage
  );
}

/**
 * The words of which a fact must hold one to pass (see passes): the question's heaviest words, taken
 * until the weight of the rest falls short of the coverage threshold, since a fact holding none of
 * them matches at most the rest. Undefined when the question has no such words (only names and
 * light words), where every fact about its names covers it. Only the facts these words reach are
 * scored and have their coverage measured.
 */
export function neededTerms(query: Query, index: FactIndex): ReadonlySet<string> | undefined {
  return neededOf(weighed(query, index));
}

/** The needed words (see neededTerms) of a question's weighed words: those coverage counts, not light ones. */
function neededOf(words: readonly Weighed[]): ReadonlySet<string> | undefined {
  const asked = words.filter((w) => !w.light).sort((a, b) => b.weight - a.weight);
  const total = asked.reduce((sum, w) => sum + w.weight, 0);
  if (total === 0) return undefined;
  const needed = new Set<string>();
  // Short of the threshold by a margin that rounding in coverage's own sums can never cross.
  const short = RANKING.minCoverage * total * (1 - 1e-9);
  let rest = total;
  for (const { term, weight } of asked) {
    if (rest < short) break;
    needed.add(term);
    rest -= weight;
  }
  return needed;
}

/** The question's terms, and the kind of answer it wants unless it wants any (which says nothing). */
function searchTerms(query: Query): string[] {
  const terms = query.terms.map((t) => t.term);
  return query.type === "any" ? terms : [...terms, kindTerm(query.type)];
}

/**
 * Finds the facts that answer a question, in one scoring: BM25 over the facts its terms reach
 * (about the names it gives, places aside). Then filters only: the places and years it names,
 * the answer type tier by tier (a "when" is answered by a date), the one coverage threshold.
 * A decline's other candidates (the figure for another year, or for another place) come from the
 * same scoring, never from a second retrieval.
 */
export function retrieve(query: Query, index: FactIndex, claims: ClaimIndex, trace?: Tracer): Retrieved {
  const places = query.entities.filter((e) => PLACE_KINDS.includes(e.kind));
  const others = query.entities.filter((e) => !places.includes(e));
  const reached = index.score(
    searchTerms(query),
    query.context,
    others.map((e) => e.id),
  );
  const candidates = new Candidates(query, index, claims, reached);
  const asked = candidates.answer(query.entities, query.years, trace);
  if (asked !== undefined) return asked;
  const described = candidates.described(() => index.score(searchTerms(query), query.context, []), trace);
  if (described !== undefined) return described;
  // Optional fields are set, not spread in: see objects.ts.
  const declined: Extract<Retrieved, { found: false }> = { found: false };
  const nearest = candidates.nearest();
  if (nearest !== undefined) declined.nearest = nearest;
  const otherYear = query.years.length > 0 ? candidates.answer(query.entities, [])?.best[0] : undefined;
  if (otherYear !== undefined) declined.otherYear = otherYear;
  else if (places.length > 0) {
    const elsewhere = candidates.answer(others, query.years)?.best[0];
    if (elsewhere !== undefined) declined.elsewhere = elsewhere;
  }
  return declined;
}

/** The facts one scoring reached, filtered for each answer a question may take, with each fact's coverage measured once. */
class Candidates {
  private readonly coverages = new Map<IndexedFact, Coverage>();
  private readonly asked: Asked;
  private readonly counted: string | undefined;
  private readonly needed: readonly string[] | undefined;
  /** Whether the question has a word that is not light: else every fact about its names covers it. */
  private readonly wordy: boolean;

  constructor(
    private readonly query: Query,
    private readonly index: FactIndex,
    private readonly claims: ClaimIndex,
    private readonly reached: Scoring,
  ) {
    this.asked = askedOf(query, index);
    this.counted = query.counted !== undefined && index.known(query.counted) ? query.counted : undefined;
    const needed = neededOf(this.asked.words);
    this.needed = needed === undefined ? undefined : [...needed];
    this.wordy = query.terms.some((t) => !t.light);
  }

  /**
   * The best facts about these names that hold for these years and cover the question, at the
   * first tier of answer types that has one; the best of them answers and those close behind
   * come along. Undefined when none does.
   */
  answer(
    entities: readonly Entity[],
    years: readonly string[],
    trace?: Tracer,
  ): Extract<Retrieved, { found: true }> | undefined {
    const { query } = this;
    const anchored = entities.length > 0;
    // Only the facts that hold one of the needed words, or count what a "how many" counts by a
    // claim, are scored. Scoring gives the first best first, so the list is sorted only when
    // facts counted by a claim join it. A question that names things and needs no word is covered
    // by every fact about them or by none (see coverageOf): it is measured on the first that holds.
    const measured = (f: IndexedFact) => passes(this.coverage(f), anchored);
    let every: boolean | undefined;
    const covered =
      anchored && this.needed === undefined ? (f: IndexedFact) => (every ??= measured(f)) : measured;
    const covers = (f: IndexedFact) => this.holds(f, years) && covered(f);
    const reached = this.about(entities, covers, this.needed);
    const counting = this.countingByClaim(entities, covers);
    const covering = counting.length === 0 ? reached : [...reached, ...counting].sort(bestFirst);
    const named = (id: string) => this.index.kb.entities.get(id);
    for (let tier = 0; tier < tiers(query.type); tier++) {
      const typed = (r: Ranked) => typedFor(query, entities, tier, r.indexed, this.claims, named);
      if (trace !== undefined) {
        const dated = this.about(entities, (f) => this.holds(f, years)).filter(typed);
        trace(`answer type ${query.type}, tier ${tier + 1}`, dated.slice(0, TRACED), (r) =>
          this.coverage(r.indexed),
        );
      }
      const passing: Ranked[] = [];
      for (const r of covering) {
        if (passing.length === RANKING.maxCandidates) break;
        if (typed(r)) passing.push(r);
      }
      const [top] = passing;
      if (top !== undefined)
        return {
          found: true,
          best: closeBehind(passing),
          coverage: this.coverage(top.indexed),
          passing,
          tier,
        };
    }
    return undefined;
  }

  /**
   * The person or organisation a question describes without naming it, when no fact alone covers
   * it ("the CAS biomedicine researcher in gz who went to the US in 1985"): the one thing, among
   * those the best facts reached are about, whose facts together are about everything the question
   * names and cover its words, as one fact must. Its own facts, ranked by the question's words with
   * no name required of them, then answer as about it. Undefined when none does, or two do alike.
   */
  described(scoreAll: () => Scoring, trace?: Tracer): Extract<Retrieved, { found: true }> | undefined {
    const { query, index } = this;
    const kinds = DESCRIBED[query.type];
    // It is described by something named, and by words too unless by two names ("the Stanford
    // professor born in Zhongshan"); a question naming a thing of its kind asks about that one.
    if (
      kinds === undefined ||
      query.superlative === true ||
      query.entities.length < (this.needed === undefined ? 2 : 1) ||
      query.entities.some((e) => e.kind === "person" || kinds.includes(e.kind))
    )
      return undefined;
    const named = new Set(query.entities.map((e) => e.id));
    const scoring = scoreAll();
    const reached = scoring.about([], () => true, this.needed).slice(0, DESCRIBED_FROM);
    const things = new Set(reached.flatMap((r) => r.indexed.fact.entities).filter((id) => !named.has(id)));
    let best: { entity: Entity; coverage: Coverage; facts: number } | undefined;
    let tied = false;
    for (const id of things) {
      const entity = index.kb.entities.get(id);
      if (entity === undefined || !kinds.includes(entity.kind)) continue;
      const facts = index.aboutEntity(id);
      const about = new Set(facts.flatMap((f) => [...f.closure]));
      if (![...named].every((n) => about.has(n))) continue;
      const coverage = coverageOf(this.asked, { terms: new Set(facts.flatMap((f) => [...f.terms])) });
      if (!passes(coverage, true) || coverage.matched < Math.min(2, coverage.terms)) continue;
      // Between two described alike, the one with fewer facts is the one the words single out.
      const better =
        best === undefined
          ? 1
          : coverage.share - best.coverage.share ||
            coverage.whole - best.coverage.whole ||
            best.facts - facts.length;
      if (better > 0) [best, tied] = [{ entity, coverage, facts: facts.length }, false];
      else if (better === 0) tied = true;
    }
    if (best === undefined || tied) return undefined;
    const { entity, coverage } = best;
    const passing = scoring.about([entity.id]).slice(0, RANKING.maxCandidates);
    trace?.(`described: ${entity.id}, its facts together`, passing.slice(0, TRACED), () => coverage);
    if (passing.length === 0) return undefined;
    return { found: true, best: closeBehind(passing), coverage, passing, tier: 0, described: entity };
  }

  /** The best fact reached about the question's names: of a wanted type and year if any is, else any. */
  nearest(): Ranked | undefined {
    const { query } = this;
    const named = (id: string) => this.index.kb.entities.get(id);
    const pool = this.about(query.entities).filter((r) => r.score > 0);
    const fits = (r: Ranked) =>
      this.holds(r.indexed, query.years) &&
      Array.from({ length: tiers(query.type) }, (_, tier) => tier).some((tier) =>
        typedFor(query, query.entities, tier, r.indexed, this.claims, named),
      );
    return pool.find(fits) ?? pool[0];
  }

  /**
   * The facts reached that are about every one of these names (and reached by one of these
   * words, when given), best first; for a question with no word to match, every fact about
   * them, since each covers it.
   */
  private about(
    entities: readonly Entity[],
    keep: (indexed: IndexedFact) => boolean = () => true,
    reachedBy?: readonly string[],
  ): Ranked[] {
    const ids = entities.map((e) => e.id);
    if (entities.length === 0 || this.wordy) return this.reached.about(ids, keep, reachedBy);
    return this.reached.everyAbout(ids, keep);
  }

  /**
   * Whether a fact holds for these years (one of them, when the question joins them with "or")
   * and, for "how many X", counts X in its own sentence or by a claim whose property is named by X.
   */
  private holds(indexed: IndexedFact, years: readonly string[]): boolean {
    if (this.counted !== undefined && !indexed.own.has(this.counted) && !this.countsByClaim(indexed))
      return false;
    if (years.length === 0) return true;
    const has = (y: string) => indexed.years.has(y);
    return this.query.eitherYear === true ? years.some(has) : years.every(has);
  }

  /**
   * The facts about these names, kept, that no needed word reaches but that count what a "how
   * many" counts by a claim, which covers that word (see coverageOf).
   */
  private countingByClaim(entities: readonly Entity[], keep: (indexed: IndexedFact) => boolean): Ranked[] {
    const { needed } = this;
    if (this.counted === undefined || needed === undefined) return [];
    const unreached = (f: IndexedFact) => !needed.some((t) => f.terms.has(t));
    return this.about(entities, (f) => unreached(f) && this.countsByClaim(f) && keep(f));
  }

  /** Whether the fact counts what a "how many" counts by a count claim whose property that word names. */
  private countsByClaim(indexed: IndexedFact): boolean {
    const { counted } = this;
    return counted !== undefined && this.claims.counts(indexed.fact.id, counted, this.query.language);
  }

  /**
   * A fact's coverage, measured only of a fact that holds (see holds): one that counts what a "how
   * many" counts either says it in its own sentence, so holds the word anyway, or counts it by a claim.
   */
  private coverage(indexed: IndexedFact): Coverage {
    let known = this.coverages.get(indexed);
    if (known === undefined) {
      known = coverageOf(this.asked, indexed, this.counted);
      this.coverages.set(indexed, known);
    }
    return known;
  }
}
/** The best of the facts that answer and those close behind it, which come along. */
function closeBehind(passing: readonly Ranked[]): Ranked[] {
  const [top] = passing;
  return top === undefined
    ? []
    : passing
        .filter((r) => r === top || r.score >= top.score * RANKING.companionShare)
        .slice(0, RANKING.maxFacts);
}

/**
 * Whether a fact can answer a question of this type about these entities at this tier: it has a
 * claim with a value of a wanted type whose subject fits what the question names, or, as a fact
 * without claims is judged, a figure of a wanted type or a person, organisation or place beyond
 * those named; or, for a question that picks a thing of some kind, a claim whose subject is one
 * (see subjectAnswers). Matching then looks for the claim that agrees.
 */
function typedFor(
  { type, picks }: Pick<Query, "type" | "picks">,
  entities: readonly Entity[],
  tier: number,
  indexed: IndexedFact,
  claims: ClaimIndex,
  named: (id: string) => ReturnType<FactIndex["kb"]["entities"]["get"]>,
): boolean {
  const own = claims.ofFact(indexed.fact.id);
  if (own.length === 0) return fits(type, tier, indexed.fact, named, entities);
  return own.some(
    (c) =>
      (wanted(type, tier, c.property.type) && claims.subjectFit(c, entities) !== "other") ||
      claims.subjectAnswers(c, picks, entities),
  );
}
