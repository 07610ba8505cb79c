import type { ClaimIndex, IndexedClaim } from "../answering/claims.js";
import type { KnowledgeBase } from "./loader.js";
import type { Claim, Fact, Property, Status } from "./schema.js";

/**
 * Whether a figure still holds and when it is next to be checked, after Wikidata's ranks and
 * Guru's verification intervals. A claim's own fields override its fact's; whether it dates
 * overrides its property's flag.
 */
export interface Standing {
  status: Status;
  volatile: boolean;
  reviewAfter?: string;
  reviewedOn?: string;
  supersededBy?: string;
}

type ReviewFields = Pick<Fact, "status" | "volatile" | "reviewAfter" | "reviewed" | "supersededBy">;

function standingOf(own: ReviewFields, fact: Fact, volatile: boolean): Standing {
  const reviewAfter = own.reviewAfter ?? fact.reviewAfter;
  const reviewedOn = (own.reviewed ?? fact.reviewed)?.on;
  const supersededBy = own.supersededBy ?? fact.supersededBy;
  return {
    status: own.status ?? fact.status ?? "current",
    volatile: own.volatile ?? fact.volatile ?? volatile,
    ...(reviewAfter === undefined ? {} : { reviewAfter }),
    ...(reviewedOn === undefined ? {} : { reviewedOn }),
    ...(supersededBy === undefined ? {} : { supersededBy }),
  };
}

/** A claim's standing: its own fields, else its fact's, else (whether it dates) its property's. */
export function claimStanding(fact: Fact, claim: Claim, property: Property | undefined): Standing {
  return standingOf(claim, fact, property?.volatile ?? true);
}

/** What a fact's figures stand on: each claim's standing, or the fact's own when it has no claims. */
function standings(fact: Fact, kb: KnowledgeBase): { ref: string; standing: Standing }[] {
  if (fact.claims.length === 0) return [{ ref: fact.id, standing: standingOf(fact, fact, true) }];
  return fact.claims.map((claim, n) => ({
    ref: `${fact.id}#${n}`,
    standing: claimStanding(fact, claim, kb.properties.get(claim.property)),
  }));
}

const DAY_MS = 86_400_000;
/** The day last asked for, by its number since 1970: answer after answer, the clock reads the same day. */
let lastDay = { number: Number.NaN, day: "" };

/** "2026-12-06": the day a date falls on (UTC), as review dates are compared. */
function day(date: Date): string {
  const number = Math.floor(date.getTime() / DAY_MS);
  if (number !== lastDay.number) lastDay = { number, day: date.toISOString().slice(0, 10) };
  return lastDay.day;
}

/**
 * Whether a current figure's review date has come ("2019-07" from 1 July 2019) and no check on
 * or after it is recorded. Superseded and historical figures are settled: they are not reviewed.
 */
function due(standing: Standing, today: string): standing is Standing & { reviewAfter: string } {
  const { status, reviewAfter, reviewedOn } = standing;
  if (status !== "current" || reviewAfter === undefined || reviewAfter > today) return false;
  return reviewedOn === undefined || reviewedOn < reviewAfter;
}

/** A fact due for review: since when, which of its claims, and its last check. */
export interface DueReview {
  fact: string;
  /** The earliest review date that has come: YYYY-MM or YYYY-MM-DD. */
  since: string;
  /** The claims due, as `factId#n`; the fact's own id when it has no claims. */
  claims: string[];
  reviewed?: { on: string; by: string };
}

/** The facts due for review on a day, longest overdue first: what `kb-check --stale` and the curators' inbox list. */
export function dueForReview(kb: KnowledgeBase, today: Date): DueReview[] {
  const on = day(today);
  return [...kb.facts.values()]
    .flatMap((fact) => {
      const claims = standings(fact, kb).filter(({ standing }) => due(standing, on));
      const since = claims.map(({ standing }) => standing.reviewAfter as string).sort()[0];
      if (since === undefined) return [];
      return [
        {
          fact: fact.id,
          since,
          claims: claims.map((c) => c.ref),
          ...(fact.reviewed === undefined ? {} : { reviewed: fact.reviewed }),
        },
      ];
    })
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.fact < b.fact ? -1 : 1));
}

/** The standings of each fact's figures that date, worked out on the first answer that shows it: a loaded fact never changes. */
const dating = new WeakMap<Fact, readonly Standing[]>();

/** Since when these facts' volatile figures have been due for review, for the answer's age line; undefined when none is. */
export function overdueSince(facts: readonly Fact[], kb: KnowledgeBase, now: Date): string | undefined {
  const on = day(now);
  let earliest: string | undefined;
  for (const fact of facts) {
    for (const standing of datingStandings(fact, kb)) {
      if (due(standing, on) && (earliest === undefined || standing.reviewAfter < earliest))
        earliest = standing.reviewAfter;
    }
  }
  return earliest;
}

function datingStandings(fact: Fact, kb: KnowledgeBase): readonly Standing[] {
  let volatile = dating.get(fact);
  if (volatile === undefined) {
    volatile = standings(fact, kb)
      .map(({ standing }) => standing)
      .filter((standing) => standing.volatile);
    dating.set(fact, volatile);
  }
  return volatile;
}

/**
 * What a supersededBy reference names: a whole fact, or one of its claims (`factId#n`).
 * Undefined when the fact is unknown or has no such claim.
 */
export function referenced(
  ref: string,
  facts: ReadonlyMap<string, Fact>,
): { fact: Fact; claim?: number } | undefined {
  const [id = "", n] = ref.split("#");
  const fact = facts.get(id);
  if (fact === undefined) return undefined;
  if (n === undefined) return { fact };
  return Number(n) < fact.claims.length ? { fact, claim: Number(n) } : undefined;
}

/**
 * Problems of a fact's review fields the schema cannot see: a superseded fact or claim that names
 * nothing newer, a supersededBy on one that is not superseded, a reference to an unknown fact or
 * claim, or to itself.
 */
export function reviewProblems(fact: Fact, at: string, facts: ReadonlyMap<string, Fact>): string[] {
  const own = [
    { here: at, fields: fact as ReviewFields, status: fact.status, self: fact.id },
    ...fact.claims.map((claim, i) => ({
      here: `${at}.claims[${i}]`,
      fields: claim as ReviewFields,
      status: claim.status ?? fact.status,
      self: `${fact.id}#${i}`,
    })),
  ];
  return own.flatMap(({ here, fields, status, self }) => {
    const ref = fields.supersededBy;
    if (ref === undefined) {
      // A claim of a superseded fact follows the fact's supersededBy; only a status set here needs one here.
      const needs = fields.status === "superseded" && (fields === fact || fact.supersededBy === undefined);
      return needs ? [`${here}.supersededBy: a superseded figure must name what supersedes it`] : [];
    }
    if (status !== "superseded") return [`${here}.supersededBy: given, but its status is not "superseded"`];
    const target = referenced(ref, facts);
    if (target === undefined) return [`${here}.supersededBy: unknown fact or claim "${ref}"`];
    // A fact cannot be superseded by itself or its own claims; a claim, by itself or its whole fact.
    const itself = target.fact === fact && (fields === fact || target.claim === undefined || ref === self);
    return itself ? [`${here}.supersededBy: "${ref}" is itself`] : [];
  });
}

/**
 * The claim that holds in place of a superseded one, following supersededBy as far as it goes: the
 * claim named, or of the fact named, its claim of the same subject and property (else of the same
 * property, else its first). The claim itself when it is not superseded; undefined when what
 * supersedes it states no claim, or the chain runs in a circle.
 */
export function current(
  claim: IndexedClaim,
  claims: Pick<ClaimIndex, "ofFact">,
  facts: ReadonlyMap<string, Fact>,
): IndexedClaim | undefined {
  let at: IndexedClaim | undefined = claim;
  for (let step = 0; at !== undefined && at.standing.status === "superseded"; step++) {
    const ref: string | undefined = at.standing.supersededBy;
    const target: ReturnType<typeof referenced> = ref === undefined ? undefined : referenced(ref, facts);
    if (target === undefined || step > facts.size) return undefined;
    const theirs = claims.ofFact(target.fact.id);
    const from: IndexedClaim = at;
    const same = (c: IndexedClaim) => c.property.id === from.property.id;
    at =
      target.claim !== undefined
        ? theirs[target.claim]
        : (theirs.find((c) => same(c) && c.claim.subject === from.claim.subject) ??
          theirs.find(same) ??
          theirs[0]);
  }
  return at;
}
