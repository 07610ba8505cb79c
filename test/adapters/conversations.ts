/**
 * The conversations of issue 10's "done when", over the bundled knowledge base, as every surface's
 * end-to-end test plays them: each turn is asked in one conversation (a Slack thread, a Discord DM,
 * `ask --jsonl --conversation`), and what a person sees is checked against what the turn expects.
 */
import { expect } from "vitest";

export interface Turn {
  ask: string;
  /** Whether it is answered (shared with everyone) or declined (the decline names what is known). */
  answered: boolean;
  /** The title: Slack's header, Discord's embed title, the terminal's first line. */
  title: RegExp;
  /** What the reply must say, anywhere a person reads it. */
  says: RegExp[];
}

/** What a surface showed for one turn. */
export interface Seen {
  answered: boolean;
  title: string;
  text: string;
}

export const CONVERSATIONS: readonly { name: string; turns: readonly Turn[] }[] = [
  {
    name: "Guangzhou's returnees, then Hangzhou's, then Shenzhen's",
    turns: [
      {
        ask: "How many returnees has Guangzhou attracted?",
        answered: true,
        title: /^Guangzhou · returnees drawn: more than 67,000/,
        says: [/67,000 overseas returnees/],
      },
      // Hangzhou's overseas figures: the talents who studied abroad or came from overseas.
      {
        ask: "what about Hangzhou?",
        answered: true,
        title: /^Hangzhou · .*(55,000|30,000)/,
        says: [/(55,000|30,000) of Hangzhou's talents/],
      },
      {
        ask: "and Shenzhen?",
        answered: false,
        title: /^Not in my sources/,
        says: [/not for Shenzhen/, /Guangzhou: more than 67,000 \(July 2017\)/],
      },
    ],
  },
  {
    name: "the Red Cotton Plan, then when it was issued",
    turns: [
      {
        ask: "What is the Red Cotton Plan?",
        answered: true,
        title: /^Red Cotton Plan/,
        says: [/Red Cotton Plan/],
      },
      {
        ask: "when was it issued?",
        answered: true,
        title: /^Red Cotton Plan · issued: 2017/,
        says: [/In 2017 Guangzhou issued the Red Cotton Plan/],
      },
    ],
  },
  {
    name: "Guangzhou's talent green cards, then Shanghai's",
    turns: [
      {
        ask: "How many talent green cards has Guangzhou issued?",
        answered: true,
        title: /^Guangzhou · talent green cards issued: 2,515/,
        says: [/Guangzhou had issued 2,515 talent green cards/],
      },
      {
        ask: "and in Shanghai?",
        answered: false,
        title: /^Not in my sources/,
        says: [/not for Shanghai\./, /Guangzhou: 2,515 \(July 2017\)/],
      },
    ],
  },
];

/** Checks what a surface showed for a turn, naming the turn when it fails. */
export function expectTurn(turn: Turn, seen: Seen): void {
  const about = `the reply to "${turn.ask}"`;
  expect(seen.answered, `${about}: answered`).toBe(turn.answered);
  expect(seen.title, `${about}: title`).toMatch(turn.title);
  for (const says of turn.says) expect(seen.text, about).toMatch(says);
}

/**
 * Follow-ups asked with nothing before them in their conversation: read alone, they must not take
 * anything from another conversation.
 */
export const ALONE: readonly { ask: string; saysNot: RegExp }[] = [
  { ask: "and Shenzhen?", saysNot: /67,000/ },
  { ask: "when was it issued?", saysNot: /2017/ },
];
