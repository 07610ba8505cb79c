import {
  type AutocompleteInteraction,
  type Client,
  Events,
  type Interaction,
  type Message,
  type RepliableInteraction,
} from "discord.js";
import { type Command, findCommand, runCommand, runLine } from "../../../commands/index.js";
import type { Core } from "../../core/core.js";
import { messages } from "../../core/messages.js";
import type { Answer } from "../../core/types.js";
import { LIMITS, renderAnswer, renderNotice, suggestionOf, truncate } from "./format.js";

/**
 * Routes Discord events to the commands: slash commands, autocomplete and suggestion buttons,
 * mentions in server channels and direct messages. A failure in one handler is logged and
 * apologised for; it never stops the client.
 */
export function routeEvents(client: Client, core: Core): void {
  client.on(Events.InteractionCreate, (interaction) => {
    void onInteraction(interaction, core);
  });
  client.on(Events.MessageCreate, (message) => {
    void onMessage(message, core);
  });
}

async function onInteraction(interaction: Interaction, core: Core): Promise<void> {
  if (interaction.isAutocomplete()) {
    try {
      await interaction.respond(choicesFor(interaction, core));
    } catch (error) {
      logError("autocomplete", error, interaction.client.token);
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  try {
    const answer = answerInteraction(interaction, core);
    if (answer !== undefined) await interaction.reply(renderAnswer(answer));
  } catch (error) {
    logError("interaction", error, interaction.client.token);
    await apologise(interaction);
  }
}

/** The answer to a slash command or a suggestion button; undefined for an interaction this bot did not make. */
function answerInteraction(interaction: RepliableInteraction, core: Core): Answer | undefined {
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    // A command Discord still lists but the registry no longer has: the core explains.
    if (command === undefined) return runLine(`/${interaction.commandName}`, core);
    return runCommand(command, optionValues(command, interaction.options.data), core);
  }
  if (interaction.isButton()) {
    const suggestion = suggestionOf(interaction.customId);
    return suggestion === undefined ? undefined : runLine(suggestion, core);
  }
  return undefined;
}

/** The command's named options, as strings, from what Discord sent. */
function optionValues(
  command: Command,
  data: readonly { name: string; value?: string | number | boolean }[],
): Record<string, string> {
  const args: Record<string, string> = {};
  for (const option of command.options) {
    const value = data.find((d) => d.name === option.name)?.value;
    if (value !== undefined) args[option.name] = String(value);
  }
  return args;
}

/** Entity names offered as the user types an option that declares autocomplete. */
function choicesFor(interaction: AutocompleteInteraction, core: Core): { name: string; value: string }[] {
  const focused = interaction.options.getFocused(true);
  const kinds = findCommand(interaction.commandName)?.options.find(
    (o) => o.name === focused.name,
  )?.autocomplete;
  if (kinds === undefined) return [];
  return core
    .choices(kinds, String(focused.value), LIMITS.choices)
    .filter((c) => c.name.length <= LIMITS.choiceValue)
    .map((c) => ({ name: c.name, value: c.name }));
}

/**
 * A server message that mentions the bot is answered as a reply, the mention stripped; a direct
 * message is answered whole. Bots, the bot itself included, and other server messages are ignored.
 */
async function onMessage(message: Message, core: Core): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.author.id === me.id) return;
  if (message.inGuild() && !message.mentions.users.has(me.id)) return;
  try {
    const text = message.content.replace(new RegExp(`<@!?${me.id}>`, "g"), " ");
    await message.reply(renderAnswer(runLine(text, core)));
  } catch (error) {
    logError("message", error, message.client.token);
    await message
      .reply(renderNotice(messages.apology))
      .catch((e) => logError("apology", e, message.client.token));
  }
}

async function apologise(interaction: RepliableInteraction): Promise<void> {
  const notice = renderNotice(messages.apology);
  try {
    if (interaction.replied || interaction.deferred) await interaction.followUp(notice);
    else await interaction.reply(notice);
  } catch (error) {
    logError("apology", error, interaction.client.token);
  }
}

/** Logs a handler's failure: its stack, never the bot token. */
function logError(where: string, error: unknown, token: string | null): void {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const safe = token ? text.split(token).join("[token]") : text;
  console.error(`[discord] ${where} failed: ${truncate(safe, 4000)}`);
}
