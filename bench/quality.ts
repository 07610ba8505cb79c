import { type EvalCase, judge } from "../test/eval/grade.js";
import type { System, SystemName } from "./systems/index.js";

/** Tags of the cases a system must decline because the sources do not hold the answer. */
const DECLINE_TAGS = new Set(["trap", "out-of-scope"]);

export interface QualityRow {
  system: SystemName;
  set: string;
  cases: number;
  /** Share of cases the grader passes: right answers and right declines. */
  correct: number;
  /** Share of the cases with answer:false that the system declined. */
  declined: number;
  /** Share of all cases answered but judged wrong. */
  wrongConfident: number;
  /** Trap and out-of-scope cases answered anyway: how many, of how many. */
  trapAnswered: { count: number; of: number };
  /** Pass count per tag, "7/11". */
  byTag: Record<string, string>;
}

/** Grades one system on one question set with the project's grader. */
export function grade(system: System, set: string, cases: readonly EvalCase[]): QualityRow {
  let pass = 0;
  let shouldDecline = 0;
  let declined = 0;
  let wrongConfident = 0;
  let traps = 0;
  let trapAnswered = 0;
  const tags = new Map<string, { pass: number; all: number }>();
  for (const c of cases) {
    const reply = system.answer(c.input);
    const ok = judge(c, reply) === null;
    const tag = tags.get(c.tag) ?? { pass: 0, all: 0 };
    tags.set(c.tag, { pass: tag.pass + (ok ? 1 : 0), all: tag.all + 1 });
    if (ok) pass++;
    if (!c.answer) {
      shouldDecline++;
      if (!reply.answered) declined++;
    }
    if (reply.answered && !ok) wrongConfident++;
    if (DECLINE_TAGS.has(c.tag)) {
      traps++;
      if (reply.answered) trapAnswered++;
    }
  }
  const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
  return {
    system: system.name,
    set,
    cases: cases.length,
    correct: share(pass, cases.length),
    declined: share(declined, shouldDecline),
    wrongConfident: share(wrongConfident, cases.length),
    trapAnswered: { count: trapAnswered, of: traps },
    byTag: Object.fromEntries([...tags].map(([t, v]) => [t, `${v.pass}/${v.all}`])),
  };
}
