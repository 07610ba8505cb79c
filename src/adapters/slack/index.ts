import type { SlackConfig } from "../../config.js";
import type { Desk } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import { type SlackOptions, type SlackService, startSlackApp } from "./app.js";

export type { SlackOptions, SlackService } from "./app.js";
export { slackManifest } from "./manifest.js";

/** Starts the Slack app (HTTP or Socket Mode) and serves every command, mention and DM until stopped. */
export function startSlack(
  live: LiveCore,
  config: SlackConfig,
  desk: Desk,
  options: SlackOptions = {},
): Promise<SlackService> {
  return startSlackApp(live, config, desk, options);
}
