import { setTimeout as delay } from "node:timers/promises";
import type { Logger } from "../log.js";
import type { Desk } from "./desk.js";
import type { Service } from "./ports.js";

/** The part of `process` that shutting down (and reloading, on SIGHUP) listens to; tests pass an EventEmitter. */
export interface ProcessEvents {
  once(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  on(event: "SIGHUP", listener: () => void): unknown;
  on(event: "unhandledRejection" | "uncaughtExceptionMonitor", listener: (reason: unknown) => void): unknown;
  off(event: "SIGINT" | "SIGTERM" | "SIGHUP", listener: () => void): unknown;
  off(event: "unhandledRejection" | "uncaughtExceptionMonitor", listener: (reason: unknown) => void): unknown;
}

/** All of shutting down fits in this, well inside the 5 s a supervisor is promised. */
const SHUTDOWN_BUDGET_MS = 4000;
/**
 * Of that, connections that hand out work get at most this share to stop doing so; answers in
 * flight at most DRAIN_MS, and at most DRAIN_SHARE; closing connections gets the rest.
 */
const STOP_TAKING_SHARE = 0.125;
const DRAIN_MS = 2500;
const DRAIN_SHARE = 0.625;

/** Resolves with SIGINT or SIGTERM, whichever comes first. */
export function nextSignal(events: ProcessEvents): Promise<"SIGINT" | "SIGTERM"> {
  return new Promise((resolve) => {
    const onInt = () => done("SIGINT");
    const onTerm = () => done("SIGTERM");
    const done = (signal: "SIGINT" | "SIGTERM") => {
      events.off("SIGINT", onInt);
      events.off("SIGTERM", onTerm);
      resolve(signal);
    };
    events.once("SIGINT", onInt);
    events.once("SIGTERM", onTerm);
  });
}

/** Resolves true once every promise has settled, or false after `ms`. */
async function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<boolean> {
  const timeout = new AbortController();
  const settled = await Promise.race([
    Promise.allSettled(promises).then(() => true),
    delay(ms, false, { signal: timeout.signal }).catch(() => false),
  ]);
  timeout.abort();
  return settled;
}

/**
 * Shuts down cleanly and in bounded time: first stops connections that would otherwise keep
 * handing this process new work (Slack's Socket Mode), then stops taking new work (Slack over
 * HTTP answers events 503, so that Slack delivers them again elsewhere; anyone else is told the
 * bot is restarting), lets answers in flight finish (their replies still need the connections),
 * then closes the gateway and the HTTP server.
 */
export async function shutdown(
  desk: Desk,
  services: readonly Service[],
  logger: Logger,
  budgetMs = SHUTDOWN_BUDGET_MS,
): Promise<void> {
  const started = Date.now();
  const handedOver = services.flatMap((s) => (s.stopTaking === undefined ? [] : [s.stopTaking()]));
  const handed = await settledWithin(handedOver, budgetMs * STOP_TAKING_SHARE);
  if (!handed) logger.warn("shutting down: a connection did not stop taking new work in time");
  desk.close();
  logger.info({ inFlight: desk.pending }, "shutting down: taking no new work, finishing answers in flight");
  const unfinished = await desk.drain(Math.min(DRAIN_MS, budgetMs * DRAIN_SHARE));
  if (unfinished > 0) logger.warn({ unfinished }, "shutting down: gave up waiting for some answers");
  const left = Math.max(0, budgetMs - (Date.now() - started));
  const closed = await settledWithin(
    services.map((s) => s.stop()),
    left,
  );
  if (!closed) logger.warn("shutting down: a connection did not close in time");
  logger.info({ ms: Date.now() - started }, "stopped");
}

/**
 * Logs what would otherwise vanish or crash without a trace: an unhandled rejection is logged and
 * the bot carries on; an uncaught exception is logged before Node ends the process as usual.
 * Returns a function that removes both listeners.
 */
export function guardProcess(events: ProcessEvents, logger: Logger): () => void {
  const onRejection = (reason: unknown) =>
    logger.error({ err: reason }, "unhandled promise rejection; carrying on");
  const onException = (error: unknown) => logger.fatal({ err: error }, "uncaught exception; exiting");
  events.on("unhandledRejection", onRejection);
  events.on("uncaughtExceptionMonitor", onException);
  return () => {
    events.off("unhandledRejection", onRejection);
    events.off("uncaughtExceptionMonitor", onException);
  };
}
