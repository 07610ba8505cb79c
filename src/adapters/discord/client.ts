import { once } from "node:events";
import { Client, DefaultRestOptions, Events, GatewayIntentBits, Partials, RESTEvents } from "discord.js";
import type { DiscordConfig } from "../../config.js";
import { errorFields, type Logger, redact } from "../../log.js";
import type { Desk } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import type { Service } from "../../ops/ports.js";
import { bounded, DEFAULT_OUTGOING } from "../outgoing.js";
import { START_TIMEOUT_MS, within } from "../service.js";
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

/**
 * A discord.js client for this bot: its intents, DM channels as partials, no pings, the configured
 * API, and REST calls given up after `outgoing.timeoutMs` (discord.js retries one that timed out
 * up to three times), at most `outgoing.maxOpen` open at once (see ../outgoing.ts).
 */
export function createDiscordClient(config: DiscordConfig, outgoing = DEFAULT_OUTGOING): Client {
  return new Client({
    intents: INTENTS,
    // DM channels are not cached before their first message arrives.
    partials: [Partials.Channel],
    allowedMentions: SILENT,
    rest: {
      // The gateway URL comes from GET /gateway/bot on this API, so one setting moves both.
      ...(config.apiUrl === undefined ? {} : { api: config.apiUrl }),
      timeout: outgoing.timeoutMs,
      makeRequest: bounded(DefaultRestOptions.makeRequest, outgoing),
    },
  });
}

/**
 * Reports what discord.js handles by itself: it retries a 5xx up to three times and waits out a
 * 429 for its `retry-after`, and it reconnects the gateway. None of it stops the bot.
 */
function logClientEvents(client: Client, log: Logger): void {
  client.on(Events.Error, (error) => log.error({ err: error }, "client error"));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardError, (error, shard) => log.warn({ shard, err: error }, "gateway connection error"));
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, "gateway resumed"));
  client.rest.on(RESTEvents.RateLimited, (limit) =>
    log.warn(
      { route: limit.route, retryAfterMs: limit.retryAfter, global: limit.global },
      "Discord rate limit: discord.js waits before sending",
    ),
  );
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== 429 && response.status < 500) return;
    // The route, not the path: an interaction's path holds its token.
    log.warn(
      { method: request.method, route: request.route, status: response.status, retries: request.retries },
      `Discord answered ${response.status}; discord.js retries it`,
    );
  });
}

/**
 * Logs in, routes every event to the commands, and resolves once the client is ready. Discord
 * unreachable or failing stops it within START_TIMEOUT_MS, with a message saying what failed.
 */
export async function connectDiscord(
  live: LiveCore,
  config: DiscordConfig,
  desk: Desk,
  outgoing = DEFAULT_OUTGOING,
): Promise<Service> {
  const client = createDiscordClient(config, outgoing);
  const log = desk.logger.child({ platform: "discord" });
  logClientEvents(client, log);
  routeEvents(client, live, desk);
  const ready = once(client, Events.ClientReady);
  const connecting = (async () => {
    await client.login(config.token);
    await ready;
  })();
  try {
    await within(START_TIMEOUT_MS, "logging in to the gateway", connecting, () => client.destroy());
  } catch (error) {
    await client.destroy();
    const { message } = errorFields(error);
    throw new Error(redact(`Discord could not start: ${String(message)}`, [config.token]));
  }
  log.info({ guilds: client.guilds.cache.size }, "connected to the Discord gateway");
  return {
    stop: () => client.destroy(),
    post: async (channelId, text) => {
      const channel = await client.channels.fetch(channelId);
      if (channel === null || !channel.isSendable()) throw new Error("not a channel the bot can post in");
      await channel.send({ content: text, allowedMentions: SILENT });
    },
  };
}
