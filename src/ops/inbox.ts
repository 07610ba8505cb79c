import type { Inbox, InboxState } from "../core/knowledge/schema.js";
import type { Group, LogTally, Votes } from "./report.js";

/** A group as the inbox lists it: with its state. */
export interface InboxGroup extends Group {
  state: "new" | InboxState;
}

/** A fact and a count. */
export interface FactCount {
  id: string;
  count: number;
}

/** Everything `report` shows, with stable keys: `report --json` prints it as it is. */
export interface InboxView {
  /** Where the records were read: the log file or the Redis stream. */
  source: string;
  records: number;
  skipped: number;
  /** Groups of the states listed (new and pending unless --all), most asked first, at most --top. */
  groups: InboxGroup[];
  /** Groups listed, before --top cut them. */
  listed: number;
  /** Groups left out because they are done or ignored. */
  handled: number;
  /** Per language: questions answered, declined, and the share answered (0 to 1). */
  answerRate: Record<string, { answered: number; declined: number; rate: number }>;
  /** The facts answers led with most often. */
  mostAsked: FactCount[];
  /** Per fact, votes on answers that showed it, most 👎 first. */
  votes: (Votes & { id: string })[];
  /** Facts whose figures are due for review, longest overdue first, with the date they fell due. */
  dueForReview: Due[];
}

/** A fact due for review: its id and the date (YYYY-MM or YYYY-MM-DD) it fell due. */
export interface Due {
  id: string;
  since: string;
}

export interface InboxOptions {
  top: number;
  /** Done and ignored groups too. */
  all: boolean;
  /** Facts due for review, from the facts' review dates (see core/knowledge/review.ts). */
  dueForReview?: readonly Due[];
}

/** Facts shown in the most-asked and votes sections. */
export const FACTS_SHOWN = 10;

/**
 * The state of a group: the one recorded under its id, else under a group that held one of its
 * phrasings (its id drifts when another phrasing becomes the most asked), else new.
 */
export function stateOf(group: Group, states: Inbox): InboxGroup["state"] {
  const byId = states.groups[group.id];
  if (byId !== undefined) return byId.state;
  const phrasings = new Set([group.text, ...group.variants]);
  return Object.values(states.groups).find((s) => s.questions.some((q) => phrasings.has(q)))?.state ?? "new";
}

/** The inbox: the tally's groups with their states, and the numbers curators watch. */
export function inboxView(source: string, tally: LogTally, states: Inbox, options: InboxOptions): InboxView {
  const all = tally.groups().map((g): InboxGroup => ({ ...g, state: stateOf(g, states) }));
  const shown = all.filter((g) => options.all || g.state === "new" || g.state === "pending");
  const answerRate = Object.fromEntries(
    [...tally.rates]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([language, { answered, declined }]) => [
        language,
        { answered, declined, rate: Math.round((answered / (answered + declined)) * 1000) / 1000 },
      ]),
  );
  return {
    source,
    records: tally.records,
    skipped: tally.skipped,
    groups: shown.slice(0, options.top),
    listed: shown.length,
    handled: all.length - all.filter((g) => g.state === "new" || g.state === "pending").length,
    answerRate,
    mostAsked: [...tally.asked]
      .map(([id, count]) => ({ id, count }))
      .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id))
      .slice(0, FACTS_SHOWN),
    votes: [...tally.votes]
      .map(([id, v]) => ({ id, ...v }))
      .sort((a, b) => b.down - a.down || b.up - a.up || a.id.localeCompare(b.id))
      .slice(0, FACTS_SHOWN),
    dueForReview: [...(options.dueForReview ?? [])],
  };
}
