import { reportMessages as say } from "../core/messages.js";
import type { Group, Parsed } from "./report.js";

/** Phrasings and facts shown per group; the rest are counted. */
const SHOWN = 3;

/** The report as curators read it: the groups most asked first, each with its count and context. */
export function reportText(file: string, parsed: Parsed, groups: readonly Group[], top: number): string {
  if (parsed.records.length === 0) {
    return [say.empty(file), ...(parsed.skipped > 0 ? [say.skipped(parsed.skipped)] : [])].join("\n");
  }
  const lines = [say.heading(parsed.records.length, groups.length, file), ""];
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
  if (parsed.skipped > 0) lines.push("", say.skipped(parsed.skipped));
  return lines.join("\n");
}
