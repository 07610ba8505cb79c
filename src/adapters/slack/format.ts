import type { types } from "@slack/bolt";
import { suggestionLine } from "../../../commands/index.js";
import { messages, slackMessages } from "../../core/messages.js";
import type { Answer, CitedSource } from "../../core/types.js";

export type Block = types.KnownBlock;

/** A message as chat.postMessage, chat.postEphemeral and a response_url all take it. */
export interface SlackMessage {
  /** The fallback: notifications, screen readers and clients without Block Kit. */
  text: string;
  blocks: Block[];
}

/** Slack's limits for one message (docs.slack.dev/reference/block-kit). */
export const LIMITS = Object.freeze({
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  /** Slack truncates `text` far later; a fallback this long is already more than anyone reads. */
  text: 3000,
});

/** The lead of an answer takes at most this many sections; the facts get the rest. */
const MAX_LEAD_SECTIONS = 3;

/**
 * Escapes text for mrkdwn and `text`: `&`, `<` and `>` become entities, so nothing a user typed can
 * become a mention, a link or a broadcast; a bare @here, @channel or @everyone gets an invisible word
 * joiner after its `@`, so no parse mode can turn it into one either.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/(^|[^\w])@(?=here|channel|everyone)/gi, "$1@\u2060");
}

/** Cuts text to at most `max` characters, ending in "…", never inside an entity or a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf("&", end - 1);
  if (amp !== -1 && amp > end - 5 && text.indexOf(";", amp) >= end) end = amp;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Joins lines into as few chunks of at most `max` characters as possible, counting the lines in each. */
function pack(lines: readonly string[], max: number): { text: string; lines: number }[] {
  const chunks: { text: string; lines: number }[] = [];
  for (const raw of lines) {
    const line = clip(raw, max);
    if (line === "") continue;
    const current = chunks[chunks.length - 1];
    if (current !== undefined && current.text.length + 1 + line.length <= max) {
      current.text += `\n${line}`;
      current.lines += 1;
    } else chunks.push({ text: line, lines: 1 });
  }
  return chunks;
}

const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text, verbatim: true });
const section = (text: string): Block => ({ type: "section", text: mrkdwn(text) });
const context = (texts: readonly string[]): Block => ({
  type: "context",
  elements: texts.map((t) => mrkdwn(clip(t, LIMITS.contextText))),
});

/** The body, unless it only repeats the first fact. */
function lead(answer: Answer): string {
  return answer.facts[0]?.text === answer.body ? "" : answer.body.trim();
}

function citation(source: CitedSource, n: number): string {
  const by = source.author === undefined ? "" : `, by ${escapeMrkdwn(source.author)}`;
  return `[${n}] *${escapeMrkdwn(source.title)}*, ${escapeMrkdwn(source.publisher)}${by}; ${escapeMrkdwn(source.age)}`;
}

/** The context line: each source with its date and age, then the age note; at most 10 elements. */
function sourcesLine(answer: Answer): Block[] {
  const cited = answer.sources.map((s, i) => citation(s, i + 1));
  const note = answer.ageNote ? [`_${escapeMrkdwn(answer.ageNote)}_`] : [];
  if (cited.length + note.length === 0) return [];
  const room = LIMITS.contextElements - note.length;
  const rest = cited.slice(room - 1);
  const together =
    rest.length <= 3 ? rest : [...rest.slice(0, 2), slackMessages.moreSources(rest.length - 2)];
  const shown = cited.length <= room ? cited : [...cited.slice(0, room - 1), together.join(" · ")];
  return [context([...shown, ...note])];
}

const code = (suggestion: string) => `\`${escapeMrkdwn(suggestion)}\``;

function factLines(answer: Answer): string[] {
  const numbers = new Map(answer.sources.map((s, i) => [s.id, i + 1]));
  return answer.facts.map((f) => {
    const n = numbers.get(f.sourceId);
    return `• ${escapeMrkdwn(f.text)} _(${escapeMrkdwn(f.asOf)})_${n === undefined ? "" : ` [${n}]`}`;
  });
}

/**
 * Renders an answer as Block Kit: a header, the lead, the key facts, and a context line naming the
 * sources with their dates and age, plus the age note. A decline says so and offers what the bot can
 * answer. Every Slack limit holds whatever the answer's size.
 */
export function renderAnswer(answer: Answer): SlackMessage {
  const title = answer.title.trim() || messages.botName;
  const header: Block = {
    type: "header",
    text: { type: "plain_text", text: clip(title, LIMITS.headerText), emoji: true },
  };
  const body = lead(answer);
  const leadBlocks = pack(body === "" ? [] : escapeMrkdwn(body).split("\n"), LIMITS.sectionText)
    .slice(0, MAX_LEAD_SECTIONS)
    .map((c) => section(c.text));
  const lines = answer.suggestions.map(suggestionLine);
  const offered = lines.length > 0 ? lines : ["/help"];
  const after: Block[] = answer.answered
    ? [
        ...sourcesLine(answer),
        ...(answer.suggestions.length > 0
          ? [context([`${slackMessages.tryThese} ${lines.map(code).join(" · ")}`])]
          : []),
      ]
    : [
        section(
          clip(
            `*${slackMessages.offer}*\n${offered.map((s) => `• ${code(s)}`).join("\n")}`,
            LIMITS.sectionText,
          ),
        ),
      ];

  const facts = pack(factLines(answer), LIMITS.sectionText);
  const room = LIMITS.blocks - 1 - leadBlocks.length - after.length;
  const shown = facts.length <= room ? facts : facts.slice(0, room - 1);
  const hidden = answer.facts.length - shown.reduce((sum, c) => sum + c.lines, 0);
  const factBlocks = [
    ...shown.map((c) => section(c.text)),
    ...(hidden > 0 ? [context([slackMessages.moreFacts(hidden)])] : []),
  ];
  return {
    text: fallbackText(answer, title, body),
    blocks: [header, ...leadBlocks, ...factBlocks, ...after],
  };
}

/** The plain `text` of an answer, escaped, for notifications and clients that show no blocks. */
function fallbackText(answer: Answer, title: string, body: string): string {
  const lines = [
    title,
    body,
    ...answer.facts.map((f) => `• ${f.text} (${f.asOf})`),
    answer.sources.length > 0
      ? `Sources: ${answer.sources.map((s) => `"${s.title}", ${s.age}`).join("; ")}`
      : "",
    answer.ageNote,
    answer.suggestions.length > 0
      ? `${slackMessages.tryThese} ${answer.suggestions.map(suggestionLine).join(" · ")}`
      : "",
  ];
  return clip(escapeMrkdwn(lines.filter((l) => l !== "").join("\n")), LIMITS.text);
}

/** A short message of the bot's own, such as the apology. */
export function renderNotice(text: string): SlackMessage {
  const escaped = clip(escapeMrkdwn(text), LIMITS.sectionText);
  return { text: escaped, blocks: [section(escaped)] };
}

/**
 * Whether an answer is worth showing to everyone in the conversation: a sourced answer with facts.
 * Declines, help and the list of sources go only to the person who asked.
 */
export function isShareable(answer: Answer): boolean {
  return answer.answered && answer.facts.length > 0;
}
