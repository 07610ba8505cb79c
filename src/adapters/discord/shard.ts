/**
 * One shard's process, spawned by the ShardingManager (see sharding.ts). It reads the same
 * environment as the parent (discord.js adds the shard ids and the token), loads the core and
 * connects its shards until the manager stops it.
 */
import { loadConfig } from "../../config.js";
import { Core } from "../../core/core.js";
import { connectDiscord } from "./client.js";

const config = loadConfig();
if (config.discord === undefined) {
  throw new Error("a Discord shard needs DISCORD_TOKEN and DISCORD_APPLICATION_ID");
}
const core = Core.load(config.knowledgeDir === undefined ? {} : { knowledgeDir: config.knowledgeDir });
const service = await connectDiscord(core, config.discord);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void service.stop().finally(() => process.exit(0));
  });
}
