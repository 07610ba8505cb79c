import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type APIGatewayBotInfo, Routes, ShardingManager } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { Logger } from "../../log.js";
import type { Service } from "../../ops/ports.js";
import { restClient } from "./definitions.js";

/** The shard entry compiled beside this module: dist/src/adapters/discord/shard.js. */
const SHARD_ENTRY = fileURLToPath(new URL("./shard.js", import.meta.url));

/**
 * Runs the bot under discord.js's ShardingManager: one process per shard, each loading the core
 * and connecting its share of the servers. "auto" asks the configured API (GET /gateway/bot)
 * how many shards Discord recommends.
 */
export async function startShards(
  config: DiscordConfig,
  shards: "auto" | number,
  logger: Logger,
): Promise<Service> {
  const total = shards === "auto" ? await recommendedShards(config) : shards;
  if (!Number.isInteger(total) || total < 1) {
    throw new Error(`--shards must be "auto" or a whole number of at least 1, not "${shards}"`);
  }
  const manager = new ShardingManager(SHARD_ENTRY, { token: config.token, totalShards: total });
  manager.on("shardCreate", (shard) =>
    logger.info({ platform: "discord", shard: shard.id }, "shard started"),
  );
  // Each shard process shuts itself down cleanly on SIGTERM (see shard.ts); wait until it has.
  const stop = async () => {
    await Promise.all(
      [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (child === null || child.exitCode !== null) return undefined;
        const exited = once(child, "exit");
        shard.kill();
        return exited;
      }),
    );
  };
  try {
    await manager.spawn({ amount: total });
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

async function recommendedShards(config: DiscordConfig): Promise<number> {
  const info = (await restClient(config).get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return info.shards;
}
