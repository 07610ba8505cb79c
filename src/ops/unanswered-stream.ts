import { randomUUID } from "node:crypto";
import { type Redis, ReplyError } from "ioredis";
import type { Logger } from "../log.js";
import type { UnansweredSink } from "./ports.js";
import { KEY_PREFIX } from "./redis.js";
import { LogTally } from "./report.js";
import type { LogRecord } from "./unanswered-record.js";

export const UNANSWERED_STREAM = `${KEY_PREFIX}unanswered`;
/** Where the id of each record added is remembered, for SEEN_MS. */
const SEEN_PREFIX = `${KEY_PREFIX}unanswered-seen:`;
/** The stream keeps about this many records, the newest; Redis trims the oldest. */
const STREAM_MAX = 100_000;
/** A record retried within this long after Redis took it is not added again. */
const SEEN_MS = 24 * 60 * 60 * 1000;
/** Records kept in memory while Redis cannot take them; beyond this the oldest are dropped. */
const MAX_PENDING = 1000;
/** Records read per call when reporting. */
const PAGE = 1000;

/**
 * Adds a record to the stream unless its id has been added before, both in one step: a write that
 * timed out here after Redis had done it, and is sent again, adds nothing the second time.
 */
const ADD_ONCE = `if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then
  redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'record', ARGV[3])
end
return 1`;

interface Pending {
  /** Unique to the record, so that sending it twice adds it once. */
  id: string;
  line: string;
}

/**
 * Declined questions in a capped Redis stream that every instance adds to, so that one report
 * shows them all. Recording never throws and never waits. Records Redis does not take (it is away,
 * slow or full) wait in memory, at most 1,000, the oldest dropped and counted beyond that, and go
 * out with the next record; each carries an id, so a record sent again is added once. A Redis that
 * refuses writes (full, read-only) is logged once at `warn` until it takes them again; one that is
 * unreachable is already logged by the connection (see redis.ts), and what waits goes out as soon
 * as it is back. One write is in flight at a time, with the records that came meanwhile queued
 * behind it.
 */
export class UnansweredStream implements UnansweredSink {
  private pending: Pending[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** A write is queued behind the one in flight: records that come meanwhile go out with it. */
  private queued = false;
  private dropped = 0;
  private failing = false;
  private refusalLogged = false;

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
  ) {
    redis.on("ready", () => void this.send());
  }

  /** Adds the record. */
  record(record: LogRecord): void {
    this.wait([...this.pending, { id: randomUUID(), line: JSON.stringify(record) }]);
    void this.send();
  }

  /**
   * Writes out what waits, and says what is lost if Redis still does not take it: for shutting
   * down. Resolves once that is known.
   */
  async flush(): Promise<void> {
    await this.send();
    if (this.pending.length === 0) return;
    this.logger.warn(
      { lost: this.pending.length, dropped: this.dropped },
      "unanswered stream: stopping with records Redis did not take",
    );
  }

  private send(): Promise<void> {
    if (this.queued) return this.writing;
    this.queued = true;
    this.writing = this.writing.then(() => {
      this.queued = false;
      return this.write();
    });
    return this.writing;
  }

  /** Keeps these records waiting, the newest MAX_PENDING of them; the rest are dropped and counted. */
  private wait(records: Pending[]): void {
    const over = records.length - MAX_PENDING;
    if (over > 0 && this.dropped === 0) {
      this.logger.warn(
        { waiting: MAX_PENDING },
        "unanswered stream: memory full while Redis does not take records; dropping the oldest",
      );
    }
    this.dropped += Math.max(0, over);
    this.pending = over > 0 ? records.slice(over) : records;
  }

  /** Sends what waits, unless there is no connection to send it on: it goes once Redis is ready. */
  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    if (this.redis.status !== "ready") {
      this.failing = true;
      return;
    }
    const records = this.pending;
    this.pending = [];
    const batch = this.redis.pipeline();
    for (const { id, line } of records) {
      batch.eval(ADD_ONCE, 2, UNANSWERED_STREAM, `${SEEN_PREFIX}${id}`, SEEN_MS, STREAM_MAX, line);
    }
    let failure: unknown;
    const results = await batch.exec().catch((error: unknown) => {
      failure = error;
      return null;
    });
    // Only what Redis did not take waits for the next try.
    const failed = records.filter((_, i) => {
      const error = results?.[i]?.[0];
      failure ??= error ?? undefined;
      return results?.[i] === undefined || error !== null;
    });
    if (failed.length === 0) {
      if (this.failing) {
        this.logger.info({ dropped: this.dropped }, "unanswered stream: Redis takes records again");
      }
      this.failing = false;
      this.refusalLogged = false;
      this.dropped = 0;
      return;
    }
    this.failing = true;
    this.wait([...failed, ...this.pending]);
    if (failure instanceof ReplyError && !this.refusalLogged) {
      this.refusalLogged = true;
      this.logger.warn(
        { err: failure, waiting: this.pending.length },
        "unanswered stream: Redis refuses the records (full?); keeping them in memory and retrying with the next one",
      );
    } else {
      this.logger.debug(
        { waiting: this.pending.length },
        "unanswered stream: keeping records until Redis takes them",
      );
    }
  }
}

/** Adds every record in the stream to a tally, oldest first, read a page at a time. */
export async function tallyUnansweredStream(redis: Redis, tally = new LogTally()): Promise<LogTally> {
  let start = "-";
  for (;;) {
    const page = await redis.xrange(UNANSWERED_STREAM, start, "+", "COUNT", PAGE);
    for (const [, fields] of page) tally.addLine(fields[1] ?? "");
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return tally;
    start = `(${last[0]}`;
  }
}
