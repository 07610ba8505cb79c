import { Redis } from "ioredis";
import { reportText } from "./report-text.js";
import { tallyUnansweredStream, UNANSWERED_STREAM } from "./unanswered-stream.js";

/** `returnee-bot report` with REDIS_URL: what every instance declined, from the shared stream. */
export async function reportFromRedis(url: string, top: number): Promise<string> {
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
    return reportText(`the Redis stream ${UNANSWERED_STREAM}`, await tallyUnansweredStream(redis), top);
  } catch (error) {
    throw new Error(
      `cannot read the unanswered questions from Redis (REDIS_URL): ${(error as Error).message}`,
    );
  } finally {
    redis.disconnect();
  }
}
