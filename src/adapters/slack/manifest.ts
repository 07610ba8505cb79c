import { type Command, commands } from "../../../commands/index.js";
import { messages } from "../../core/compose/messages.js";

/** The path Bolt serves events, slash commands and interactions on. */
export const EVENTS_PATH = "/slack/events";

/** Until the app has a public address, the manifest says where it goes. */
const PLACEHOLDER_URL = "https://your-app.example.com";

/** What the bot needs: slash commands, to read mentions and direct messages, and to reply. */
export const BOT_SCOPES = ["app_mentions:read", "chat:write", "commands", "im:history"] as const;
export const BOT_EVENTS = ["app_mention", "message.im"] as const;

export interface ManifestOptions {
  /** The public base URL of this app, e.g. https://bot.example.com; /slack/events is added. */
  requestUrl?: string;
  socketMode: boolean;
}

/** "https://bot.example.com/" or "https://bot.example.com/slack/events" → the events URL. */
export function eventsUrl(base: string): string {
  const trimmed = base.replace(/\/+$/, "");
  return trimmed.endsWith(EVENTS_PATH) ? trimmed : `${trimmed}${EVENTS_PATH}`;
}

function usageHint(command: Command): string {
  return command.options.map((o) => (o.required ? `[${o.name}]` : `[${o.name}:…]`)).join(" ");
}

/** The Slack app manifest, generated from commands/ alone. */
export function slackManifest(options: ManifestOptions): object {
  const url = options.socketMode ? undefined : eventsUrl(options.requestUrl ?? PLACEHOLDER_URL);
  const at = url === undefined ? {} : { url };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: messages.botName,
      description: messages.tagline,
    },
    features: {
      app_home: {
        home_tab_enabled: false,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: messages.botName, always_online: true },
      slash_commands: commands.map((command) => {
        const hint = usageHint(command);
        return {
          command: `/${command.name}`,
          description: command.description,
          ...(hint ? { usage_hint: hint } : {}),
          ...at,
          should_escape: false,
        };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        ...(url === undefined ? {} : { request_url: url }),
        bot_events: [...BOT_EVENTS],
      },
      // Buttons (a card's topics, follow-ups) come back as interactions, to the same URL.
      interactivity: { is_enabled: true, ...(url === undefined ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
