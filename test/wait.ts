/**
 * Waiting in tests without wall-clock margins: a wait ends when what it waits for happens, never
 * because time ran out, so a busy machine only makes a test slower. A wait that never ends is the
 * test timeout's to report; before that, a long one says on standard error what it still waits for.
 */
import type { EventEmitter } from "node:events";

/** How long a wait goes on before it says, once, what it is still waiting for. */
const NOTE_AFTER_MS = 15_000;

/** Starts the note for a wait; call the returned function when the wait is over. */
export function noteWhileWaiting(what: () => string): () => void {
  const timer = setTimeout(() => process.stderr.write(`still waiting for ${what()}\n`), NOTE_AFTER_MS);
  timer.unref();
  return () => clearTimeout(timer);
}

/** Resolves with what `check` finds, at once or after one of `event` on `events` makes it true. */
export function waitForEvent<T>(
  events: EventEmitter,
  event: string,
  check: () => T | undefined,
  what: () => string,
): Promise<T> {
  const found = check();
  if (found !== undefined) return Promise.resolve(found);
  const done = noteWhileWaiting(what);
  return new Promise((resolve) => {
    const listener = () => {
      const value = check();
      if (value === undefined) return;
      done();
      events.off(event, listener);
      resolve(value);
    };
    events.on(event, listener);
  });
}
