import { parseArgs } from "node:util";
import type { Config } from "../config.js";
import { defaultKnowledgeDir, loadInbox, loadKnowledge } from "../core/knowledge/loader.js";
import { dueForReview } from "../core/knowledge/review.js";
import { type InboxOptions, type InboxView, inboxView } from "./inbox.js";
import { amendGroup, InboxUsageError, markGroup } from "./inbox-actions.js";
import { LogTally, tallyFiles } from "./report.js";
import { reportMessages as say } from "./report-messages.js";
import { reportText } from "./report-text.js";

/** Groups listed unless --top says otherwise. */
const TOP = 20;

interface ReportArgs {
  action: "list" | "amend" | "ignore" | "pending";
  group?: string;
  to?: string;
  top: number;
  all: boolean;
  json: boolean;
}

const fail = (problem: string): never => {
  throw new InboxUsageError(problem);
};

/** The arguments of `report`, checked: an unknown flag, a bad number or a missing argument is an InboxUsageError. */
export function reportArgs(args: string[]): ReportArgs {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        top: { type: "string" },
        all: { type: "boolean" },
        json: { type: "boolean" },
        to: { type: "string" },
      },
    });
  try {
    parsed = parse();
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [action = "list", group, ...extra] = positionals;
  if (action !== "list" && action !== "amend" && action !== "ignore" && action !== "pending") {
    return fail(`unknown action "${action}" (amend, ignore or pending)`);
  }
  if (action === "list" && positionals.length > 0) return fail(`unknown action "${action}"`);
  if (action !== "list" && group === undefined) return fail(`${action} needs a GROUP id, as report lists it`);
  if (extra.length > 0) return fail(`unexpected "${extra.join(" ")}"`);
  if (action === "amend" && values.to === undefined) return fail("amend needs --to FAQ_OR_FACT");
  if (action !== "amend" && values.to !== undefined) return fail("--to goes with amend only");
  if (values.top !== undefined && !/^[1-9]\d*$/.test(values.top)) {
    return fail(`--top takes a whole number from 1, not "${values.top}"`);
  }
  return {
    action,
    ...(group === undefined ? {} : { group }),
    ...(values.to === undefined ? {} : { to: values.to }),
    top: values.top === undefined ? TOP : Number(values.top),
    all: values.all ?? false,
    json: values.json ?? false,
  };
}

/** The log's records: from the shared Redis stream with REDIS_URL, else the file and its rotations. */
async function tally(config: Config, file: string | undefined): Promise<{ source: string; tally: LogTally }> {
  if (file === undefined) return { source: "UNANSWERED_LOG=off", tally: new LogTally() };
  if (config.redisUrl !== undefined) {
    const { STREAM_SOURCE, tallyRedis } = await import("./redis-report.js");
    return { source: STREAM_SOURCE, tally: await tallyRedis(config.redisUrl) };
  }
  const { rotatedFiles } = await import("./line-file.js");
  return { source: file, tally: await tallyFiles([...rotatedFiles(file), file]) };
}

/** The inbox as `report` lists it, from the log the configuration names. */
export async function readInbox(
  config: Config,
  now: Date,
  options: Omit<InboxOptions, "dueForReview">,
): Promise<InboxView> {
  const dir = config.knowledgeDir ?? defaultKnowledgeDir();
  const read = await tally(config, config.unansweredLog);
  const due = dueForReview(loadKnowledge(dir), now).map((d) => ({ id: d.fact, since: d.since }));
  return inboxView(read.source, read.tally, loadInbox(dir), { ...options, dueForReview: due });
}

/** `report`: the curators' inbox, as text or JSON, or an action on one of its groups. */
export async function runReport(
  config: Config,
  argv: string[],
  options: { now?: Date } = {},
): Promise<string> {
  const args = reportArgs(argv);
  const file = config.unansweredLog;
  if (args.action === "list" && file === undefined && !args.json) return say.off;
  const now = options.now ?? new Date();
  if (args.action === "list") {
    const view = await readInbox(config, now, { top: args.top, all: args.all });
    return args.json ? JSON.stringify(view) : reportText(view);
  }
  const dir = config.knowledgeDir ?? defaultKnowledgeDir();
  const read = await tally(config, file);
  const id = args.group ?? "";
  const group = read.tally.groups().find((g) => g.id === id) ?? fail(say.unknownGroup(id));
  if (args.action === "amend") return amendGroup(dir, group, args.to ?? "", now);
  return markGroup(dir, group, args.action === "ignore" ? "ignored" : "pending", now);
}
