import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from "discord.js";
import { suggestionLine } from "../../../commands/index.js";
import { discordMessages } from "../../core/messages.js";
import type { Answer, CitedSource } from "../../core/types.js";

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
  choiceValue: 100,
});

/** Room in the embed kept for the lead and the facts, whatever the sources take. */
const DESCRIPTION_RESERVE = 1500;
/** A first fact is shown cut short only if at least this much of it fits. */
const MIN_PARTIAL_FACT = 40;
const COLOURS = Object.freeze({ answer: 0x2e7d6b, decline: 0x8a8f98 });
const ELLIPSIS = "…";
/** A button's custom_id is this prefix and the suggestion it runs, so a click needs no stored state. */
const SUGGESTION_PREFIX = "ask:";

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
 * Renders an answer as one embed: the title, the lead, as many facts as fit (saying how many were
 * left out), a field per source with its date and age, and the age note as footer. Follow-up
 * suggestions become buttons. Every Discord limit holds, whatever the answer's size.
 */
export function renderAnswer(answer: Answer): DiscordReply {
  const title = truncate(answer.title, LIMITS.title);
  const footer = truncate(answer.ageNote, LIMITS.footer);
  const fields = sourceFields(
    answer.sources,
    LIMITS.embedTotal - title.length - footer.length - DESCRIPTION_RESERVE,
  );
  const room = LIMITS.embedTotal - title.length - footer.length - fields.reduce((n, f) => n + size(f), 0);
  const description = describe(answer, Math.min(LIMITS.description, room));
  const embed: APIEmbed = {
    ...(title ? { title } : {}),
    color: answer.answered ? COLOURS.answer : COLOURS.decline,
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  return {
    embeds: [embed],
    components: suggestionRows(answer.suggestions.map(suggestionLine)),
    allowedMentions: SILENT,
  };
}

/** A short plain message, such as the apology. */
export function renderNotice(text: string): DiscordReply {
  return { content: truncate(text, LIMITS.content), embeds: [], components: [], allowedMentions: SILENT };
}

/** The suggestion a button runs, or undefined for a custom_id this adapter did not make. */
export function suggestionOf(customId: string): string | undefined {
  return customId.startsWith(SUGGESTION_PREFIX) ? customId.slice(SUGGESTION_PREFIX.length) : undefined;
}

/** Cuts text to at most max UTF-16 units, ending with an ellipsis, never splitting a character. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** The lead, then the facts that fit, then how many were left out; a decline offers what the bot can answer. */
function describe(answer: Answer, room: number): string {
  const lead = answer.facts[0]?.text === answer.body ? "" : answer.body;
  if (answer.facts.length === 0) {
    const offer =
      answer.answered || answer.suggestions.length === 0
        ? ""
        : `${discordMessages.offer} ${answer.suggestions.map(suggestionLine).join(" · ")}`;
    return truncate([lead, offer].filter(Boolean).join("\n\n"), room);
  }
  const numbers = new Map(answer.sources.map((s, i) => [s.id, i + 1]));
  const lines = answer.facts.map((f) => `• ${f.text} (${f.asOf}) [${numbers.get(f.sourceId) ?? "?"}]`);
  const noteRoom = (left: number) => (left > 0 ? 1 + discordMessages.moreFacts(left).length : 0);

  let text = truncate(lead, room - 1 - noteRoom(lines.length));
  let shown = 0;
  for (const line of lines) {
    const sep = shown > 0 ? "\n" : text ? "\n\n" : "";
    const after = noteRoom(lines.length - shown - 1);
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
  const left = lines.length - shown;
  return left > 0 ? `${text}${text ? "\n" : ""}${discordMessages.moreFacts(left)}` : text;
}

/** One field per source, with its publisher, author, date and age, within the budget and the field count. */
function sourceFields(sources: readonly CitedSource[], budget: number): APIEmbedField[] {
  const more = (left: number): APIEmbedField => ({
    name: discordMessages.moreSources(left),
    value: discordMessages.moreSourcesValue,
  });
  const moreRoom = size(more(sources.length));
  const fields: APIEmbedField[] = [];
  let used = 0;
  for (const [i, s] of sources.entries()) {
    const by = s.author === undefined ? s.publisher : `${s.publisher}, by ${s.author}`;
    const field = {
      name: truncate(`[${i + 1}] ${s.title}`, LIMITS.fieldName),
      value: truncate(`${by}; ${s.age}`, LIMITS.fieldValue),
    };
    const last = i === sources.length - 1;
    const slots = last ? LIMITS.fields : LIMITS.fields - 1;
    if (fields.length >= slots || used + size(field) + (last ? 0 : moreRoom) > budget) break;
    fields.push(field);
    used += size(field);
  }
  const left = sources.length - fields.length;
  return left > 0 ? [...fields, more(left)] : fields;
}

/** One row of buttons, one per distinct suggestion whose text fits a custom_id. */
function suggestionRows(suggestions: readonly string[]): DiscordReply["components"] {
  const buttons = [...new Set(suggestions.map((s) => s.trim()))]
    .filter((s) => s && SUGGESTION_PREFIX.length + s.length <= LIMITS.customId)
    .slice(0, LIMITS.buttonsPerRow)
    .map(
      (s): APIButtonComponentWithCustomId => ({
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: truncate(s, LIMITS.buttonLabel),
        custom_id: `${SUGGESTION_PREFIX}${s}`,
      }),
    );
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

function size(field: APIEmbedField): number {
  return field.name.length + field.value.length;
}
