import { ENTITY_KINDS, type EntityKind, PLACE_KINDS, type ValueType } from "../knowledge/schema.js";
import type { AnswerType } from "../language/answer-type.js";
import type { Figures } from "../language/figures.js";
import { type ClaimIndex, type Frame, type IndexedClaim, NAMED_AT_ALL } from "./claims.js";

/** The kinds of subject a "which …" question picks among: "which city" among places. */
const PICKED_AMONG: Readonly<Partial<Record<AnswerType, readonly EntityKind[]>>> = {
  place: PLACE_KINDS,
  organisation: ["organisation", "company"],
  person: ["person"],
};

/** Value types that can be ordered by size. */
const MEASURED: readonly ValueType[] = ["count", "percent", "money", "area"];

/**
 * The claim a superlative asks for: "which city do most returnee founders pick" is answered by the
 * claim with the highest value of the property it names best (the superlative's own words, "pick",
 * "popular", leave it less than outright), among the claims whose subject
 * is of the kind it asks for (Beijing's 24.3% share). Undefined when the question is no superlative,
 * names something (its own claims answer it), names no measured property, or fewer than two
 * subjects of that kind have one to compare.
 */
export function highest(frame: Frame, claims: ClaimIndex, figures: Figures): IndexedClaim | undefined {
  const [named] = frame.properties;
  if (!frame.superlative || frame.subjects.length > 0 || named === undefined) return undefined;
  const { property } = named;
  if (named.share < NAMED_AT_ALL || !MEASURED.includes(property.type)) return undefined;
  // "Which city has the highest share" picks among cities; "what is the highest share" among all.
  const kinds = PICKED_AMONG[frame.worded] ?? (frame.worded === property.type ? ENTITY_KINDS : undefined);
  if (kinds === undefined) return undefined;
  const sized = claims.ofProperty(property.id).flatMap((c) => {
    const kind = claims.kindOf(c.claim.subject);
    const size = figures.magnitude(c.claim.value);
    const fits = c.standing.status !== "superseded" && kind !== undefined && kinds.includes(kind);
    return fits && size !== undefined ? [{ c, size }] : [];
  });
  if (new Set(sized.map(({ c }) => c.claim.subject)).size < 2) return undefined;
  return sized.reduce((top, next) => (next.size > top.size ? next : top)).c;
}
