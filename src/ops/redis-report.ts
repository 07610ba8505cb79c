import { Redis } from "ioredis";
import type { LogTally } from "./report.js";
import { tallyUnansweredStream, UNANSWERED_STREAM } from "./unanswered-stream.js";

/** Where `report` says it read the records with REDIS_URL. */
export const STREAM_SOURCE = `the Redis stream ${UNANSWERED_STREAM}`;

/** `returnee-bot report` with REDIS_URL: what every instance recorded, from the shared stream. */
export async function tallyRedis(url: string): Promise<LogTally> {
  // A report is run by hand: it may wait for Redis a little, and says plainly when it cannot reach it.
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  redis.on("error", () => undefined);
  try {
    await redis.connect();
    return await tallyUnansweredStream(redis);
  } catch (error) {
    throw new Error(`cannot read the inbox's records from Redis (REDIS_URL): ${(error as Error).message}`);
  } finally {
    redis.disconnect();
  }
}
