import type { DiscordConfig } from "../../config.js";
import type { Core } from "../../core/core.js";
import type { Service } from "../service.js";
import { connectDiscord } from "./client.js";
import { putCommands } from "./definitions.js";
import { startShards } from "./sharding.js";

export interface DiscordStartOptions {
  /** "auto" or a number of shards: run under discord.js's ShardingManager. */
  shards?: "auto" | number;
}

/**
 * Connects the bot to Discord and serves every command, mention and DM until stopped. With
 * shards, each shard runs in its own process and loads its own core.
 */
export async function startDiscord(
  core: Core,
  config: DiscordConfig,
  options: DiscordStartOptions = {},
): Promise<Service> {
  return options.shards === undefined ? connectDiscord(core, config) : startShards(config, options.shards);
}

/** Bulk-overwrites the application's commands (globally, or for the configured guild) from commands/. */
export async function registerDiscordCommands(config: DiscordConfig): Promise<string> {
  return putCommands(config);
}
