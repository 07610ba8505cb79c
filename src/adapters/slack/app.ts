import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, webApi } from "@slack/bolt";
import { ConfigError, DEFAULT_KEEP_ALIVE_SECONDS, type SlackConfig } from "../../config.js";
import { errorFields, type Logger, redact } from "../../log.js";
import type { Desk } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import type { Service } from "../../ops/ports.js";
import { bounded, DEFAULT_OUTGOING, type OutgoingLimits } from "../outgoing.js";
import { START_TIMEOUT_MS, within } from "../service.js";
import { registerListeners } from "./listeners.js";
import { BoltLogger, boltLevel } from "./log.js";
import { GuardedReceiver } from "./receiver.js";

export interface SlackOptions {
  /** The interface HTTP mode listens on; all of them by default. */
  host?: string;
  /** How the Web API client retries a 5xx or a 429; five retries in five minutes unless a test says otherwise. */
  retryConfig?: webApi.RetryOptions;
  /** The timeout and the bound on open calls of each kind; DEFAULT_OUTGOING unless a test says otherwise. */
  outgoing?: OutgoingLimits;
}

/** A running Slack app; `port` is where HTTP mode listens (useful when PORT is 0). */
export interface SlackService extends Service {
  readonly mode: "http" | "socket";
  readonly port?: number;
}

function secretsOf(config: SlackConfig): string[] {
  return [config.botToken, config.signingSecret, config.appToken].filter((s) => s !== undefined);
}

type FetchInit = NonNullable<Parameters<webApi.FetchFunction>[1]>;

/** Where the Web API is unless SLACK_API_URL says otherwise. */
const SLACK_API_URL = "https://slack.com/api/";

/**
 * Every call the Slack app makes, through two bounded doors (see ../outgoing.ts): one for the Web
 * API, whose 5xx and 429 are logged at warn naming the method, since its client retries them
 * without a word; one for response_urls, whose path is a secret that lets anyone post to the
 * channel and which Bolt does not retry: nothing is logged here, and a failure reaches the desk,
 * which logs it without the URL and apologises.
 */
function slackFetch(logger: Logger, apiUrl: string, limits: OutgoingLimits): webApi.FetchFunction {
  const webApiCall = bounded(async (url: string, init: FetchInit) => {
    const response = await fetch(url, init);
    if (response.status === 429 || response.status >= 500) {
      const method = new URL(url).pathname.split("/").at(-1);
      logger.warn(
        { platform: "slack", method, status: response.status },
        `Slack answered ${response.status} to ${method}; the Web API client retries it unless its retries are used up`,
      );
    }
    return response;
  }, limits);
  const responseUrlPost = bounded((url: string, init: FetchInit) => fetch(url, init), limits);
  return (url, init = {}) =>
    String(url).startsWith(apiUrl) ? webApiCall(String(url), init) : responseUrlPost(String(url), init);
}

/** At start-up auth.test is tried three times, 7 s each at most: within 25 s, not minutes, a bot that cannot reach Slack says so. */
const START_RETRIES: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };
const START_REQUEST_TIMEOUT_MS = 7000;

interface BotIdentity {
  botUserId: string;
  botId: string;
}

/**
 * The project's logger for Slack's lines, and Bolt's logger over it at the level LOG_LEVEL and
 * SLACK_DEBUG_LOGS give, for Bolt and its Web API clients.
 */
function slackLoggers(config: SlackConfig, desk: Desk) {
  const logger = desk.logger.child({ platform: "slack" });
  const level = boltLevel(desk.logger.level, config.debugLogs);
  return { logger, level, boltLogger: new BoltLogger(logger, level) };
}

/** auth.test, once: it checks the bot token and tells the app its own ids, to ignore its own messages. */
async function whoAmI(config: SlackConfig, desk: Desk): Promise<BotIdentity> {
  const { logger, boltLogger } = slackLoggers(config, desk);
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
    logger: boltLogger,
    retryConfig: START_RETRIES,
    timeout: START_REQUEST_TIMEOUT_MS,
    fetch: slackFetch(logger, config.apiUrl ?? SLACK_API_URL, DEFAULT_OUTGOING),
  });
  const result = await client.auth.test();
  return { botUserId: String(result.user_id), botId: String(result.bot_id) };
}

/**
 * Builds the Bolt app: Socket Mode when an app token is set, else HTTP at /slack/events behind the
 * guarded receiver (signature, timestamp and body checked before Bolt sees a request). It keeps no
 * state between requests: no conversation store, and the bot's identity is given, read once at
 * start-up.
 */
export function buildSlackApp(
  live: LiveCore,
  config: SlackConfig,
  desk: Desk,
  identity: BotIdentity,
  options: SlackOptions = {},
): App {
  const { logger, level, boltLogger } = slackLoggers(config, desk);
  const app = new App({
    token: config.botToken,
    ...identity,
    // The identity above comes from auth.test at start-up; Bolt need not call it again.
    tokenVerificationEnabled: false,
    ...(config.appToken !== undefined
      ? { socketMode: true, appToken: config.appToken }
      : {
          receiver: new GuardedReceiver({
            signingSecret: config.signingSecret ?? "",
            desk,
            keepAliveSeconds: config.keepAliveSeconds ?? DEFAULT_KEEP_ALIVE_SECONDS,
            logger,
            boltLogger,
          }),
        }),
    logger: boltLogger,
    logLevel: level,
    convoStore: false,
    clientOptions: {
      ...(config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl }),
      // A reply minutes late is no use in a chat; Bolt's default keeps retrying for half an hour.
      retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
      fetch: slackFetch(logger, config.apiUrl ?? SLACK_API_URL, options.outgoing ?? DEFAULT_OUTGOING),
    },
  });
  registerListeners(app, live, desk, new Set(config.adminUserIds));
  return app;
}

/** What a network failure hides under "fetch failed": the innermost cause, e.g. " (ECONNREFUSED …)". */
function underlying(error: unknown): string {
  let inner: unknown = error;
  for (let depth = 0; depth < 5; depth++) {
    const next =
      (inner as { original?: unknown; cause?: unknown }).original ?? (inner as { cause?: unknown }).cause;
    if (!(next instanceof Error)) break;
    inner = next;
  }
  if (inner === error || !(inner instanceof Error)) return "";
  const { code, message } = errorFields(inner);
  return ` (${code === undefined ? "" : `${String(code)}: `}${String(message)})`;
}

/** Turns Slack refusing a token into a configuration problem that names the variable. */
function startError(error: unknown, variable: string, step: string, secrets: readonly string[]): Error {
  if (error instanceof Error && (error as { code?: unknown }).code === webApi.ErrorCode.PlatformError) {
    const reason = (error as { data?: { error?: unknown } }).data?.error;
    return new ConfigError([`${variable}: Slack refused it (${String(reason)})`]);
  }
  const { type, message } = errorFields(error);
  return new Error(
    redact(
      `Slack could not start: ${step} failed: ${String(type ?? "Error")}: ${String(message)}${underlying(error)}`,
      secrets,
    ),
  );
}

/** Posts through the app's Web API client, with Slack's link and mention parsing off. */
function poster(app: App): NonNullable<Service["post"]> {
  return async (channel, text) => {
    await app.client.chat.postMessage({ channel, text, parse: "none", link_names: false });
  };
}

/**
 * Starts the Slack app (HTTP or Socket Mode) and serves every command, mention and DM until stopped.
 * Slack unreachable or failing at start-up stops it within START_TIMEOUT_MS, saying what failed.
 */
export async function startSlackApp(
  live: LiveCore,
  config: SlackConfig,
  desk: Desk,
  options: SlackOptions = {},
): Promise<SlackService> {
  const secrets = secretsOf(config);
  const identity = await whoAmI(config, desk).catch((error: unknown) => {
    throw startError(error, "SLACK_BOT_TOKEN", "auth.test", secrets);
  });
  const app = buildSlackApp(live, config, desk, identity, options);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= app.stop().then(() => undefined);
    return stopping;
  };
  if (config.appToken !== undefined) {
    await within(START_TIMEOUT_MS, "apps.connections.open", app.start(), stop).catch((error: unknown) => {
      throw startError(error, "SLACK_APP_TOKEN", "connecting in Socket Mode", secrets);
    });
    app.logger.info("Slack: connected in Socket Mode");
    // Disconnected, this instance gets no new envelopes: Slack sends them to another connection, or
    // again later; the answers in flight still go out over the Web API and response_urls.
    return { mode: "socket", stopTaking: stop, stop, post: poster(app) };
  }
  const server = (await app.start({
    port: config.port,
    ...(options.host === undefined ? {} : { host: options.host }),
  })) as Server;
  const { port } = server.address() as AddressInfo;
  desk.logger.info({ platform: "slack", port }, `Slack: listening for /slack/events on port ${port}`);
  return { mode: "http", port, stop, post: poster(app) };
}
