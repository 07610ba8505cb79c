/**
 * Gateway payloads the Discord tests send, written by hand in the shape Discord's API documents:
 * the ids of a small world (one server with three text channels, a user, a DM), the server as
 * GUILD_CREATE carries it, interactions (slash commands, autocomplete, button clicks) and messages.
 */
import type { GuildPayload } from "../../fakes/discord.js";

export const ids = {
  app: "900000000000000001",
  bot: "900000000000000002",
  user: "900000000000000003",
  otherBot: "900000000000000004",
  guild: "900000000000000010",
  general: "900000000000000020",
  quiet: "900000000000000021",
  quieter: "900000000000000022",
  dm: "900000000000000030",
} as const;

const JOINED = "2025-01-01T00:00:00.000Z";
const PERMISSIONS = "2248473465835073";

export const botUser = {
  id: ids.bot,
  username: "returnee-bot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true as const,
};
export const human = {
  id: ids.user,
  username: "asker",
  discriminator: "0",
  global_name: "Asker",
  avatar: null,
};
/** A second person in the server, whose questions must not wait on the first one's. */
export const otherHuman = {
  ...human,
  id: "900000000000000005",
  username: "other-asker",
  global_name: "Other",
};
export const otherBot = { ...botUser, id: ids.otherBot, username: "other-bot" };

function textChannel(id: string, name: string) {
  return {
    id,
    type: 0,
    guild_id: ids.guild,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    topic: null,
    nsfw: false,
    rate_limit_per_user: 0,
    last_message_id: null,
  };
}

export const dmChannel = { id: ids.dm, type: 1, recipients: [human], last_message_id: null };

function member(user: object) {
  return { user, roles: [], joined_at: JOINED, deaf: false, mute: false, flags: 0, nick: null, avatar: null };
}

/** The server as GUILD_CREATE carries it, with three text channels. */
export function guildPayload(): GuildPayload {
  return {
    id: ids.guild,
    name: "Fixture server",
    icon: null,
    owner_id: ids.user,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: ids.guild,
        name: "@everyone",
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: PERMISSIONS,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: "en-US",
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: JOINED,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [member(botUser), member(human)],
    channels: [
      textChannel(ids.general, "general"),
      textChannel(ids.quiet, "quiet"),
      textChannel(ids.quieter, "quieter"),
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

let serial = 1000;
/** A new snowflake-shaped id for each payload, so that tests never see each other's replies. */
export function nextId(): string {
  serial += 1;
  return `9100000000000${serial}`;
}

interface Where {
  /** A DM with the bot instead of the server's general channel. */
  dm?: boolean;
  /** Who sends it; the human asker unless said. */
  user?: object;
  /** The asker's Discord language; British English unless said. */
  locale?: string;
}

export interface InteractionPayload {
  id: string;
  token: string;
  [key: string]: unknown;
}

function interaction(type: number, data: object, where: Where = {}, extra: object = {}): InteractionPayload {
  const id = nextId();
  const user = where.user ?? human;
  const place = where.dm
    ? { channel: dmChannel, channel_id: ids.dm, user, context: 1 }
    : {
        guild_id: ids.guild,
        channel: textChannel(ids.general, "general"),
        channel_id: ids.general,
        member: { ...member(user), permissions: PERMISSIONS },
        guild_locale: "en-US",
        context: 0,
      };
  return {
    id,
    application_id: ids.app,
    type,
    token: `interaction-token-${id}`,
    version: 1,
    data,
    ...place,
    app_permissions: PERMISSIONS,
    locale: where.locale ?? "en-GB",
    entitlements: [],
    authorizing_integration_owners: { "0": ids.guild },
    attachment_size_limit: 10_485_760,
    ...extra,
  };
}

/** A slash command as a user sends it, with string option values. */
export function slashCommand(name: string, options: Record<string, string> = {}, where?: Where) {
  return interaction(
    2,
    {
      id: nextId(),
      name,
      type: 1,
      options: Object.entries(options).map(([option, value]) => ({ name: option, type: 3, value })),
    },
    where,
  );
}

/** An autocomplete request while the user types an option's value. */
export function autocomplete(name: string, option: string, typed: string) {
  return interaction(4, {
    id: nextId(),
    name,
    type: 1,
    options: [{ name: option, type: 3, value: typed, focused: true }],
  });
}

/** A click on a button of a message the bot sent. */
export function buttonClick(customId: string, message: Record<string, unknown>, where: Where = {}) {
  return interaction(3, { custom_id: customId, component_type: 2 }, where, { message });
}

/** The bot's earlier message that carried the button, as Discord attaches it to the click. */
export function botMessage(channelId: string, body: { embeds?: unknown; components?: unknown }) {
  return {
    id: nextId(),
    channel_id: channelId,
    author: botUser,
    content: "",
    timestamp: JOINED,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}

/** A message a user (or a bot) posts, in a server channel or in the DM. */
export function userMessage(
  content: string,
  options: { channel?: string; dm?: boolean; author?: object; mentions?: object[] } = {},
) {
  const author = options.author ?? human;
  return {
    id: nextId(),
    channel_id: options.dm ? ids.dm : (options.channel ?? ids.general),
    ...(options.dm ? { channel_type: 1 } : { guild_id: ids.guild, member: member(author), channel_type: 0 }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: options.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
  };
}
