import type { DiscordConfig } from "../../config.js";
import type { Desk } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import type { Service } from "../../ops/ports.js";
import type { OutgoingLimits } from "../outgoing.js";
import { connectDiscord } from "./client.js";
import { putCommands } from "./definitions.js";
import { startShards } from "./sharding.js";

export interface DiscordStartOptions {
  /** "auto" or a number of shards: run under discord.js's ShardingManager. */
  shards?: "auto" | number;
  /** The timeout and the bound on open REST calls; DEFAULT_OUTGOING unless a test says otherwise. */
  outgoing?: OutgoingLimits;
}

/**
 * Connects the bot to Discord and serves every command, mention and DM through the desk until
 * stopped. With shards, each shard runs in its own process with its own core and desk.
 */
export async function startDiscord(
  live: LiveCore,
  config: DiscordConfig,
  desk: Desk,
  options: DiscordStartOptions = {},
): Promise<Service> {
  return options.shards === undefined
    ? connectDiscord(live, config, desk, options.outgoing)
    : startShards(config, options.shards, desk.logger);
}

/** Bulk-overwrites the application's commands (globally, or for the configured guild) from commands/. */
export async function registerDiscordCommands(config: DiscordConfig): Promise<string> {
  return putCommands(config);
}
