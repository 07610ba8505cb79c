import { DEFAULT_KEEP, DEFAULT_MAX_BYTES } from "../config.js";
import type { Logger } from "../log.js";
import { LineFile, type WriteFn } from "./line-file.js";
import type { UnansweredSink } from "./ports.js";
import type { LogRecord } from "./unanswered-record.js";

/** Records kept in memory while the file cannot be written; beyond this the oldest are dropped. */
const MAX_PENDING = 1000;

export interface UnansweredOptions {
  /** Rotate the file past this many bytes. */
  maxBytes?: number;
  /** Keep this many rotated files; older ones are removed. */
  keep?: number;
  /** The file layer's write, for tests that make the disk fail. */
  write?: WriteFn;
}

/**
 * The append-only JSONL file of declined questions. Each record is written whole and synchronously
 * before `record` returns, so it is on disk before the decline is shown: nothing is lost while the
 * disk is healthy, not even to a SIGKILL. A failed write (a full disk, a read-only directory) never
 * throws: it is logged once, and the records wait in memory (up to 1,000, the oldest dropped and
 * counted beyond that) to be written, in order, with the next record once the disk accepts them.
 */
export class UnansweredLog implements UnansweredSink {
  private readonly out: LineFile;
  private pending: string[] = [];
  private dropped = 0;
  private failing = false;

  constructor(
    readonly file: string,
    private readonly logger: Logger,
    options: UnansweredOptions = {},
  ) {
    this.out = new LineFile(
      file,
      { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, keep: options.keep ?? DEFAULT_KEEP },
      options.write,
    );
  }

  /** Appends the record. */
  record(record: LogRecord): void {
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
