import { FACTS_SHOWN, type InboxGroup, type InboxView } from "./inbox.js";
import { reportMessages as say } from "./report-messages.js";

/** Phrasings and facts shown per group; the rest are counted. */
const SHOWN = 3;

const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, count]) => `${key} ${count}`)
    .join(", ");

function groupLines(group: InboxGroup, n: string, indent: string): string[] {
  const state = group.state === "new" ? "" : ` [${group.state}]`;
  const kind = group.kind === "declined" ? say.declined : say.disliked;
  const lines = [`${n}. ${group.id} ${kind} ${group.count}× ${group.text || "(no words)"}${state}`];
  if (group.followed !== undefined) lines.push(`${indent}${say.after(group.followed)}`);
  if (group.variants.length > 0) {
    lines.push(`${indent}${say.alsoAsked(group.variants.slice(0, SHOWN), group.variants.length - SHOWN)}`);
  }
  const facts = group.facts.slice(0, SHOWN);
  const context = [
    say.lastAsked(group.lastAsked.slice(0, 10)),
    listed(group.platforms),
    group.kind === "declined" ? say.nearest(facts) : say.answeredWith(facts),
    ...(Object.keys(group.reasons).length > 0 ? [say.reasons(listed(group.reasons))] : []),
  ];
  lines.push(`${indent}${context.join(" · ")}`);
  return lines;
}

/** The inbox as curators read it: the groups most asked first, then the numbers, then how to act. */
export function reportText(view: InboxView): string {
  if (view.records === 0) {
    return [say.empty(view.source), ...(view.skipped > 0 ? [say.skipped(view.skipped)] : [])].join("\n");
  }
  const lines = [say.heading(view.records, view.listed, view.source), ""];
  const width = String(view.groups.length).length;
  view.groups.forEach((group, i) => {
    lines.push(...groupLines(group, String(i + 1).padStart(width), " ".repeat(width + 2)));
  });
  if (view.listed > view.groups.length) lines.push("", say.moreGroups(view.listed - view.groups.length));
  if (view.handled > 0) lines.push("", say.handled(view.handled));
  const rates = Object.entries(view.answerRate).map(([language, r]) =>
    say.rate(language, r.answered, r.declined, r.rate),
  );
  lines.push("", say.answerRate, ...(rates.length > 0 ? rates : [say.none]));
  const facts = view.mostAsked.map((f) => `  ${f.id} ${f.count}`);
  lines.push("", say.mostAsked, ...(facts.length > 0 ? facts : [say.none]));
  const votes = view.votes.map((v) => `  ${v.id} 👍${v.up} 👎${v.down}`);
  lines.push("", say.votes, ...(votes.length > 0 ? votes : [say.none]));
  const due = view.dueForReview.slice(0, FACTS_SHOWN).map((d) => `  ${d.id} ${say.since(d.since)}`);
  if (view.dueForReview.length > FACTS_SHOWN) due.push(say.moreDue(view.dueForReview.length - FACTS_SHOWN));
  lines.push("", say.dueForReview, ...(due.length > 0 ? due : [say.none]));
  if (view.skipped > 0) lines.push("", say.skipped(view.skipped));
  if (view.groups.length > 0) lines.push("", say.actions);
  return lines.join("\n");
}
