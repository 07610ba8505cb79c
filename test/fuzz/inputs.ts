/**
 * What people type into a busy public bot, as fast-check arbitraries: any Unicode, blank and
 * whitespace-only text, control, zero-width and bidi characters, emoji, right-to-left scripts,
 * mixed Chinese and English, Discord and Slack mention syntax, markdown and code fences, commands,
 * words the bot knows, and 100 kB walls of text.
 */
import fc from "fast-check";

const WHITESPACE = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\u000b"];
const INVISIBLE = [
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u007f",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
];
const BIDI = ["\u202e", "\u202b", "\u2066", "\u2069", "\u200f"];
const EMOJI = ["😀", "👨‍👩‍👧‍👦", "🇨🇳", "🏳️‍🌈", "🤔💭", "❤️"];
const RIGHT_TO_LEFT = ["مرحبا بالعائدين", "שלום", "كم عدد العائدين في قوانغتشو؟"];
const CHINESE = ["广州", "杭州", "深圳", "海归", "人才绿卡", "how many 海归 in 广州?", "GZ 绿卡", "红棉计划"];
const DISCORD = ["<@123>", "<@!123456789012345678>", "<@&1>", "<#900000000000000020>", "@everyone", "@here"];
const DISCORD_MORE = ["<:blob:123>", "<t:1700000000:R>", "</ask:1>"];
const SLACK = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<@U1>",
  "<#C1|general>",
  "<https://x|y>",
  "<!subteam^S1>",
];
const ENTITIES = ["&lt;!channel&gt;", "&amp;", "&gt;", "&#64;here"];
const MARKDOWN = [
  "```js\nalert(1)\n```",
  "```",
  "**bold**",
  "__under__",
  "~~gone~~",
  "> quote",
  "||spoiler||",
];
const MARKDOWN_MORE = ["`tick`", "[link](https://evil.example)", "# heading", "*", "_", "\\"];
const COMMANDS = [
  "/ask ",
  "/city ",
  "/policy ",
  "/convention",
  "/help",
  "/sources",
  "question:",
  "name:",
  "/frob",
];
const KNOWN = ["gz green cards", "returnees", "Guangzhou", "How many", "Red Cotton Plan", "CEOT", "Shenzhen"];

const pick = (...lists: string[][]) => fc.constantFrom(...lists.flat());

/** One piece of what someone types. */
export const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }) },
  { weight: 1, arbitrary: pick(WHITESPACE) },
  { weight: 1, arbitrary: pick(INVISIBLE, BIDI) },
  { weight: 1, arbitrary: pick(EMOJI, RIGHT_TO_LEFT, CHINESE) },
  { weight: 2, arbitrary: pick(DISCORD, DISCORD_MORE, SLACK, ENTITIES) },
  { weight: 1, arbitrary: pick(MARKDOWN, MARKDOWN_MORE) },
  { weight: 2, arbitrary: pick(COMMANDS, KNOWN) },
);

const blank = fc
  .array(pick(WHITESPACE, ["\u200b", "\u2060", "\ufeff"]), { maxLength: 8 })
  .map((p) => p.join(""));

/** About 100 kB: a fragment repeated past it. */
const wall = fc
  .tuple(fragment, fc.integer({ min: 99_000, max: 101_000 }))
  .map(([piece, size]) =>
    (piece || "x").repeat(Math.ceil(size / Math.max(1, (piece || "x").length))).slice(0, size),
  );

/** A whole line a person sends. */
export const userInput = fc.oneof(
  { weight: 10, arbitrary: fc.array(fragment, { maxLength: 12 }).map((p) => p.join(" ")) },
  { weight: 3, arbitrary: fc.array(fragment, { maxLength: 12 }).map((p) => p.join("")) },
  { weight: 1, arbitrary: blank },
  { weight: 1, arbitrary: wall },
);

/** Short text of the same kinds, for the fields of an arbitrary answer. */
export const answerText = (maxLength: number) =>
  fc.array(fragment, { maxLength: 30 }).map((p) => p.join(" ").slice(0, maxLength));
