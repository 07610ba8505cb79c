import type { DiscordConfig } from "../../config.js";
import type { Core } from "../../core/core.js";
import type { Service } from "../service.js";

export interface DiscordStartOptions {
  /** "auto" or a number of shards: run under discord.js's ShardingManager. */
  shards?: "auto" | number;
}

/** Connects the bot to Discord and serves every command, mention and DM until stopped. */
export async function startDiscord(
  _core: Core,
  _config: DiscordConfig,
  _options: DiscordStartOptions = {},
): Promise<Service> {
  throw new Error("the Discord adapter is not built yet");
}

/** Bulk-overwrites the application's commands (globally, or for the configured guild) from commands/. */
export async function registerDiscordCommands(_config: DiscordConfig): Promise<string> {
  throw new Error("the Discord adapter is not built yet");
}
