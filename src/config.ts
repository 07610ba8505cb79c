import path from "node:path";
import { z } from "./core/knowledge/zod.js";
import { LOG_LEVELS, type LogLevelName } from "./log-levels.js";

const Optional = z.pipe(
  z.optional(z.string().check(z.trim())),
  z.transform((v) => (v === "" ? undefined : v)),
);
/** As given, untrimmed: a number with spaces around it is refused, not read. */
const Raw = z.pipe(
  z.optional(z.string()),
  z.transform((v) => (v === "" ? undefined : v)),
);
const Url = z.optional(z.url({ message: "must be a URL such as https://example.com" }));
/** Plain decimal digits only: "1e3", "0x10", "1.0" and " 8" are not numbers a person means here. */
const decimal = (v: string) => (/^\d+$/.test(v) ? Number(v) : Number.NaN);
/** A whole number written in decimal, from `min` to `max`, or `fallback` when unset. */
const Count = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER, message?: string) =>
  z.pipe(
    z.pipe(
      Raw,
      z.transform((v) => (v === undefined ? fallback : decimal(v))),
    ),
    z
      .int({ message: message ?? `must be a whole number of at least ${min}, in decimal digits` })
      .check(z.minimum(min, message), z.maximum(max, message)),
  );
/** true/false (on/off, 1/0, yes/no), or `fallback` when unset. */
const Switch = (fallback: boolean) =>
  z.pipe(
    z.pipe(
      Optional,
      z.optional(
        z.enum(["true", "false", "on", "off", "1", "0", "yes", "no"], { message: "must be true or false" }),
      ),
    ),
    z.transform((v) => (v === undefined ? fallback : ["true", "on", "1", "yes"].includes(v))),
  );
/** An optional string that also passes `check`. */
const OptionalWith = (check: z.core.$ZodCheck<string>) =>
  z.pipe(Optional, z.optional(z.string().check(check)));

/** Where declined questions go unless UNANSWERED_LOG says otherwise: the working directory. */
export const DEFAULT_UNANSWERED_LOG = "unanswered.jsonl";
/** Longer than the idle timeouts of common balancers (60 s), so that they, not the bot, close a connection. */
export const DEFAULT_KEEP_ALIVE_SECONDS = 65;
/** Answers one process works on at once before it tells new askers it is busy. */
export const DEFAULT_MAX_CONCURRENT_ANSWERS = 200;
/** Past this size the unanswered log is rotated, unless UNANSWERED_LOG_MAX_BYTES says otherwise: about 100,000 records. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** Rotated unanswered logs kept unless UNANSWERED_LOG_KEEP says otherwise: with the default size, 500 MiB. */
export const DEFAULT_KEEP = 50;

/** How many questions one person may ask: a burst at once, then so many a minute. */
export interface RateLimit {
  /** Questions a person may ask back to back. */
  burst: number;
  /** Questions a minute a person may keep asking, on average. */
  perMinute: number;
}
export const DEFAULT_RATE_LIMIT: RateLimit = Object.freeze({ burst: 5, perMinute: 12 });

const Env = z.object({
  KNOWLEDGE_DIR: Optional,
  DISCORD_TOKEN: Optional,
  DISCORD_APPLICATION_ID: OptionalWith(z.regex(/^\d{15,25}$/, "must be a numeric snowflake id")),
  DISCORD_GUILD_ID: OptionalWith(z.regex(/^\d{15,25}$/, "must be a numeric snowflake id")),
  DISCORD_API_URL: z.pipe(Optional, Url),
  SLACK_BOT_TOKEN: OptionalWith(z.startsWith("xoxb-", "must start with xoxb-")),
  // Slack's signing secrets are 32 hexadecimal characters; anything much shorter is a mistake, and
  // a secret shorter than the logger redacts (see log.ts) could reach a log line.
  SLACK_SIGNING_SECRET: z.pipe(
    Optional,
    z.optional(
      z
        .string()
        .check(
          z.minLength(32, "must be the app's Signing Secret (Basic Information), 32 characters"),
          z.regex(/^\S+$/, "must be the app's Signing Secret (Basic Information), with no spaces"),
        ),
    ),
  ),
  SLACK_APP_TOKEN: OptionalWith(z.startsWith("xapp-", "must start with xapp-")),
  SLACK_API_URL: z.pipe(Optional, Url),
  SLACK_DEBUG_LOGS: Switch(false),
  // Slack user ids (U… or W…), comma-separated: the curators who may use the admin commands.
  SLACK_ADMIN_USER_IDS: OptionalWith(
    z.regex(
      /^[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*$/,
      "must be Slack user ids (U… or W…) separated by commas",
    ),
  ),
  PORT: Count(3000, 0, 65535, "must be a port number from 0 to 65535, in decimal digits"),
  HTTP_KEEP_ALIVE_SECONDS: Count(DEFAULT_KEEP_ALIVE_SECONDS, 1, 3600),
  MAX_CONCURRENT_ANSWERS: Count(DEFAULT_MAX_CONCURRENT_ANSWERS, 1),
  LOG_LEVEL: z.pipe(
    Optional,
    z._default(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }), "info"),
  ),
  LOG_FILE: Optional,
  UNANSWERED_LOG: Optional,
  UNANSWERED_LOG_MAX_BYTES: Count(DEFAULT_MAX_BYTES, 1024),
  UNANSWERED_LOG_KEEP: Count(DEFAULT_KEEP, 1),
  RATE_LIMIT_ENABLED: Switch(true),
  RATE_LIMIT_BURST: Count(DEFAULT_RATE_LIMIT.burst, 1),
  RATE_LIMIT_PER_MINUTE: Count(DEFAULT_RATE_LIMIT.perMinute, 1),
  DIGEST_EVERY_HOURS: OptionalWith(
    z.regex(/^[1-9]\d{0,3}$/, "must be a whole number of hours from 1, in decimal digits"),
  ),
  SLACK_DIGEST_CHANNEL: OptionalWith(z.regex(/^[CG][A-Z0-9]+$/, "must be a Slack channel id (C… or G…)")),
  DISCORD_DIGEST_CHANNEL: OptionalWith(z.regex(/^\d{15,25}$/, "must be a numeric snowflake id")),
  REDIS_URL: z.pipe(
    Optional,
    z.optional(z.url({ protocol: /^rediss?$/, message: "must be a URL such as redis://localhost:6379" })),
  ),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

export interface SlackConfig {
  botToken: string;
  /** Absent in Socket Mode. */
  signingSecret?: string;
  /** Present in Socket Mode. */
  appToken?: string;
  apiUrl?: string;
  port: number;
  /** HTTP_KEEP_ALIVE_SECONDS: how long HTTP mode keeps an idle connection; DEFAULT_KEEP_ALIVE_SECONDS unless set. */
  keepAliveSeconds?: number;
  /**
   * SLACK_DEBUG_LOGS: at LOG_LEVEL debug or trace, also Bolt's and its clients' own debug lines,
   * which hold user and channel ids and message text. Off unless asked for.
   */
  debugLogs?: boolean;
  /** SLACK_ADMIN_USER_IDS: the user ids that may use the admin commands (reloading the knowledge); none unless set. */
  adminUserIds?: readonly string[];
}

/** The curators' digest: a short inbox summary posted every so many hours to the channels given. */
export interface DigestConfig {
  /** DIGEST_EVERY_HOURS. */
  everyHours: number;
  /** SLACK_DIGEST_CHANNEL: a channel id. */
  slackChannel?: string;
  /** DISCORD_DIGEST_CHANNEL: a channel id. */
  discordChannel?: string;
}

export interface Config {
  knowledgeDir?: string;
  discord?: DiscordConfig;
  slack?: SlackConfig;
  logLevel: LogLevelName;
  /** Whether LOG_LEVEL was set rather than left to its default: the terminal chat logs only when asked. */
  logLevelSet: boolean;
  /** LOG_FILE: the absolute path the logs are appended to instead of standard error; absent: standard error. */
  logFile?: string;
  /** The absolute path of the unanswered-question log; absent when UNANSWERED_LOG=off. */
  unansweredLog?: string;
  /** The unanswered log is rotated past this size. */
  unansweredMaxBytes: number;
  /** How many rotated files of the unanswered log are kept; older ones are removed. */
  unansweredKeep: number;

  /** Absent when RATE_LIMIT_ENABLED=false. */
  rateLimit?: RateLimit;
  /** Redis (or Valkey), for the state instances share; absent: everything stays in memory. */
  redisUrl?: string;
  /** MAX_CONCURRENT_ANSWERS: past this many answers in flight, new askers are told the bot is busy. */
  maxConcurrentAnswers: number;
  /** Absent unless DIGEST_EVERY_HOURS and a digest channel are set. */
  digest?: DigestConfig;
}

/** Every token and secret in the configuration, for the logger to redact. */
export function secretsOf(config: Config): string[] {
  const { discord, slack, redisUrl } = config;
  const redisPassword = redisUrl === undefined ? undefined : new URL(redisUrl).password || undefined;
  return [discord?.token, slack?.botToken, slack?.signingSecret, slack?.appToken, redisPassword].filter(
    (s): s is string => s !== undefined,
  );
}

/** A configuration that cannot be used; the message names each variable and never holds a value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

/** The digest needs a schedule and a channel, each channel its platform; half of it set is a mistake. */
function digestProblems(e: z.infer<typeof Env>, problems: string[]): void {
  const channels = (["SLACK_DIGEST_CHANNEL", "DISCORD_DIGEST_CHANNEL"] as const).filter(
    (n) => e[n] !== undefined,
  );
  if (e.DIGEST_EVERY_HOURS !== undefined && channels.length === 0) {
    problems.push("DIGEST_EVERY_HOURS: needs SLACK_DIGEST_CHANNEL or DISCORD_DIGEST_CHANNEL to post to");
  }
  for (const channel of channels) {
    if (e.DIGEST_EVERY_HOURS === undefined)
      problems.push(`${channel}: needs DIGEST_EVERY_HOURS, the schedule`);
  }
  if (e.SLACK_DIGEST_CHANNEL !== undefined && e.SLACK_BOT_TOKEN === undefined) {
    problems.push("SLACK_DIGEST_CHANNEL: needs SLACK_BOT_TOKEN, to post with");
  }
  if (e.DISCORD_DIGEST_CHANNEL !== undefined && e.DISCORD_TOKEN === undefined) {
    problems.push("DISCORD_DIGEST_CHANNEL: needs DISCORD_TOKEN, to post with");
  }
}

/**
 * Parses the environment once. Each platform is configured only when its token is set, and
 * then requires its own variables; the terminal needs none.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const need = (name: keyof typeof e, why: string) => {
    if (e[name] === undefined) problems.push(`${name}: is required ${why}`);
  };
  // Slack settings without the bot token are a token lost on the way (an empty SLACK_BOT_TOKEN=
  // line), not a wish for the terminal chat.
  const slackSetting = (["SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"] as const).find((n) => e[n] !== undefined);
  if (slackSetting !== undefined)
    need("SLACK_BOT_TOKEN", `when ${slackSetting} is set (it is empty or missing)`);
  if (e.DISCORD_TOKEN !== undefined) need("DISCORD_APPLICATION_ID", "when DISCORD_TOKEN is set");
  if (e.SLACK_BOT_TOKEN !== undefined && e.SLACK_APP_TOKEN === undefined) {
    need("SLACK_SIGNING_SECRET", "in HTTP mode (when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN)");
  }
  digestProblems(e, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const unanswered = e.UNANSWERED_LOG ?? DEFAULT_UNANSWERED_LOG;
  return defined({
    knowledgeDir: e.KNOWLEDGE_DIR,
    logLevel: e.LOG_LEVEL,
    logLevelSet: (env.LOG_LEVEL ?? "").trim() !== "",
    logFile: e.LOG_FILE === undefined ? undefined : path.resolve(cwd, e.LOG_FILE),
    unansweredLog: unanswered === "off" ? undefined : path.resolve(cwd, unanswered),
    unansweredMaxBytes: e.UNANSWERED_LOG_MAX_BYTES,
    unansweredKeep: e.UNANSWERED_LOG_KEEP,
    redisUrl: e.REDIS_URL,
    digest:
      e.DIGEST_EVERY_HOURS === undefined
        ? undefined
        : defined({
            everyHours: Number(e.DIGEST_EVERY_HOURS),
            slackChannel: e.SLACK_DIGEST_CHANNEL,
            discordChannel: e.DISCORD_DIGEST_CHANNEL,
          }),
    maxConcurrentAnswers: e.MAX_CONCURRENT_ANSWERS,
    rateLimit: e.RATE_LIMIT_ENABLED
      ? { burst: e.RATE_LIMIT_BURST, perMinute: e.RATE_LIMIT_PER_MINUTE }
      : undefined,
    discord:
      e.DISCORD_TOKEN === undefined
        ? undefined
        : defined({
            token: e.DISCORD_TOKEN,
            applicationId: e.DISCORD_APPLICATION_ID as string,
            guildId: e.DISCORD_GUILD_ID,
            apiUrl: e.DISCORD_API_URL,
          }),
    slack:
      e.SLACK_BOT_TOKEN === undefined
        ? undefined
        : defined({
            botToken: e.SLACK_BOT_TOKEN,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            port: e.PORT,
            keepAliveSeconds: e.HTTP_KEEP_ALIVE_SECONDS,
            debugLogs: e.SLACK_DEBUG_LOGS,
            adminUserIds: e.SLACK_ADMIN_USER_IDS?.split(",").map((id) => id.trim()),
          }),
  });
}
