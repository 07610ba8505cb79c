import { setTimeout as delay } from "node:timers/promises";

/**
 * A platform that cannot be reached at start-up stops the bot within this, with a line saying what
 * failed, so that a supervisor restarts it instead of waiting on a bot that serves nothing.
 */
export const START_TIMEOUT_MS = 25_000;

/**
 * Resolves as `starting` does, or rejects after `ms` with "`what` did not finish within N s",
 * calling `abandon` to let go of whatever the start left open.
 */
export async function within<T>(
  ms: number,
  what: string,
  starting: Promise<T>,
  abandon: () => Promise<unknown>,
): Promise<T> {
  const timer = new AbortController();
  const late = delay(ms, undefined, { signal: timer.signal }).then(
    () => true,
    () => false,
  );
  let outcome: { value: T } | boolean;
  try {
    outcome = await Promise.race([starting.then((value) => ({ value })), late]);
  } finally {
    timer.abort();
  }
  if (typeof outcome === "object") return outcome.value;
  await abandon().catch(() => undefined);
  starting.catch(() => undefined);
  throw new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`);
}
