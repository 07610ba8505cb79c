/** The levels LOG_LEVEL accepts, most severe first; "silent" logs nothing. Apart from log.ts so config need not load pino. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
