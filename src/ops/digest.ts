import type { Logger } from "../log.js";
import type { InboxView } from "./inbox.js";
import type { Service } from "./ports.js";
import { reportMessages as say } from "./report-messages.js";

/** New groups named in a digest; the rest are counted. */
const TOP = 3;
/** The longest phrasing a digest quotes, so that one long question cannot make it a wall of text. */
const QUOTED = 80;

/** The digest: new groups (how many, the most asked few), 👎 not yet looked at, facts due for review. */
export function digestText(view: InboxView): string {
  const fresh = view.groups.filter((g) => g.state === "new");
  const top = fresh.slice(0, TOP).map((g) => say.digestTop(g.id, g.count, g.text.slice(0, QUOTED)));
  const down = fresh.filter((g) => g.kind !== "declined").reduce((sum, g) => sum + g.count, 0);
  return [
    say.digestHeading,
    say.digestNew(fresh.length, top),
    say.digestDown(down),
    say.digestDue(view.dueForReview.length),
  ].join("\n");
}

/** A channel the digest goes to. */
export interface DigestTarget {
  /** "slack" or "discord", for the log. */
  platform: string;
  post(text: string): Promise<void>;
}

export interface DigestOptions {
  everyMs: number;
  /** The inbox as it is now. */
  inbox: () => Promise<InboxView>;
  targets: readonly DigestTarget[];
  /**
   * Whether this instance posts the digest of period `n` (time / everyMs): with many instances
   * sharing Redis, only the first to claim it; alone, always.
   */
  claim?: (period: number, everyMs: number) => Promise<boolean>;
  logger: Logger;
  now?: () => number;
}

/**
 * Posts the digest every `everyMs` to each target. A failure (Redis, the log, a platform) is
 * logged once until the digest goes out again, and never stops the bot.
 */
export class Digest {
  private readonly failing = new Set<string>();

  constructor(private readonly options: DigestOptions) {}

  /** One digest, now: true when this instance posted it to every target. */
  async run(): Promise<boolean> {
    const { everyMs, claim, now = Date.now } = this.options;
    const period = Math.floor(now() / everyMs);
    const text = await this.attempt("inbox", async () => {
      if (claim !== undefined && !(await claim(period, everyMs))) return undefined;
      return digestText(await this.options.inbox());
    });
    if (text === undefined) return false;
    const posted = await Promise.all(
      this.options.targets.map((t) => this.attempt(t.platform, () => t.post(text).then(() => true))),
    );
    return posted.every((p) => p === true);
  }

  /** Runs the digest every `everyMs` until stopped; the timer keeps no process alive. */
  start(): Service {
    const timer = setInterval(() => void this.run(), this.options.everyMs);
    timer.unref();
    return { stop: async () => clearInterval(timer) };
  }

  private async attempt<T>(step: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await work();
      if (this.failing.delete(step)) this.options.logger.info({ step }, "digest: working again");
      return result;
    } catch (error) {
      if (!this.failing.has(step)) {
        this.failing.add(step);
        this.options.logger.warn(
          { step, err: error },
          "digest: could not post; trying again at the next period, saying nothing until it works",
        );
      }
      return undefined;
    }
  }
}
