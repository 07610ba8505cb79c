/**
 * Every reply leaves through a bounded door: a platform that accepts a request and never answers
 * could otherwise hold one open socket and its memory per reply, without end.
 */

/** An outgoing call gives up after this long, its wait for a free slot included. */
export const REPLY_TIMEOUT_MS = 10_000;
/** At most this many outgoing calls of one kind are open at once; the others wait their turn. */
export const MAX_OPEN_REPLIES = 100;

export interface OutgoingLimits {
  timeoutMs: number;
  maxOpen: number;
}

export const DEFAULT_OUTGOING: OutgoingLimits = Object.freeze({
  timeoutMs: REPLY_TIMEOUT_MS,
  maxOpen: MAX_OPEN_REPLIES,
});

/** At most `max` calls at once; the others wait in order, each giving up when its signal aborts. */
export class Gate {
  private open = 0;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly max: number) {}

  async run<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.enter(signal);
    try {
      return await work();
    } finally {
      this.open -= 1;
      const next = this.waiting.values().next();
      if (!next.done) next.value();
    }
  }

  private enter(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.open < this.max) {
      this.open += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        this.waiting.delete(turn);
        signal.removeEventListener("abort", abort);
        this.open += 1;
        resolve();
      };
      const abort = () => {
        this.waiting.delete(turn);
        reject(signal.reason);
      };
      this.waiting.add(turn);
      signal.addEventListener("abort", abort, { once: true });
    });
  }
}

/**
 * A request function (`fetch`, or discord.js's `makeRequest`) behind a gate of `maxOpen`, each call
 * aborted `timeoutMs` after it was made (or sooner, by the caller's own signal): it then fails with
 * a TimeoutError, which the caller reports like any other failure.
 */
export function bounded<I extends { signal?: AbortSignal | null | undefined }, R>(
  request: (url: string, init: I) => Promise<R>,
  limits: OutgoingLimits = DEFAULT_OUTGOING,
): (url: string, init: I) => Promise<R> {
  const gate = new Gate(limits.maxOpen);
  return (url, init) => {
    const deadline = AbortSignal.timeout(limits.timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    return gate.run(() => request(url, { ...init, signal }), signal);
  };
}
