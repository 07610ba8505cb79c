import type { SlackConfig } from "../../config.js";
import type { Core } from "../../core/core.js";
import type { Service } from "../service.js";

/** Starts the Slack app (HTTP or Socket Mode) and serves every command, mention and DM until stopped. */
export async function startSlack(_core: Core, _config: SlackConfig): Promise<Service> {
  throw new Error("the Slack adapter is not built yet");
}

/** The Slack app manifest, generated from commands/ alone. */
export function slackManifest(_options: { requestUrl?: string; socketMode: boolean }): object {
  throw new Error("the Slack adapter is not built yet");
}
