import type { Deliveries } from "./ports.js";

/**
 * A claim on a delivery lapses after this long unless it is marked answered: long enough for any
 * answer, short enough that Slack's next retry (a minute later) finds it free if the instance that
 * claimed it died.
 */
export const CLAIM_MS = 30_000;
/** An answered delivery is remembered this long: past Slack's last retry, about five minutes on. */
export const ANSWERED_MS = 15 * 60_000;

/** The deliveries one process has seen; past `max`, the oldest are forgotten. */
export class MemoryDeliveries implements Deliveries {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(id: string): Promise<boolean> {
    const until = this.until.get(id);
    if (until !== undefined && until > this.now()) return false;
    this.hold(id, CLAIM_MS);
    return true;
  }

  async answered(id: string): Promise<void> {
    this.hold(id, ANSWERED_MS);
  }

  async release(id: string): Promise<void> {
    this.until.delete(id);
  }

  private hold(id: string, ms: number): void {
    this.until.delete(id);
    this.until.set(id, this.now() + ms);
    for (const oldest of this.until.keys()) {
      if (this.until.size <= this.max) break;
      this.until.delete(oldest);
    }
  }
}
