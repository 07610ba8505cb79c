import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { MemoryConversations } from "./conversations.js";
import { Desk, type DeskOptions } from "./desk.js";
import type { Conversations } from "./ports.js";
import { MemoryRateLimiter, RedisRateLimiter } from "./rate-limit.js";
import { closeRedis, connectRedis, settled } from "./redis.js";
import { RedisBallots } from "./redis-ballots.js";
import { RedisConversations } from "./redis-conversations.js";
import { RedisDeliveries } from "./redis-deliveries.js";
import { UnansweredLog } from "./unanswered.js";
import { UnansweredStream } from "./unanswered-stream.js";

export type { Choice, Reply, Request, Run, Send, Vote, Voted } from "./desk.js";
export { Desk } from "./desk.js";

/**
 * The desk every adapter serves through, set up as the configuration says: with REDIS_URL, the
 * rate limit, conversations, deliveries, the log and the ballots of votes are shared through Redis; without
 * it, everything stays in this process.
 */
export function createDesk(
  config: Pick<Config, "rateLimit" | "unansweredLog" | "unansweredMaxBytes" | "unansweredKeep" | "redisUrl"> &
    Partial<Pick<Config, "maxConcurrentAnswers">>,
  logger: Logger,
): Desk {
  const options: DeskOptions = {
    logger,
    ...(config.maxConcurrentAnswers === undefined ? {} : { maxConcurrent: config.maxConcurrentAnswers }),
  };
  if (config.redisUrl === undefined) {
    if (config.rateLimit !== undefined) options.limiter = new MemoryRateLimiter(config.rateLimit);
    if (config.unansweredLog !== undefined) {
      options.unanswered = new UnansweredLog(config.unansweredLog, logger, {
        maxBytes: config.unansweredMaxBytes,
        keep: config.unansweredKeep,
      });
    }
    return new Desk(options);
  }
  const redis = connectRedis(config.redisUrl, logger);
  if (config.rateLimit !== undefined) options.limiter = new RedisRateLimiter(config.rateLimit, redis, logger);
  if (config.unansweredLog !== undefined) options.unanswered = new UnansweredStream(redis, logger);
  options.conversations = new RedisConversations(redis);
  options.deliveries = new RedisDeliveries(redis, logger);
  options.ballots = new RedisBallots(redis, logger);
  options.release = () => closeRedis(redis);
  return new Desk(options);
}

/**
 * The conversations store alone, as the desk would have it (in Redis with REDIS_URL, once connected
 * or failed to, else in this process), for answering without a desk; `release` closes what it
 * holds open.
 */
export async function openConversations(
  config: Pick<Config, "redisUrl">,
  logger: Logger,
): Promise<{ conversations: Conversations; release: () => Promise<void> }> {
  if (config.redisUrl === undefined) {
    return { conversations: new MemoryConversations(), release: async () => undefined };
  }
  const redis = connectRedis(config.redisUrl, logger);
  await settled(redis);
  return { conversations: new RedisConversations(redis), release: () => closeRedis(redis) };
}
