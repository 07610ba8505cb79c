import { appendFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { normalise } from "../core/text.js";
import type { Answer } from "../core/types.js";
import type { Logger } from "../log.js";

/** Where a question was asked. */
export type Platform = "discord" | "slack" | "terminal";

/** One line of the unanswered log: what was asked, when, where, and what the bot looked at. No ids. */
export interface UnansweredRecord {
  /** ISO 8601, UTC. */
  time: string;
  platform: Platform;
  /** The question, normalised: lower case, no punctuation, no mentions or ids. */
  text: string;
  /** The ids of the nearest facts the core considered, best first. */
  considered: string[];
}

/** Records kept in memory while the file cannot be written; beyond this the oldest are dropped. */
const MAX_PENDING = 1000;

/**
 * Whether an answer declines a real question the knowledge base could not answer. The core marks
 * those with `considered`; empty input, unknown commands, missing options and over-long text are
 * declined without it, and are not worth a curator's time.
 */
export function isUnanswered(answer: Answer): boolean {
  return !answer.answered && answer.considered !== undefined;
}

/**
 * The text a curator reads: mentions, channel links and broadcasts (which carry ids) and long
 * digit runs (snowflakes) removed, the /ask command word dropped, then normalised.
 */
export function questionText(line: string): string {
  const plain = line
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/\d{15,}/g, " ")
    .replace(/^\s*\/ask\b\s*(?:question:)?/i, " ");
  return normalise(plain);
}

/**
 * The append-only JSONL file of declined questions. Recording never throws and never waits: lines
 * are written in order in the background, and a failed write (a full disk, a read-only directory)
 * is logged once and retried with the next record, so an answer never waits on the disk.
 */
export class UnansweredLog {
  private pending: string[] = [];
  private dropped = 0;
  private failing = false;
  private writing: Promise<void> = Promise.resolve();
  private madeDir = false;

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Appends the question if the answer declines it; otherwise does nothing. */
  record(platform: Platform, line: string, answer: Answer): void {
    if (!isUnanswered(answer)) return;
    const record: UnansweredRecord = {
      time: this.now().toISOString(),
      platform,
      text: questionText(line),
      considered: [...new Set(answer.considered)],
    };
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (this.pending.length > MAX_PENDING) this.dropped += this.pending.splice(0, 1).length;
    this.writing = this.writing.then(() => this.write());
  }

  /** Resolves once every record so far has been written, or has failed to be. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const lines = this.pending;
    this.pending = [];
    try {
      if (!this.madeDir) {
        await mkdir(path.dirname(this.file), { recursive: true });
        this.madeDir = true;
      }
      await appendFile(this.file, lines.join(""), "utf8");
      if (this.failing) this.logger.info({ file: this.file }, "unanswered log: writing again");
      this.failing = false;
    } catch (error) {
      this.pending = [...lines, ...this.pending];
      const over = this.pending.length - MAX_PENDING;
      if (over > 0) this.dropped += this.pending.splice(0, over).length;
      if (!this.failing) {
        this.logger.warn(
          { file: this.file, err: error, waiting: this.pending.length, dropped: this.dropped },
          "unanswered log: cannot write; keeping records in memory and retrying with the next one",
        );
      }
      this.failing = true;
    }
  }
}
