import { inspect } from "node:util";
import { type Logger as BoltLoggerInterface, LogLevel } from "@slack/bolt";
import type { Logger, LogLevelName } from "../../log.js";

const ORDER = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/**
 * Bolt's level for the project's LOG_LEVEL. Bolt's, the Web API client's and Socket Mode's debug
 * lines carry request and response bodies (user and channel ids, message text), so they are written
 * only when `debugLines` (SLACK_DEBUG_LOGS) says so; otherwise debug and trace stop at Bolt's info.
 */
export function boltLevel(level: LogLevelName | string, debugLines = false): LogLevel {
  switch (level) {
    case "trace":
    case "debug":
      return debugLines ? LogLevel.DEBUG : LogLevel.INFO;
    case "info":
      return LogLevel.INFO;
    case "warn":
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/**
 * Bolt's logger interface, backed by the project's pino logger: Bolt, its receivers, its Web API
 * client and Socket Mode all write JSON lines through the same redaction. Strings become the
 * message; an error among the arguments is logged as `err`.
 */
export class BoltLogger implements BoltLoggerInterface {
  private level: LogLevel;

  constructor(
    private log: Logger,
    level: LogLevel = LogLevel.INFO,
  ) {
    this.level = level;
  }

  private write(level: LogLevel, method: "debug" | "info" | "warn" | "error", args: unknown[]): void {
    if (ORDER.indexOf(level) < ORDER.indexOf(this.level)) return;
    const error = args.find((a) => a instanceof Error);
    const text = args
      .filter((a) => a !== error)
      .map((a) =>
        typeof a === "string" ? a : inspect(a, { depth: 2, breakLength: Number.POSITIVE_INFINITY }),
      )
      .join(" ");
    const message = text || (error instanceof Error ? error.message : "");
    if (error === undefined) this.log[method](message);
    else this.log[method]({ err: error }, message);
  }

  debug(...msg: unknown[]): void {
    this.write(LogLevel.DEBUG, "debug", msg);
  }
  info(...msg: unknown[]): void {
    this.write(LogLevel.INFO, "info", msg);
  }
  warn(...msg: unknown[]): void {
    this.write(LogLevel.WARN, "warn", msg);
  }
  error(...msg: unknown[]): void {
    this.write(LogLevel.ERROR, "error", msg);
  }
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(name: string): void {
    this.log = this.log.child({ component: name });
  }
}
