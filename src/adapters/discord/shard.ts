/**
 * One shard's process, spawned by the ShardingManager (see sharding.ts). It reads the same
 * environment as the parent (discord.js adds the shard ids and the token), loads the core and
 * connects its shards until SIGINT or SIGTERM, then shuts down as the parent does. It reloads its
 * knowledge on SIGHUP, a curator's command, or (with REDIS_URL) a reload on another instance.
 */
import { loadConfig, secretsOf } from "../../config.js";
import { Core } from "../../core/core.js";
import { createLogger, logFile } from "../../log.js";
import { createDesk } from "../../ops/index.js";
import { LiveCore } from "../../ops/live-core.js";
import { watchReloads } from "../../ops/reloads.js";
import { guardProcess, nextSignal, shutdown } from "../../ops/shutdown.js";
import { connectDiscord } from "./client.js";

const config = loadConfig();
if (config.discord === undefined) {
  throw new Error("a Discord shard needs DISCORD_TOKEN and DISCORD_APPLICATION_ID");
}
const logger = createLogger(
  { level: config.logLevel, secrets: secretsOf(config) },
  config.logFile === undefined ? undefined : logFile(config.logFile),
);
guardProcess(process, logger);
const load = () => Core.load(config.knowledgeDir === undefined ? {} : { knowledgeDir: config.knowledgeDir });
const live = new LiveCore(load(), load);
const reloads = watchReloads(live, process, logger, config.redisUrl);
const desk = createDesk(config, logger);
const service = await connectDiscord(live, config.discord, desk);

await nextSignal(process);
await shutdown(desk, [reloads, service], logger);
process.exit(0);
