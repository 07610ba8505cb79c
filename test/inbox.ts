/** Log lines of every kind for the curators' inbox tests, and the inbox run over them. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { InboxView } from "../src/ops/inbox.js";
import type {
  AnsweredRecord,
  LogRecord,
  UnansweredRecord,
  VoteRecord,
} from "../src/ops/unanswered-record.js";
import { copyOfFixture, runCli, tempDir } from "./helpers.js";

const TIME = "2026-03-01T10:00:00.000Z";

/** A declined question as the desk writes it; without `kind`, as lines written before votes read. */
export function declined(text: string, extra: Partial<UnansweredRecord> = {}): UnansweredRecord {
  return { time: TIME, platform: "discord", text, considered: [], ...extra };
}

export function answered(ids: string[], extra: Partial<AnsweredRecord> = {}): AnsweredRecord {
  return { kind: "answered", time: TIME, platform: "slack", language: "en", ids, ...extra };
}

export function vote(
  vote: "up" | "down",
  text: string,
  ids: string[],
  extra: Partial<VoteRecord> = {},
): VoteRecord {
  return { kind: "vote", time: TIME, platform: "discord", language: "en", vote, text, ids, ...extra };
}

export const logLines = (records: LogRecord[]) => records.map((r) => JSON.stringify(r)).join("\n");

/** A log file holding these records, in a fresh folder. */
export function logFile(records: LogRecord[]): string {
  const file = path.join(tempDir(), "unanswered.jsonl");
  writeFileSync(file, logLines(records));
  return file;
}

/** A log of these records and a writable copy of the fixture knowledge base, for `report` to read and edit. */
export function inboxSetUp(records: LogRecord[]): { env: NodeJS.ProcessEnv; knowledge: string } {
  const knowledge = copyOfFixture();
  return { env: { UNANSWERED_LOG: logFile(records), KNOWLEDGE_DIR: knowledge }, knowledge };
}

/** `report --json [args]`, parsed. */
export async function inboxJson(env: NodeJS.ProcessEnv, ...args: string[]): Promise<InboxView> {
  const { code, out, err } = await runCli(["report", "--json", ...args], env);
  if (code !== 0) throw new Error(`report exited with ${code}: ${err}`);
  return JSON.parse(out) as InboxView;
}
