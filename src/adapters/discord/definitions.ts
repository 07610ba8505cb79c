import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  Routes,
} from "discord.js";
import { type Command, type CommandOption, commands, LOCALES } from "../../../commands/index.js";
import type { DiscordConfig } from "../../config.js";

/** A command's or option's name and description, with their translations for Discord's Chinese locales. */
function named(item: Command | CommandOption) {
  return {
    name: item.name,
    name_localizations: Object.fromEntries(LOCALES.map((l) => [l, item.localized[l].name])),
    description: item.description,
    description_localizations: Object.fromEntries(LOCALES.map((l) => [l, item.localized[l].description])),
  };
}

/**
 * The chat-input commands Discord shows, derived from the registry alone: each command with its
 * named string options, required ones first (as Discord requires), autocomplete where declared,
 * and every name and description in simplified (zh-CN) and traditional (zh-TW) Chinese. An admin
 * command is for servers only, and shown to no one but administrators (permissions "0") until a
 * server grants it to others in its integration settings.
 */
export function commandDefinitions(
  list: readonly Command[] = commands,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return list.map((command) => ({
    type: ApplicationCommandType.ChatInput,
    ...named(command),
    ...(command.admin === true
      ? { default_member_permissions: "0", contexts: [InteractionContextType.Guild] }
      : {}),
    options: [...command.options]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((option) => ({
        type: ApplicationCommandOptionType.String,
        ...named(option),
        required: option.required,
        ...(option.autocomplete !== undefined && option.autocomplete.length > 0
          ? { autocomplete: true }
          : {}),
      })),
  }));
}

/** A REST client for the configured API (Discord's own unless DISCORD_API_URL is set). */
export function restClient(config: DiscordConfig): REST {
  return new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl }).setToken(config.token);
}

/** Bulk-overwrites the application's commands, in one server when a guild is configured, else globally. */
export async function putCommands(config: DiscordConfig): Promise<string> {
  const body = commandDefinitions();
  const route =
    config.guildId === undefined
      ? Routes.applicationCommands(config.applicationId)
      : Routes.applicationGuildCommands(config.applicationId, config.guildId);
  const saved = (await restClient(config).put(route, { body })) as readonly { name: string }[];
  const where = config.guildId === undefined ? "globally" : `in server ${config.guildId}`;
  return `Registered ${saved.length} Discord commands ${where}: ${saved.map((c) => `/${c.name}`).join(", ")}.`;
}
