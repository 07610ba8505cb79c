import type { Config, DigestConfig } from "../config.js";
import type { Logger } from "../log.js";
import { Digest, type DigestTarget } from "./digest.js";
import type { Service } from "./ports.js";
import { readInbox } from "./report-command.js";

const HOUR_MS = 3_600_000;

/** The services serve started, by platform, for the digest to post through. */
export interface Posters {
  slack?: Service;
  discord?: Service;
}

/** The digest's channels, each through its platform's client; a platform without one is left out, saying so. */
function targetsOf(digest: DigestConfig, posters: Posters, logger: Logger): DigestTarget[] {
  const wanted = [
    { platform: "slack", channel: digest.slackChannel, service: posters.slack },
    { platform: "discord", channel: digest.discordChannel, service: posters.discord },
  ] as const;
  return wanted.flatMap(({ platform, channel, service }) => {
    if (channel === undefined) return [];
    const post = service?.post;
    if (post === undefined) {
      logger.warn(
        { platform },
        "digest: this process holds no client to post with (Discord shards); not posting there",
      );
      return [];
    }
    return [{ platform, post: (text: string) => post(channel, text) }];
  });
}

/**
 * Posts the curators' digest every DIGEST_EVERY_HOURS, as configured; with REDIS_URL, one instance
 * a period. Stopping it clears the timer and lets go of Redis.
 */
export async function startDigest(
  config: Config & { digest: DigestConfig },
  posters: Posters,
  logger: Logger,
): Promise<Service> {
  const log = logger.child({ part: "digest" });
  const everyMs = config.digest.everyHours * HOUR_MS;
  const inbox = () => readInbox(config, new Date(), { top: Number.MAX_SAFE_INTEGER, all: false });
  const targets = targetsOf(config.digest, posters, log);
  if (config.redisUrl === undefined) return new Digest({ everyMs, inbox, targets, logger: log }).start();
  const { connectRedis, closeRedis } = await import("./redis.js");
  const { claimPeriod } = await import("./redis-digest.js");
  const redis = connectRedis(config.redisUrl, log);
  const timer = new Digest({ everyMs, inbox, targets, claim: claimPeriod(redis), logger: log }).start();
  return {
    stop: async () => {
      await timer.stop();
      await closeRedis(redis);
    },
  };
}
