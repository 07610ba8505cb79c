/**
 * Faults a fake platform can be told to inject, the way real platforms fail: an HTTP status
 * (a 5xx, or 429 with Retry-After) for the next few matching requests, or a request held open
 * until the test lets it go, as a slow server would.
 */

export interface Fault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Hold<R> {
  /** Resolves with the request once it has arrived and is being held. */
  arrived: Promise<R>;
  /** Lets the request through, to be served normally. */
  release(): void;
}

export class Faults<R> {
  private readonly faults: { match: (r: R) => boolean; fault: Fault; left: number }[] = [];
  private readonly holds: { match: (r: R) => boolean; arrive: (r: R) => void; released: Promise<void> }[] =
    [];

  /** The next `times` requests that match get this fault instead of being served. */
  fail(match: (r: R) => boolean, fault: Fault, times = 1): void {
    this.faults.push({ match, fault, left: times });
  }

  /** The next request that matches is held open until released. */
  hold(match: (r: R) => boolean): Hold<R> {
    let arrive: (r: R) => void = () => undefined;
    let release: () => void = () => undefined;
    const arrived = new Promise<R>((resolve) => {
      arrive = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ match, arrive, released });
    return { arrived, release };
  }

  /** Waits while the request is held; then the fault to answer it with, if any. */
  async apply(request: R): Promise<Fault | undefined> {
    const held = this.holds.findIndex((h) => h.match(request));
    if (held !== -1) {
      const [hold] = this.holds.splice(held, 1);
      hold?.arrive(request);
      await hold?.released;
    }
    const fault = this.faults.find((f) => f.left > 0 && f.match(request));
    if (fault === undefined) return undefined;
    fault.left -= 1;
    return fault.fault;
  }
}
