import { ENTITY_KINDS, type ValueType } from "../knowledge/schema.js";
import type { Figures } from "../language/figures.js";
import { type ClaimIndex, type Frame, type IndexedClaim, NAMED_AT_ALL, PICKED_AMONG } from "./claims.js";

/** Value types that can be ordered by size. */
const MEASURED: readonly ValueType[] = ["count", "percent", "money", "area"];

/**
 * The claim a superlative asks for: "which city do most returnee founders pick" is answered by the
 * claim with the highest value of the property it names best (the superlative's own words, "pick",
 * "popular", leave it less than outright), among the claims whose subject
 * is of the kind it asks for (Beijing's 24.3% share). Undefined when the question is no superlative,
 * names something of that kind (its own claims answer it), names no measured property, or fewer than two
 * subjects of that kind have one to compare.
 */
export function highest(frame: Frame, claims: ClaimIndex, figures: Figures): IndexedClaim | undefined {
  const [named] = frame.properties;
  if (!frame.superlative || named === undefined) return undefined;
  const { property } = named;
  if (named.share < NAMED_AT_ALL || !MEASURED.includes(property.type)) return undefined;
  // "Which city has the highest share" picks among cities; "what is the highest share" among all.
  const kinds =
    PICKED_AMONG[frame.picks ?? frame.worded] ?? (frame.worded === property.type ? ENTITY_KINDS : undefined);
  if (kinds === undefined || frame.subjects.some((e) => kinds.includes(e.kind))) return undefined;
  // Other things named ("according to the CCG") say where the claims compared are made.
  const sized = claims.ofProperty(property.id).flatMap((c) => {
    const kind = claims.kindOf(c.claim.subject);
    const size = figures.magnitude(c.claim.value);
    const fits =
      c.standing.status !== "superseded" &&
      kind !== undefined &&
      kinds.includes(kind) &&
      frame.subjects.every((e) => c.fact.closure.has(e.id));
    return fits && size !== undefined ? [{ c, size }] : [];
  });
  if (new Set(sized.map(({ c }) => c.claim.subject)).size < 2) return undefined;
  return sized.reduce((top, next) => (next.size > top.size ? next : top)).c;
}
