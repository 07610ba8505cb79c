import type { Redis } from "ioredis";
import type { Answer } from "../core/types.js";
import type { Logger } from "../log.js";
import { KEY_PREFIX } from "./redis.js";
import { UnansweredTally } from "./report.js";
import { isUnanswered, type Platform, questionText, type UnansweredRecord } from "./unanswered.js";

export const UNANSWERED_STREAM = `${KEY_PREFIX}unanswered`;
/** The stream keeps about this many records, the newest; Redis trims the oldest. */
export const STREAM_MAX = 100_000;
/** Records kept in memory while Redis cannot be reached; beyond this the oldest are dropped. */
const MAX_PENDING = 1000;
/** Records read per call when reporting. */
const PAGE = 1000;

/**
 * Declined questions in a capped Redis stream that every instance adds to, so that one report
 * shows them all. Recording never throws and never waits; while Redis cannot be reached the
 * records wait in memory and go out with the next one that can be written.
 */
export class UnansweredStream {
  private pending: UnansweredRecord[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Adds the question if the answer declines it; otherwise does nothing. */
  record(platform: Platform, line: string, answer: Answer): void {
    if (!isUnanswered(answer)) return;
    this.pending.push({
      time: this.now().toISOString(),
      platform,
      text: questionText(line),
      considered: [...new Set(answer.considered)],
    });
    if (this.pending.length > MAX_PENDING) this.pending.shift();
    void this.flush();
  }

  /** Resolves once every record so far has been written, or has failed to be. */
  flush(): Promise<void> {
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    const batch = this.redis.pipeline();
    for (const record of records) {
      batch.xadd(UNANSWERED_STREAM, "MAXLEN", "~", STREAM_MAX, "*", "record", JSON.stringify(record));
    }
    const results = await batch.exec().catch(() => null);
    // Only what Redis did not take waits for the next try; nothing is written twice.
    const failed = records.filter((_, i) => results?.[i]?.[0] !== null);
    if (failed.length === 0) return;
    this.pending = [...failed, ...this.pending].slice(-MAX_PENDING);
    this.logger.debug(
      { waiting: this.pending.length },
      "unanswered stream: keeping records until Redis is back",
    );
  }
}

/** Adds every record in the stream to a tally, oldest first, read a page at a time. */
export async function tallyUnansweredStream(
  redis: Redis,
  tally = new UnansweredTally(),
): Promise<UnansweredTally> {
  let start = "-";
  for (;;) {
    const page = await redis.xrange(UNANSWERED_STREAM, start, "+", "COUNT", PAGE);
    for (const [, fields] of page) tally.addLine(fields[1] ?? "");
    const last = page.at(-1);
    if (page.length < PAGE || last === undefined) return tally;
    start = `(${last[0]}`;
  }
}
