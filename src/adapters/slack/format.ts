import type { types } from "@slack/bolt";
import type { Reply as Answer, Reply, Suggestion } from "../../../commands/index.js";
import { messages } from "../../core/compose/messages.js";
import type { Language } from "../../core/types.js";
import type { Choice } from "../../ops/index.js";
import { arrangeFollowUps, encodeSuggestion, type FollowUps, labelOf, typedEntry } from "../follow-ups.js";
import { truncate } from "../text.js";
import { factLine, renderView, type SourceView, type View } from "../view.js";
import { encodeVote, REASONS } from "../votes.js";
import { slackMessages } from "./messages.js";

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
  buttonText: 75,
  buttonValue: 2000,
});

/** Every button this bot makes has an action_id starting so; its value is the suggestion it runs. */
export const BUTTON_ACTION = /^run-\d+$/;
/** Every vote button has an action_id starting so; its value is the vote it casts (see ../votes.ts). */
export const VOTE_ACTION = /^vote-[a-z]+$/;
/** A card's topics and the follow-ups, as buttons in two actions blocks. */
const MAX_BUTTONS = Object.freeze({ more: 15, suggestions: 5 });

type Words = (typeof slackMessages)["en"];

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

/** Joins lines into as few chunks of at most `max` characters as possible, counting the lines in each. */
function pack(lines: readonly string[], max: number): { text: string; lines: number }[] {
  const chunks: { text: string; lines: number }[] = [];
  for (const raw of lines) {
    const line = truncate(raw, max);
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
  elements: texts.map((t) => mrkdwn(truncate(t, LIMITS.contextText))),
});

/**
 * A link in mrkdwn, `<url|label>`: the only `<` the bot writes itself. The URL comes from the
 * knowledge base, normalised by linkOf; `&` is escaped and `|` percent-encoded, so it cannot end early.
 */
function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/&/g, "&amp;").replace(/\|/g, "%7C")}|${label}>`;
}

function citation(source: SourceView, words: Words): string {
  const label = escapeMrkdwn(source.title);
  const title = `*${source.link === undefined ? label : mrkdwnLink(source.link, label)}*`;
  const by = source.author === undefined ? source.publisher : words.by(source.publisher, source.author);
  return `[${source.number}] ${title}, ${escapeMrkdwn(by)}; ${escapeMrkdwn(source.age)}`;
}

/** The context line: each source with its date and age, then the age note; at most 10 elements. */
function sourcesLine(view: View, words: Words): Block[] {
  const cited = view.sources.map((s) => citation(s, words));
  const note = view.ageNote ? [`_${escapeMrkdwn(view.ageNote)}_`] : [];
  if (cited.length + note.length === 0) return [];
  const room = LIMITS.contextElements - note.length;
  const rest = cited.slice(room - 1);
  const together = rest.length <= 3 ? rest : [...rest.slice(0, 2), words.moreSources(rest.length - 2)];
  const shown = cited.length <= room ? cited : [...cited.slice(0, room - 1), together.join(" · ")];
  return [context([...shown, ...note])];
}

const entries = (list: readonly Suggestion[]) => escapeMrkdwn(list.map(typedEntry).join(" · "));

/** Buttons that run suggestions, numbered from `first` so that every action_id in a message differs. */
function actions(list: readonly Suggestion[], first: number): Block[] {
  if (list.length === 0) return [];
  const elements = list.map(
    (s, i): types.Button => ({
      type: "button",
      text: { type: "plain_text", text: truncate(labelOf(s), LIMITS.buttonText), emoji: true },
      action_id: `run-${first + i}`,
      value: encodeSuggestion(s),
    }),
  );
  return [{ type: "actions", elements }];
}

/** A card's topics as buttons, and any that could not be one written out. */
function moreBlocks({ more }: FollowUps, words: Words): Block[] {
  return [
    ...actions(more.buttons, 0),
    ...(more.lines.length > 0 ? [context([words.more(entries(more.lines))])] : []),
  ];
}

/** Follow-ups as buttons; a decline first says what the bot can answer. */
function suggestionBlocks(view: View, { suggestions, more }: FollowUps, words: Words): Block[] {
  const buttons = actions(suggestions.buttons, more.buttons.length);
  if (!view.answered) {
    const offer = [`*${words.offer}*`, entries(suggestions.lines)].filter(Boolean).join("\n");
    return [
      section(truncate(offer, LIMITS.sectionText)),
      ...(buttons.length > 0 ? buttons : actions([HELP], more.buttons.length)),
    ];
  }
  return [
    ...buttons,
    ...(suggestions.lines.length > 0 ? [context([words.tryThese(entries(suggestions.lines))])] : []),
  ];
}

const voteButton = (choice: Choice, text: string, ballot: string): types.Button => ({
  type: "button",
  text: { type: "plain_text", text, emoji: true },
  action_id: `vote-${choice}`,
  value: encodeVote(choice, ballot),
});

/** 👍 and 👎, each carrying the answer's ballot; nothing when it takes no votes. */
function voteBlocks({ ballot }: View, words: Words): Block[] {
  if (ballot === undefined) return [];
  const { vote } = words;
  const elements = [
    voteButton("up", `${vote.up} ${vote.upLabel}`, ballot),
    voteButton("down", `${vote.down} ${vote.downLabel}`, ballot),
  ];
  return [{ type: "actions", elements }];
}

/** A vote's private acknowledgement, with the 👎's reasons as buttons when it offers them. */
export function renderVoteReply(
  text: string,
  reasons: { ballot: string; language: Language } | undefined,
): SlackMessage {
  const notice = renderNotice(text);
  if (reasons === undefined) return notice;
  const words = slackMessages[reasons.language].vote;
  const elements = REASONS.map((reason) => voteButton(reason, words.reasons[reason], reasons.ballot));
  return { ...notice, blocks: [...notice.blocks, { type: "actions", elements }] };
}

/** What a decline offers when the core suggests nothing. */
const HELP: Suggestion = { command: "help", args: {} };

/**
 * Renders an answer as Block Kit: a header, the sentence that answers, its facts, a card's topics
 * as buttons, a context line naming the sources with their dates and age plus the age note, then
 * the follow-ups as buttons, and 👍/👎 with a ballot. A decline says so and offers what the bot can
 * answer. Every Slack limit holds whatever the answer's size, and a card's text stays under 1,500
 * characters.
 */
export function renderAnswer(answer: Answer, ballot?: string): SlackMessage {
  return renderView(answer, render, textSize, ballot);
}

function render(view: View): SlackMessage {
  const words = slackMessages[view.language];
  const followUps = arrangeFollowUps(view, MAX_BUTTONS, (v) => v.length <= LIMITS.buttonValue);
  const title = view.title.trim() || messages.botName;
  const header: Block = {
    type: "header",
    text: { type: "plain_text", text: truncate(title, LIMITS.headerText), emoji: true },
  };
  const body = view.lead.trim();
  const leadBlocks = pack(body === "" ? [] : escapeMrkdwn(body).split("\n"), LIMITS.sectionText)
    .slice(0, MAX_LEAD_SECTIONS)
    .map((c) => section(c.text));
  const after = [
    ...moreBlocks(followUps, words),
    ...sourcesLine(view, words),
    ...suggestionBlocks(view, followUps, words),
    ...voteBlocks(view, words),
  ];

  const facts = pack(
    view.facts.map((f) => factLine(f, escapeMrkdwn(f.text))),
    LIMITS.sectionText,
  );
  const room = LIMITS.blocks - 1 - leadBlocks.length - after.length;
  const shown = facts.length <= room ? facts : facts.slice(0, room - 1);
  const left = view.facts.length - shown.reduce((sum, c) => sum + c.lines, 0) + view.hidden;
  const factBlocks = [
    ...shown.map((c) => section(c.text)),
    ...(left > 0 ? [context([words.moreFacts(left)])] : []),
  ];
  return {
    text: fallbackText(view, title, body, words),
    blocks: [header, ...leadBlocks, ...factBlocks, ...after],
  };
}

/** Every character a person reads in the blocks, the buttons' labels included. */
function textSize(message: SlackMessage): number {
  let n = 0;
  for (const block of message.blocks) {
    if (block.type === "header") n += block.text.text.length;
    else if (block.type === "section") n += block.text?.text.length ?? 0;
    else if (block.type === "context") for (const e of block.elements) n += "text" in e ? e.text.length : 0;
    else if (block.type === "actions")
      for (const e of block.elements) n += e.type === "button" ? e.text.text.length : 0;
  }
  return n;
}

/** The plain `text` of an answer, escaped, for notifications and clients that show no blocks. */
function fallbackText(view: View, title: string, body: string, words: Words): string {
  const lines = [
    title,
    body,
    ...view.facts.map((f) => `• ${f.text}`),
    view.more.length > 0 ? words.more(view.more.map(typedEntry).join(" · ")) : "",
    view.sources.length > 0
      ? `${words.sources} ${view.sources.map((s) => [`"${s.title}", ${s.age}`, s.link].filter(Boolean).join(" ")).join("; ")}`
      : "",
    view.ageNote,
    view.suggestions.length > 0 ? words.tryThese(view.suggestions.map(typedEntry).join(" · ")) : "",
  ];
  return truncate(escapeMrkdwn(lines.filter((l) => l !== "").join("\n")), LIMITS.text);
}

/** A short message of the bot's own, such as the apology. */
export function renderNotice(text: string): SlackMessage {
  const escaped = truncate(escapeMrkdwn(text), LIMITS.sectionText);
  return { text: escaped, blocks: [section(escaped)] };
}

/**
 * Whether an answer is worth showing to everyone in the conversation: a sourced answer with facts.
 * Declines, help and the list of sources go only to the person who asked.
 */
export function isShareable(answer: Reply): boolean {
  return answer.answered && answer.facts.length > 0;
}
