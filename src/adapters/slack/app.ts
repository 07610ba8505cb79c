import type { AddressInfo } from "node:net";
import { App, type CustomRoute, webApi } from "@slack/bolt";
import { ConfigError, type SlackConfig } from "../../config.js";
import type { Core } from "../../core/core.js";
import { errorFields, redact } from "../../log.js";
import type { Desk } from "../../ops/index.js";
import type { Service } from "../service.js";
import { registerListeners } from "./listeners.js";
import { BoltLogger, boltLevel } from "./log.js";

export interface SlackOptions {
  /** The interface HTTP mode listens on; all of them by default. */
  host?: string;
  /** How the Web API client retries a 5xx or a 429; five retries in five minutes unless a test says otherwise. */
  retryConfig?: webApi.RetryOptions;
}

/** A running Slack app; `port` is where HTTP mode listens (useful when PORT is 0). */
export interface SlackService extends Service {
  readonly mode: "http" | "socket";
  readonly port?: number;
}

/**
 * The health check load balancers and orchestrators call: it needs no Slack signature. It turns
 * 503 once the bot is shutting down, so that a balancer sends new work elsewhere.
 */
function healthz(desk: Desk): CustomRoute {
  return {
    path: "/healthz",
    method: ["GET"],
    handler: (_req, res) => {
      res.writeHead(desk.closing ? 503 : 200, { "Content-Type": "application/json" });
      res.end(desk.closing ? '{"ok":false,"shuttingDown":true}' : '{"ok":true}');
    },
  };
}

function secretsOf(config: SlackConfig): string[] {
  return [config.botToken, config.signingSecret, config.appToken].filter((s) => s !== undefined);
}

/**
 * Builds the Bolt app: Socket Mode when an app token is set, else HTTP at /slack/events with every
 * request's signature checked. It keeps no state between requests: no conversation store, and the
 * bot's identity is read once at start-up.
 */
export function buildSlackApp(core: Core, config: SlackConfig, desk: Desk, options: SlackOptions = {}): App {
  const level = boltLevel(desk.logger.level);
  const logger = new BoltLogger(desk.logger.child({ platform: "slack" }), level);
  const app = new App({
    token: config.botToken,
    ...(config.appToken !== undefined
      ? { socketMode: true, appToken: config.appToken }
      : { signingSecret: config.signingSecret ?? "", customRoutes: [healthz(desk)] }),
    logger,
    logLevel: level,
    convoStore: false,
    deferInitialization: true,
    clientOptions: {
      ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
      // A reply minutes late is no use in a chat; Bolt's default keeps retrying for half an hour.
      retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    },
  });
  registerListeners(app, core, desk);
  return app;
}

/** Turns Slack refusing a token into a configuration problem that names the variable. */
function startError(error: unknown, variable: string, secrets: readonly string[]): Error {
  if (error instanceof Error && (error as { code?: unknown }).code === webApi.ErrorCode.PlatformError) {
    const reason = (error as { data?: { error?: unknown } }).data?.error;
    return new ConfigError([`${variable}: Slack refused it (${String(reason)})`]);
  }
  const { type, message } = errorFields(error);
  return new Error(redact(`Slack could not start: ${String(type ?? "Error")}: ${String(message)}`, secrets));
}

/** Starts the Slack app (HTTP or Socket Mode) and serves every command, mention and DM until stopped. */
export async function startSlackApp(
  core: Core,
  config: SlackConfig,
  desk: Desk,
  options: SlackOptions = {},
): Promise<SlackService> {
  const secrets = secretsOf(config);
  const app = buildSlackApp(core, config, desk, options);
  // auth.test, once: it checks the bot token and tells the app its own ids, to ignore its own messages.
  await app.init().catch((error: unknown) => {
    throw startError(error, "SLACK_BOT_TOKEN", secrets);
  });
  const stop = async () => {
    await app.stop();
  };
  if (config.appToken !== undefined) {
    await app.start().catch((error: unknown) => {
      throw startError(error, "SLACK_APP_TOKEN", secrets);
    });
    app.logger.info("Slack: connected in Socket Mode");
    return { mode: "socket", stop };
  }
  const server = await app.start({
    port: config.port,
    ...(options.host === undefined ? {} : { host: options.host }),
  });
  const { port } = server.address() as AddressInfo;
  desk.logger.info({ platform: "slack", port }, `Slack: listening for /slack/events on port ${port}`);
  return { mode: "http", port, stop };
}
