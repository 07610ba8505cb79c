import { Redis } from "ioredis";
import type { Logger } from "../log.js";

/** The longest any one Redis call may take: well inside the 3 s Slack and Discord allow an answer. */
export const REDIS_TIMEOUT_MS = 250;
/** Reconnecting waits twice as long each time, up to this. */
const MAX_BACKOFF_MS = 2000;

/** Every key the bot writes starts with this, so that one Redis can serve other things too. */
export const KEY_PREFIX = "returnee-bot:";

/**
 * A connection to Redis (or Valkey) for the state instances share. Losing it costs sharing, never
 * answers: no call waits for a connection (the offline queue is off) or longer than
 * REDIS_TIMEOUT_MS, so every caller falls back to memory at once. It reconnects with backoff; the
 * outage is logged once at `warn`, and the return once at `info`.
 */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    commandTimeout: REDIS_TIMEOUT_MS,
    connectTimeout: 1000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times) => Math.min(50 * 2 ** times, MAX_BACKOFF_MS),
  });
  let state: "connecting" | "sharing" | "lost" = "connecting";
  const lost = (error?: unknown) => {
    if (state === "lost") return;
    state = "lost";
    logger.warn(
      error === undefined ? {} : { err: error },
      "Redis unreachable: answering from memory, not sharing state, until it is back",
    );
  };
  redis.on("error", lost);
  redis.on("close", () => lost());
  redis.on("ready", () => {
    logger.info(state === "lost" ? "Redis reachable again: sharing state" : "Redis: sharing state");
    state = "sharing";
  });
  return redis;
}

/** Closes the connection, waiting at most REDIS_TIMEOUT_MS for pending calls. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === "end") return;
  redis.removeAllListeners("close");
  redis.removeAllListeners("error");
  redis.on("error", () => undefined);
  await Promise.race([
    redis.quit().catch(() => undefined),
    new Promise((r) => setTimeout(r, REDIS_TIMEOUT_MS).unref()),
  ]);
  redis.disconnect();
}
