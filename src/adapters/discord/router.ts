import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Client,
  Events,
  type Interaction,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { askedText } from "../../../commands/asked.js";
import {
  type Command,
  commandLine,
  findCommand,
  runCommand,
  runLine,
  runSuggestion,
  suggestionLine,
} from "../../../commands/index.js";
import type { Core } from "../../core/core.js";
import type { EntityChoice } from "../../core/types.js";
import type { Choice, Desk, Reply, Run, Send } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import { carriedOver } from "../carried-over.js";
import { decodeSuggestion } from "../follow-ups.js";
import { decodeVote, isReason, voteReply } from "../votes.js";
import { LIMITS, renderAnswer, renderNotice, renderVoteReply } from "./format.js";
import { discordMessages } from "./messages.js";

/**
 * Routes Discord events to the commands through the desk: slash commands, autocomplete, suggestion
 * and vote buttons, mentions in server channels and direct messages. A failure in one handler is
 * logged and apologised for; it never stops the client. Each question reads the live core afresh.
 */
export function routeEvents(client: Client, live: LiveCore, desk: Desk): void {
  client.on(Events.InteractionCreate, (interaction) => {
    void onInteraction(interaction, live, desk);
  });
  client.on(Events.MessageCreate, (message) => {
    void onMessage(message, live, desk);
  });
}

async function onInteraction(interaction: Interaction, live: LiveCore, desk: Desk): Promise<void> {
  if (interaction.isAutocomplete()) {
    // Not rate-limited: Discord sends one per keystroke, and answering costs a lookup.
    try {
      await interaction.respond(choicesFor(interaction, live.core));
    } catch (error) {
      desk.logger.error({ platform: "discord", surface: "autocomplete", err: error }, "autocomplete failed");
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
    }
    return;
  }
  if (!interaction.isRepliable()) return;
  const vote = interaction.isButton() ? decodeVote(interaction.customId) : undefined;
  if (vote !== undefined && interaction.isButton()) return onVote(interaction, vote, desk);
  const asked = askedIn(interaction, live);
  if (asked === undefined) return;
  await desk.serve(
    {
      platform: "discord",
      user: interaction.user.id,
      text: askedText(asked.text),
      mustReply: true,
      surface: interaction.isButton() ? "button" : "slash command",
      conversation: conversationOf(interaction),
    },
    asked.run,
    replyTo(interaction),
  );
}

/**
 * The conversation an interaction belongs to: a person's slash commands in a channel are one; a
 * button continues the conversation of the message it sits under, so a click on a reply in a DM
 * or a thread belongs to that DM or thread, and a click on a slash command's answer to the
 * clicker's commands there.
 */
function conversationOf(interaction: RepliableInteraction): string {
  const perPerson = `${interaction.channelId}:${interaction.user.id}`;
  if (!interaction.isButton() || interaction.message.interactionMetadata !== null) return perPerson;
  const dmOrThread = !interaction.inGuild() || interaction.channel?.isThread() === true;
  return dmOrThread ? (interaction.channelId ?? perPerson) : perPerson;
}

/**
 * What a slash command or button asks; undefined for an interaction this bot did not make. The
 * asker's locale goes with it, so that the answer can be in their language. An admin command
 * reaches the bot from a server only from those Discord lets use it (see definitions.ts), so
 * there it comes with the live knowledge to curate.
 */
function askedIn(interaction: RepliableInteraction, live: LiveCore): { text: string; run: Run } | undefined {
  const locale = interaction.locale;
  if (interaction.isChatInputCommand()) {
    const command = findCommand(interaction.commandName);
    // A command Discord still lists but the registry no longer has: the core explains.
    if (command === undefined) {
      const line = `/${interaction.commandName}`;
      return { text: line, run: () => runLine(line, live.core) };
    }
    const args = optionValues(command, interaction.options.data);
    const curator = command.admin === true && interaction.inGuild() ? { curate: live } : {};
    return {
      text: commandLine(command, args),
      run: (context) => runCommand(command, args, live.core, { ...carriedOver(context, locale), ...curator }),
    };
  }
  if (interaction.isButton()) {
    const suggestion = decodeSuggestion(interaction.customId);
    return suggestion === undefined
      ? undefined
      : {
          text: suggestionLine(suggestion),
          run: (context) => runSuggestion(suggestion, live.core, carriedOver(context, locale)),
        };
  }
  return undefined;
}

/**
 * A click on 👍, 👎 or a 👎's reason: the desk takes the vote, and only the person who clicked sees
 * the acknowledgement; a reason's replaces the message that offered the reasons.
 */
async function onVote(
  interaction: ButtonInteraction,
  vote: { choice: Choice; token: string },
  desk: Desk,
): Promise<void> {
  const voted = await desk.vote({ platform: "discord", user: interaction.user.id, ...vote });
  const { text, reasons } = voteReply(voted, vote.choice);
  const message = renderVoteReply(
    text,
    reasons ? { ballot: vote.token, language: voted.language } : undefined,
  );
  try {
    if (isReason(vote.choice)) await interaction.update(message);
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  } catch (error) {
    desk.logger.error({ platform: "discord", surface: "vote", err: error }, "acknowledging a vote failed");
  }
}

/** A notice's words: its own, or this platform's for "busy". */
function noticeText(reply: Exclude<Reply, { kind: "answer" }>): string {
  return reply.kind === "busy" ? discordMessages[reply.language].busy : reply.text;
}

/** Answers go to the channel; notices (a rate limit, a restart, busy, an apology) only to the person. */
function replyTo(interaction: RepliableInteraction): Send {
  return async (reply: Reply) => {
    const message =
      reply.kind === "answer"
        ? renderAnswer(reply.answer, reply.ballot)
        : { ...renderNotice(noticeText(reply)), flags: MessageFlags.Ephemeral as const };
    if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  };
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

/**
 * Entity names offered as the user types an option that declares autocomplete, in English and
 * Chinese ("Guangzhou 广州"), whichever was typed; the English name is what the command receives.
 */
function choicesFor(interaction: AutocompleteInteraction, core: Core): { name: string; value: string }[] {
  const focused = interaction.options.getFocused(true);
  const kinds = findCommand(interaction.commandName)?.options.find(
    (o) => o.name === focused.name,
  )?.autocomplete;
  if (kinds === undefined) return [];
  return core
    .choices(kinds, String(focused.value), LIMITS.choices)
    .filter((c) => c.name.length <= LIMITS.choiceValue)
    .map((c) => ({ name: shownName(c, core), value: c.name }));
}

const HAN = /\p{Script=Han}/u;

/** The entity's name with its first alias written in Chinese characters, if it has one and it fits. */
function shownName(choice: EntityChoice, core: Core): string {
  const chinese = core.kb.entities.get(choice.id)?.aliases.find((alias) => HAN.test(alias));
  const both = chinese === undefined ? choice.name : `${choice.name} ${chinese}`;
  return both.length <= LIMITS.choiceName ? both : choice.name;
}

/**
 * A server message that mentions the bot is answered as a reply, the mention stripped; a direct
 * message is answered whole. Bots, the bot itself included, and other server messages are ignored.
 * A DM channel and a thread are each one conversation; a mention elsewhere stands alone.
 */
async function onMessage(message: Message, live: LiveCore, desk: Desk): Promise<void> {
  const me = message.client.user;
  if (message.author.bot || message.author.id === me.id) return;
  if (message.inGuild() && !message.mentions.users.has(me.id)) return;
  const text = message.content.replace(new RegExp(`<@!?${me.id}>`, "g"), " ");
  await desk.serve(
    {
      platform: "discord",
      user: message.author.id,
      text: askedText(text),
      mustReply: false,
      surface: message.inGuild() ? "mention" : "direct message",
      ...(message.inGuild() && !message.channel.isThread() ? {} : { conversation: message.channelId }),
    },
    (context) => runLine(text, live.core, carriedOver(context)),
    (reply) =>
      message.reply(
        reply.kind === "answer" ? renderAnswer(reply.answer, reply.ballot) : renderNotice(noticeText(reply)),
      ),
  );
}
