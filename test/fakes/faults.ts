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

/** Every matching request held open, as a server that accepts requests and never answers. */
export interface Stall {
  /** How many matching requests have arrived. */
  readonly arrived: number;
  /** How many are held open now: a request leaves when released or when its client gives up. */
  readonly open: number;
  /** The most held open at any one time. */
  readonly mostOpen: number;
  /** Lets every held request, and every later one, through. */
  release(): void;
}

export class Faults<R> {
  private readonly faults: { match: (r: R) => boolean; fault: Fault; left: number }[] = [];
  private readonly holds: { match: (r: R) => boolean; arrive: (r: R) => void; released: Promise<void> }[] =
    [];
  private readonly stalls: {
    match: (r: R) => boolean;
    state: { arrived: number; open: number; mostOpen: number };
    released: Promise<void>;
  }[] = [];

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

  /** Every request that matches, from now on, is held open until released or given up by its client. */
  stall(match: (r: R) => boolean): Stall {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const state = { arrived: 0, open: 0, mostOpen: 0 };
    this.stalls.push({ match, state, released });
    return {
      get arrived() {
        return state.arrived;
      },
      get open() {
        return state.open;
      },
      get mostOpen() {
        return state.mostOpen;
      },
      release,
    };
  }

  /**
   * Waits while the request is held (or stalled, until `gone`: its client gave up); then the fault
   * to answer it with, if any.
   */
  async apply(request: R, gone: Promise<void> = new Promise(() => undefined)): Promise<Fault | undefined> {
    const stall = this.stalls.find((s) => s.match(request));
    if (stall !== undefined) {
      const { state } = stall;
      state.arrived += 1;
      state.open += 1;
      state.mostOpen = Math.max(state.mostOpen, state.open);
      await Promise.race([stall.released, gone]);
      state.open -= 1;
    }
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
