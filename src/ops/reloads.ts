import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { changeCounts } from "./knowledge-changes.js";
import type { LiveCore } from "./live-core.js";
import type { Service } from "./ports.js";
import { closeRedis, connectRedis, KEY_PREFIX } from "./redis.js";
import type { ProcessEvents } from "./shutdown.js";

/** The Redis channel on which an instance that reloaded tells the others to reload too. */
export const RELOAD_CHANNEL = `${KEY_PREFIX}knowledge-reload`;
/** How long after a failed subscription to RELOAD_CHANNEL it is tried again. */
const RESUBSCRIBE_MS = 1000;

/** Logs every reload's outcome: the counts of what changed, or the problem that kept the old knowledge. */
function logReloads(live: LiveCore, logger: Logger): void {
  live.onReload((result, origin) => {
    if (result.ok) logger.info({ origin, changes: changeCounts(result.changes) }, "knowledge reloaded");
    else
      logger.warn(
        { origin, problem: result.problem },
        "knowledge not reloaded: the old knowledge keeps answering",
      );
  });
}

/**
 * Every instance reloads when one does: a reload asked for here that succeeds is published on
 * RELOAD_CHANNEL with this instance's id, and one heard from another instance reloads this one
 * from its own folder (and is not published again). Redis out of reach costs only the sharing.
 */
function shareReloads(live: LiveCore, url: string, logger: Logger): Service {
  const me = randomUUID();
  const log = logger.child({ of: "knowledge reloads" });
  // The desk's own connection already reports an outage and the return: these two stay quiet about it.
  const quiet = logger.child({ of: "knowledge reloads" }, { level: "error" });
  const publisher = connectRedis(url, quiet);
  const subscriber = connectRedis(url, quiet);
  subscriber.on("message", (channel: string, from: string) => {
    if (channel === RELOAD_CHANNEL && from !== me) live.reload("elsewhere");
  });
  // Offline calls are refused, so subscribe once connected; ioredis subscribes again after a reconnect.
  // A subscription that fails on a live connection (a busy server past the command timeout) is
  // tried again, or this instance would never hear another reload.
  let retry: NodeJS.Timeout | undefined;
  const listen = () => {
    subscriber.subscribe(RELOAD_CHANNEL).then(
      () => log.info("listening for reloads on other instances"),
      (error: unknown) => {
        log.warn({ err: error }, "could not listen for reloads on other instances: trying again");
        retry = setTimeout(() => subscriber.status === "ready" && listen(), RESUBSCRIBE_MS);
        retry.unref();
      },
    );
  };
  subscriber.on("ready", listen);
  live.onReload((result, origin) => {
    if (!result.ok || origin !== "here") return;
    publisher
      .publish(RELOAD_CHANNEL, me)
      .catch((error: unknown) => log.warn({ err: error }, "could not tell other instances to reload"));
  });
  return {
    stop: async () => {
      clearTimeout(retry);
      await Promise.all([closeRedis(publisher), closeRedis(subscriber)]);
    },
  };
}

/**
 * What makes a served bot reload its knowledge without a restart, besides a curator's command:
 * SIGHUP, and with REDIS_URL a reload on any instance. Each outcome is logged; a bad folder never
 * stops the process. `stop` stops listening.
 */
export function watchReloads(
  live: LiveCore,
  events: ProcessEvents,
  logger: Logger,
  redisUrl?: string,
): Service {
  logReloads(live, logger);
  const onHangUp = () => {
    logger.info({ signal: "SIGHUP" }, "signal received: reloading the knowledge");
    live.reload();
  };
  events.on("SIGHUP", onHangUp);
  const shared = redisUrl === undefined ? undefined : shareReloads(live, redisUrl, logger);
  return {
    stop: async () => {
      events.off("SIGHUP", onHangUp);
      await shared?.stop();
    },
  };
}
