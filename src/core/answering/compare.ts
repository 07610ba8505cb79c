import { PLACE_KINDS } from "../knowledge/schema.js";
import { type Query, understand } from "../language/understand.js";
import type { Vocabulary } from "../language/vocabulary.js";
import { withFields } from "../objects.js";
import type { IndexedFact, Ranked } from "./search.js";

/** Answer types that are a name: in a comparison of names they are the comparison itself. */
const ENTITY_ANSWERS: readonly Query["type"][] = ["person", "organisation", "place"];

/**
 * The two queries of a question that asks two things. Names of one kind on both sides ("beijing or
 * shanghai") make a comparison of those names over the whole question; otherwise each side keeps
 * its own words, with the shared lead's, and borrows what it lacks (places, years, the answer type)
 * from the whole question; the other side's words only help it rank.
 */
export function partsOf(
  split: { lead: string; segments: [string, string] },
  whole: Query,
  vocabulary: Vocabulary,
): { sides: Query[]; byName: boolean } | undefined {
  const [a, b] = split.segments.map((s) => understand(s, vocabulary, whole.language)) as [Query, Query];
  const lead = understand(split.lead, vocabulary, whole.language);
  const common = a.entities.filter((e) => b.entities.some((o) => o.kind === e.kind)).map((e) => e.kind);
  if (common.length > 0) {
    // Each side drops the names of the compared kind that the other side gives; shared names stay.
    // "Which city …, X or Y?" asks which of the named: each side asks what the question asks of it.
    const type = ENTITY_ANSWERS.includes(whole.type) ? "any" : whole.type;
    const sideOf = (side: Query, other: Query) => ({
      ...whole,
      type,
      entities: whole.entities.filter(
        (e) => !common.includes(e.kind) || !other.entities.includes(e) || side.entities.includes(e),
      ),
    });
    return { sides: [sideOf(a, b), sideOf(b, a)], byName: true };
  }
  // A side without names of its own takes the whole question's places; the other side's other
  // names only when it points back to them ("how many projects did they bring").
  const side = (own: Query, other: Query, text: string): Query => {
    const named = [...lead.entities, ...own.entities];
    const standsAlone = own.terms.some((t) => !t.light);
    const borrowed =
      vocabulary.grammar.followUp.refersBack.test(text) || !standsAlone
        ? whole.entities
        : whole.entities.filter((e) => PLACE_KINDS.includes(e.kind));
    return withFields(own, {
      language: whole.language,
      entities: named.length > 0 ? named : borrowed,
      terms: [...lead.terms, ...own.terms],
      years: own.years.length > 0 ? own.years : whole.years,
      type: own.type !== "any" ? own.type : whole.type,
      context: other.terms.map((t) => t.term),
    });
  };
  // The second side often leaves out what the first said ("incubators total vs just the high-tech
  // ones"), so it ranks with the first side's words too; the first side never borrows the second's.
  const [first, second] = split.segments;
  const parts = [withFields(side(a, b, first), { context: [] }), side(b, a, second)];
  const asksSomething = (side: Query, own: Query) => own.entities.length > 0 || side.terms.length > 0;
  return asksSomething(parts[0] as Query, a) && asksSomething(parts[1] as Query, b)
    ? { sides: parts, byName: false }
    : undefined;
}

/**
 * One fact per part: the part with the fewest candidates chooses first, then each takes its best
 * fact that no other part took, or its best when every one is taken.
 */
export function distinct(lists: Ranked[][]): (Ranked | undefined)[] {
  const taken = new Set<IndexedFact>();
  const picks: (Ranked | undefined)[] = lists.map(() => undefined);
  const order = lists.map((list, i) => ({ list, i })).sort((x, y) => x.list.length - y.list.length);
  for (const { list, i } of order) {
    const pick = list.find((r) => !taken.has(r.indexed)) ?? list[0];
    if (pick !== undefined) taken.add(pick.indexed);
    picks[i] = pick;
  }
  return picks;
}
