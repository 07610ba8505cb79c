import { normalise } from "../core/text.js";
import type { Answer } from "../core/types.js";
import type { Logger } from "../log.js";
import { DEFAULT_KEEP, DEFAULT_MAX_BYTES, LineFile, type WriteFn } from "./line-file.js";

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

export interface UnansweredOptions {
  now?: () => Date;
  /** Rotate the file past this many bytes. */
  maxBytes?: number;
  /** Keep this many rotated files; older ones are removed. */
  keep?: number;
  /** The file layer's write, for tests that make the disk fail. */
  write?: WriteFn;
}

/**
 * Whether an answer declines a real question the knowledge base could not answer. The core marks
 * those with `considered`; empty input, unknown commands, missing options and over-long text are
 * declined without it, and are not worth a curator's time.
 */
export function isUnanswered(answer: Answer<unknown>): boolean {
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
 * The append-only JSONL file of declined questions. Each record is written whole and synchronously
 * before `record` returns, so it is on disk before the decline is shown: nothing is lost while the
 * disk is healthy, not even to a SIGKILL. A failed write (a full disk, a read-only directory) never
 * throws: it is logged once, and the records wait in memory (up to 1,000, the oldest dropped and
 * counted beyond that) to be written, in order, with the next record once the disk accepts them.
 */
export class UnansweredLog {
  private readonly out: LineFile;
  private readonly now: () => Date;
  private pending: string[] = [];
  private dropped = 0;
  private failing = false;

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    options: UnansweredOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.out = new LineFile(
      file,
      { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, keep: options.keep ?? DEFAULT_KEEP },
      options.write,
    );
  }

  /** Appends the question if the answer declines it; otherwise does nothing. */
  record(platform: Platform, line: string, answer: Answer<unknown>): void {
    if (!isUnanswered(answer)) return;
    const record: UnansweredRecord = {
      time: this.now().toISOString(),
      platform,
      text: questionText(line),
      considered: [...new Set(answer.considered)],
    };
    this.pending.push(`${JSON.stringify(record)}\n`);
    if (this.pending.length > MAX_PENDING) {
      this.pending.shift();
      this.dropped += 1;
      if (this.dropped === 1) {
        this.logger.warn(
          { file: this.file, waiting: this.pending.length },
          "unanswered log: memory full while the file cannot be written; dropping the oldest records",
        );
      }
    }
    this.writePending();
  }

  /** Tries once more to write what waits, and says what is lost if it still cannot: for shutting down. */
  flush(): void {
    this.writePending();
    if (this.pending.length === 0) return;
    this.logger.warn(
      { file: this.file, lost: this.pending.length, dropped: this.dropped },
      "unanswered log: stopping with records that could not be written",
    );
  }

  private writePending(): void {
    while (this.pending.length > 0) {
      try {
        this.out.append(this.pending[0] as string);
      } catch (error) {
        if (!this.failing) {
          this.logger.warn(
            { file: this.file, err: error, waiting: this.pending.length, dropped: this.dropped },
            "unanswered log: cannot write; keeping records in memory and retrying with the next one",
          );
        }
        this.failing = true;
        return;
      }
      this.pending.shift();
    }
    if (!this.failing) return;
    this.logger.info({ file: this.file, dropped: this.dropped }, "unanswered log: writing again");
    this.failing = false;
    this.dropped = 0;
  }
}
