import type { Redis } from "ioredis";
import { KEY_PREFIX } from "./redis.js";

/**
 * Claims a digest period for this instance: the first of many instances to set the period's key
 * posts, the others do not. The key expires with its period.
 */
export function claimPeriod(redis: Redis): (period: number, everyMs: number) => Promise<boolean> {
  return async (period, everyMs) =>
    (await redis.set(`${KEY_PREFIX}digest:${period}`, "1", "PX", everyMs, "NX")) === "OK";
}
