import { once } from "node:events";
import { Client, Events, GatewayIntentBits, Partials } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import type { Core } from "../../core/core.js";
import type { Service } from "../service.js";
import { SILENT } from "./format.js";
import { routeEvents } from "./router.js";

/**
 * The gateway intents the bot needs, and no more. Not the privileged MessageContent: a message
 * that mentions the bot, and every DM, carries its content anyway.
 */
export const INTENTS = Object.freeze([
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
]);

/** A discord.js client for this bot: its intents, DM channels as partials, no pings, and the configured API. */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: INTENTS,
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    allowedMentions: SILENT,
    // The gateway URL comes from GET /gateway/bot on this API, so one setting moves both.
    ...(config.apiUrl === undefined ? {} : { rest: { api: config.apiUrl } }),
  });
}

/** Logs in, routes every event to the commands, and resolves once the client is ready. */
export async function connectDiscord(core: Core, config: DiscordConfig): Promise<Service> {
  const client = createDiscordClient(config);
  client.on(Events.Error, (error) => console.error(`[discord] client error: ${error.message}`));
  client.on(Events.ShardError, (error, shard) =>
    console.error(`[discord] shard ${shard} connection error: ${error.message}`),
  );
  routeEvents(client, core);
  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return { stop: () => client.destroy() };
}
