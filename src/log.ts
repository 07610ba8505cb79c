import { closeSync, mkdirSync, openSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { type DestinationStream, type Logger, pino } from "pino";
import { ConfigError } from "./config.js";
import { shortened } from "./core/language/text.js";
import { LineFile } from "./ops/line-file.js";

export type { Logger } from "pino";

import type { LogLevelName } from "./log-levels.js";

export { LOG_LEVELS, type LogLevelName } from "./log-levels.js";

/** Anything shaped like a Slack token: bot, user, app-level, refresh or configuration tokens. */
const SLACK_TOKEN = /\bx(?:ox[a-z]|app)-[\w-]+/gi;
/** A Discord bot token: the bot's id in base64, a timestamp and an HMAC, joined by dots. */
const DISCORD_TOKEN = /\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}\b/g;
/** The credential of an Authorization header, however it got into a message. */
const AUTHORIZATION = /(authorization["']?\s*[:=]\s*["']?(?:Bot|Bearer)\s+)[^\s"',}]+/gi;
/** A Slack response_url or webhook: its path after the kind is a secret that lets anyone post. */
const SLACK_HOOK = /(\bhooks\.slack(?:-gov)?\.com\/[\w-]+\/)[^\s"'<>\\]+/gi;
const REDACTED = "[redacted]";

/**
 * Replaces every token-shaped string, every Slack response_url's path and every given secret with
 * "[redacted]", the secrets also
 * as JSON escapes them, so that a log line can never carry one.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text
    .replace(SLACK_TOKEN, REDACTED)
    .replace(DISCORD_TOKEN, REDACTED)
    .replace(AUTHORIZATION, `$1${REDACTED}`)
    .replace(SLACK_HOOK, `$1${REDACTED}`);
  for (const secret of secrets) {
    if (secret.length < 8) continue;
    out = out.split(secret).join(REDACTED);
    const escaped = JSON.stringify(secret).slice(1, -1);
    if (escaped !== secret) out = out.split(escaped).join(REDACTED);
  }
  return out;
}

/**
 * What a log line says about an error: its name, message, code, HTTP status, Slack's error and
 * stack. Never the error object itself, whose request fields can hold an Authorization header.
 */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: typeof error === "string" ? error : String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; statusCode?: unknown; data?: unknown };
  const slack = (e.data as { error?: unknown } | undefined)?.error;
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === "string" || typeof e.code === "number" ? { code: e.code } : {}),
    ...(typeof e.status === "number" ? { status: e.status } : {}),
    ...(typeof e.statusCode === "number" ? { status: e.statusCode } : {}),
    ...(typeof slack === "string" ? { slackError: slack } : {}),
    ...(e.stack === undefined ? {} : { stack: e.stack }),
  };
}

export interface LogOptions {
  level: LogLevelName;
  /** Values that must never be written: tokens and signing secrets from the configuration. */
  secrets: readonly string[];
}

/**
 * The one logger: JSON lines on standard error (or the given stream), at the configured level,
 * every line passed through `redact` on its way out.
 */
export function createLogger(options: LogOptions, destination?: DestinationStream): Logger {
  const secrets = [...options.secrets];
  return pino(
    {
      name: "returnee-bot",
      level: options.level,
      serializers: { err: errorFields, error: errorFields },
      hooks: { streamWrite: (line) => redact(line, secrets) },
    },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** Where a log line goes when the log file cannot take it: standard error, or a test's stream. */
interface Fallback {
  write(text: string): unknown;
}

/** Failures of the disk rather than of the configuration: the bot logs to standard error and keeps serving. */
const DISK_FULL = new Set(["ENOSPC", "EDQUOT", "EIO", "EFBIG"]);

function codeOf(error: unknown): string {
  return String((error as NodeJS.ErrnoException).code ?? (error as Error).message);
}

/** A log line of this module's own, in the logger's shape, for the one moment the logger cannot be used. */
function notice(level: number, msg: string, fields: Record<string, unknown>): string {
  const where = { pid: process.pid, hostname: hostname() };
  return `${JSON.stringify({ level, time: Date.now(), ...where, name: "returnee-bot", ...fields, msg })}\n`;
}

/**
 * LOG_FILE as the logger's destination: each line appended whole (see LineFile), its folder
 * created if need be. A file that can never be written (a folder, a path through a file, no
 * permission) is a configuration problem and stops start-up naming LOG_FILE. A disk that fills up,
 * at start-up or later, never stops the bot: each line that does not fit goes to `fallback`
 * (standard error), which is told so once; every line tries the file again, and once one fits the
 * file says where the lines in between went.
 */
export function logFile(file: string, fallback: Fallback = process.stderr): DestinationStream {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    closeSync(openSync(file, "a"));
  } catch (error) {
    if (!DISK_FULL.has(codeOf(error))) {
      throw new ConfigError([
        `LOG_FILE: cannot be opened for appending (${codeOf(error)}): ${shortened(file)}`,
      ]);
    }
  }
  const out = new LineFile(file);
  let failing = false;
  return {
    write(line: string) {
      try {
        out.append(line);
      } catch (error) {
        if (!failing) {
          fallback.write(
            notice(40, "log file cannot be written; logging to standard error until it can", {
              file,
              code: codeOf(error),
            }),
          );
        }
        failing = true;
        fallback.write(line);
        return;
      }
      if (!failing) return;
      failing = false;
      try {
        out.append(
          notice(30, "log file written again; the lines in between went to standard error", { file }),
        );
      } catch {
        // The next line will say it.
      }
    },
  };
}
