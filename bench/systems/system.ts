import type { Reply } from "../../test/eval/grade.js";

/** The names of the systems the benchmark compares. */
export const SYSTEM_NAMES = ["bot", "fuse.js", "minisearch"] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

/** Something that turns one raw input line into a reply the grader can judge. */
export interface System {
  name: SystemName;
  answer(line: string): Reply;
}

export function isSystemName(name: string | undefined): name is SystemName {
  return SYSTEM_NAMES.some((n) => n === name);
}
