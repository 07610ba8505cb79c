import type { UnansweredTally } from "./report.js";
import { reportMessages as say } from "./report-messages.js";

/** Phrasings and facts shown per group; the rest are counted. */
const SHOWN = 3;

/** The report as curators read it: the groups most asked first, each with its count and context. */
export function reportText(file: string, tally: UnansweredTally, top: number): string {
  if (tally.records === 0) {
    return [say.empty(file), ...(tally.skipped > 0 ? [say.skipped(tally.skipped)] : [])].join("\n");
  }
  const groups = tally.groups();
  const lines = [say.heading(tally.records, groups.length, file), ""];
  const width = String(Math.min(top, groups.length)).length;
  groups.slice(0, top).forEach((group, i) => {
    const indent = " ".repeat(width + 2);
    lines.push(`${String(i + 1).padStart(width)}. ${group.count}× ${group.text || "(no words)"}`);
    if (group.variants.length > 0) {
      lines.push(`${indent}${say.alsoAsked(group.variants.slice(0, SHOWN), group.variants.length - SHOWN)}`);
    }
    const platforms = Object.entries(group.platforms)
      .map(([platform, count]) => `${platform} ${count}`)
      .join(", ");
    lines.push(
      `${indent}${[say.lastAsked(group.lastAsked.slice(0, 10)), platforms, say.nearest(group.considered.slice(0, SHOWN))].join(" · ")}`,
    );
  });
  if (groups.length > top) lines.push("", say.moreGroups(groups.length - top));
  if (tally.skipped > 0) lines.push("", say.skipped(tally.skipped));
  return lines.join("\n");
}
