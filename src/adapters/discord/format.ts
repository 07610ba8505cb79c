import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from "discord.js";
import type { Reply as Answer, Suggestion } from "../../../commands/index.js";
import type { Language } from "../../core/types.js";
import { arrangeFollowUps, encodeSuggestion, type FollowUps, labelOf, typedEntry } from "../follow-ups.js";
import { truncate } from "../text.js";
import { factLine, renderView, type SourceView, type View } from "../view.js";
import { encodeVote, REASONS } from "../votes.js";
import { discordMessages } from "./messages.js";

/** Discord's limits on one message, as its API documents them. */
export const LIMITS = Object.freeze({
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/** Room in the embed kept for the lead and the facts, whatever the sources take. */
const DESCRIPTION_RESERVE = 1500;
/** A first fact is shown cut short only if at least this much of it fits. */
const MIN_PARTIAL_FACT = 40;
/** A card's topics take up to three rows of buttons, the follow-ups one more, and 👍/👎 the fifth. */
const MAX_BUTTONS = Object.freeze({ more: 3 * LIMITS.buttonsPerRow, suggestions: LIMITS.buttonsPerRow });
const COLOURS = Object.freeze({ answer: 0x2e7d6b, decline: 0x8a8f98 });

type Words = (typeof discordMessages)["en"];

/** Nobody is pinged by anything the bot sends: not @everyone or @here, roles, users, nor the author replied to. */
export const SILENT = Object.freeze({ parse: [], repliedUser: false }) satisfies MessageMentionOptions;

/** A message as the bot sends it: discord.js reply options whose embeds and components are API JSON. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: MessageMentionOptions;
}

/**
 * Renders an answer as one embed: the title, the sentence that answers, its facts one a line, a
 * field per source with its date and age, and the age note as footer. A card's topics and the
 * follow-ups become buttons, each carrying the command it runs; with a ballot, 👍 and 👎 follow.
 * Every Discord limit holds, whatever the answer's size, and a card's text stays under 1,500
 * characters.
 */
export function renderAnswer(answer: Answer, ballot?: string): DiscordReply {
  return renderView(answer, render, textSize, ballot);
}

function render(view: View): DiscordReply {
  const words = discordMessages[view.language];
  const followUps = arrangeFollowUps(view, MAX_BUTTONS, (encoded) => encoded.length <= LIMITS.customId);
  const title = truncate(view.title, LIMITS.title);
  const footer = truncate(view.ageNote, LIMITS.footer);
  const fields = sourceFields(
    view.sources,
    LIMITS.embedTotal - title.length - footer.length - DESCRIPTION_RESERVE,
    words,
  );
  const room = LIMITS.embedTotal - title.length - footer.length - fields.reduce((n, f) => n + size(f), 0);
  const description = describe(view, followUps, Math.min(LIMITS.description, room), words);
  const embed: APIEmbed = {
    ...(title ? { title } : {}),
    color: view.answered ? COLOURS.answer : COLOURS.decline,
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  const votes = view.ballot === undefined ? [] : [voteRow(view.ballot, words)];
  return { embeds: [embed], components: [...buttonRows(followUps), ...votes], allowedMentions: SILENT };
}

/** 👍 and 👎, each carrying the answer's ballot. */
function voteRow(ballot: string, words: Words): DiscordReply["components"][number] {
  const vote = (choice: "up" | "down", label: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    emoji: { name: words.vote[choice] },
    label,
    custom_id: encodeVote(choice, ballot),
  });
  return {
    type: ComponentType.ActionRow,
    components: [vote("up", words.vote.upLabel), vote("down", words.vote.downLabel)],
  };
}

/** A vote's private acknowledgement, with the 👎's reasons as buttons when it offers them. */
export function renderVoteReply(
  text: string,
  reasons: { ballot: string; language: Language } | undefined,
): DiscordReply {
  const notice = renderNotice(text);
  if (reasons === undefined) return notice;
  const words = discordMessages[reasons.language].vote;
  const components = REASONS.map(
    (reason): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: words.reasons[reason],
      custom_id: encodeVote(reason, reasons.ballot),
    }),
  );
  return { ...notice, components: [{ type: ComponentType.ActionRow, components }] };
}

/** A short plain message, such as the apology. */
export function renderNotice(text: string): DiscordReply {
  return { content: truncate(text, LIMITS.content), embeds: [], components: [], allowedMentions: SILENT };
}

/** Every character a person reads in a reply, the buttons' labels included. */
function textSize(reply: DiscordReply): number {
  const embeds = reply.embeds.map(
    (e) =>
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + size(f), 0),
  );
  const labels = reply.components.flatMap((row) => row.components).map((b) => b.label?.length ?? 0);
  return [reply.content?.length ?? 0, ...embeds, ...labels].reduce((a, b) => a + b, 0);
}

/** The lead and the facts that fit, then what is written out rather than a button. */
function describe(view: View, followUps: FollowUps, room: number, words: Words): string {
  const tail = truncate(tailLines(view, followUps, words).join("\n"), Math.floor(room / 3));
  const main = leadAndFacts(view, room - (tail ? tail.length + 2 : 0), words);
  return [main, tail].filter(Boolean).join("\n\n");
}

/**
 * A card's topics and the follow-ups that could not be buttons, written out; a decline offers
 * what the bot can answer, with the buttons below.
 */
function tailLines(view: View, { more, suggestions }: FollowUps, words: Words): string[] {
  const entries = (list: Suggestion[]) => list.map(typedEntry).join(" · ");
  const lines = more.lines.length > 0 ? [words.more(entries(more.lines))] : [];
  if (!view.answered && view.suggestions.length > 0) {
    lines.push(words.offer(entries(suggestions.lines)));
  } else if (suggestions.lines.length > 0) {
    lines.push(words.tryThese(entries(suggestions.lines)));
  }
  return lines;
}

/** The lead, then the facts that fit, then how many are not shown. */
function leadAndFacts({ lead, facts, hidden }: View, room: number, words: Words): string {
  const lines = facts.map((f) => factLine(f));
  const noteRoom = (left: number) => (left > 0 ? 1 + words.moreFacts(left).length : 0);

  let text = truncate(lead, room - 1 - noteRoom(lines.length + hidden));
  let shown = 0;
  for (const line of lines) {
    const sep = shown > 0 ? "\n" : text ? "\n\n" : "";
    const after = noteRoom(lines.length - shown - 1 + hidden);
    if (text.length + sep.length + line.length + after <= room) {
      text += sep + line;
      shown++;
      continue;
    }
    const space = room - text.length - sep.length - after;
    if (shown === 0 && space >= MIN_PARTIAL_FACT) {
      text += sep + truncate(line, space);
      shown++;
    }
    break;
  }
  const left = lines.length - shown + hidden;
  return left > 0 ? `${text}${text ? "\n" : ""}${words.moreFacts(left)}` : text;
}

/**
 * One field per source, with its publisher, author, date and age, and its link when the article has
 * one, within the budget and the field count.
 */
function sourceFields(sources: readonly SourceView[], budget: number, words: Words): APIEmbedField[] {
  const more = (left: number): APIEmbedField => ({
    name: words.moreSources(left),
    value: words.moreSourcesValue,
  });
  const moreRoom = size(more(sources.length));
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const s of sources) {
    const by = s.author === undefined ? s.publisher : words.by(s.publisher, s.author);
    const line = truncate(`${by}; ${s.age}`, LIMITS.fieldValue);
    // The link goes on its own line, whole or not at all: half a URL leads nowhere.
    const linked = s.link !== undefined && line.length + 1 + s.link.length <= LIMITS.fieldValue;
    const field = {
      name: truncate(`[${s.number}] ${s.title}`, LIMITS.fieldName),
      value: linked ? `${line}\n${s.link}` : line,
    };
    const last = s.number === sources.length;
    const slots = last ? LIMITS.fields : LIMITS.fields - 1;
    if (fields.length >= slots || used + size(field) + (last ? 0 : moreRoom) > budget) break;
    fields.push(field);
    used += size(field);
  }
  const left = sources.length - fields.length;
  return left > 0 ? [...fields, more(left)] : fields;
}

/** A card's topics in rows of buttons, then a row of follow-ups; each button carries what it runs. */
function buttonRows({ more, suggestions }: FollowUps): DiscordReply["components"] {
  const button =
    (style: ButtonStyle.Primary | ButtonStyle.Secondary) =>
    (s: Suggestion): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      style,
      label: truncate(labelOf(s), LIMITS.buttonLabel),
      custom_id: encodeSuggestion(s),
    });
  const rows = [
    ...chunks(more.buttons.map(button(ButtonStyle.Primary)), LIMITS.buttonsPerRow),
    suggestions.buttons.map(button(ButtonStyle.Secondary)),
  ];
  return rows
    .filter((components) => components.length > 0)
    .map((components) => ({ type: ComponentType.ActionRow, components }));
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function size(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}
