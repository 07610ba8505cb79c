import type { Logger } from "../log.js";

/** How often a throttled warning may be written. */
const WARN_EVERY_MS = 60_000;

/**
 * A warning about something that can happen very often (a refused request, an asker told the bot
 * is busy): written at most once a minute, saying how many times it happened since the last line,
 * so that nobody can fill the logs with it.
 */
export class ThrottledWarning {
  private count = 0;
  private lastLogged = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly logger: Logger,
    /** The field that holds the count, e.g. "refused". */
    private readonly countField: string,
    private readonly message: string,
    private readonly now: () => number = Date.now,
  ) {}

  note(fields: Record<string, unknown> = {}): void {
    this.count += 1;
    const now = this.now();
    if (now - this.lastLogged < WARN_EVERY_MS) return;
    this.logger.warn({ ...fields, [this.countField]: this.count }, this.message);
    this.count = 0;
    this.lastLogged = now;
  }
}
