import { inspect } from "node:util";
import { type Logger, LogLevel } from "@slack/bolt";

/** Anything shaped like a Slack token: bot, user, app-level, refresh or configuration tokens. */
const TOKEN = /\bx(?:ox[a-z]|app)-[\w-]+/gi;
const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Replaces every token-shaped string and every given secret with "[redacted]". */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN, "[redacted]");
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * One line about an error: its name, code and message. Never the error object itself, whose
 * `original` or request fields can hold the Authorization header.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error === "string" ? error : inspect(error, { depth: 1 });
  const code = (error as { code?: unknown }).code;
  const slack = (error as { data?: { error?: unknown } }).data?.error;
  const detail = [typeof code === "string" ? code : undefined, typeof slack === "string" ? slack : undefined]
    .filter((d) => d !== undefined)
    .join(", ");
  return `${error.name}${detail ? ` (${detail})` : ""}: ${error.message}`;
}

/** Logs a failure inside the Slack adapter on standard error, without any token or secret. */
export function logError(where: string, error: unknown, secrets: readonly string[] = []): void {
  console.error(redact(`[slack] ${where}: ${describeError(error)}`, secrets));
}

/** Bolt's logger, writing to the console through the same redaction. */
export class SafeLogger implements Logger {
  private level: LogLevel;
  private name = "slack";

  constructor(
    private readonly secrets: readonly string[],
    level: LogLevel = LogLevel.INFO,
  ) {
    this.level = level;
  }

  private line(args: unknown[]): string {
    const parts = args.map((a) => (typeof a === "string" ? a : describeError(a)));
    return redact(`[${this.name}] ${parts.join(" ")}`, this.secrets);
  }

  private enabled(level: LogLevel): boolean {
    return ORDER.indexOf(level) >= ORDER.indexOf(this.level);
  }

  debug(...msg: unknown[]): void {
    if (this.enabled(LogLevel.DEBUG)) console.debug(this.line(msg));
  }
  info(...msg: unknown[]): void {
    if (this.enabled(LogLevel.INFO)) console.info(this.line(msg));
  }
  warn(...msg: unknown[]): void {
    if (this.enabled(LogLevel.WARN)) console.warn(this.line(msg));
  }
  error(...msg: unknown[]): void {
    if (this.enabled(LogLevel.ERROR)) console.error(this.line(msg));
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.name = name;
  }
}
