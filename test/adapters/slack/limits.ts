import { expect } from "vitest";
import {
  type Block,
  BUTTON_ACTION,
  LIMITS,
  type SlackMessage,
  VOTE_ACTION,
} from "../../../src/adapters/slack/format.js";

/** Every text of a message that Slack reads as mrkdwn, with the fallback `text`. */
export function mrkdwnTexts(message: SlackMessage): string[] {
  const texts = [message.text];
  for (const block of message.blocks) {
    if (block.type === "section" && block.text?.type === "mrkdwn") texts.push(block.text.text);
    if (block.type === "context") for (const e of block.elements) if (e.type === "mrkdwn") texts.push(e.text);
  }
  return texts;
}

/** Slack's limits, as its API enforces them. */
export function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(LIMITS.text);
  for (const block of message.blocks as Block[]) {
    if (block.type === "header") {
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(150);
    } else if (block.type === "section") {
      expect(block.text?.text.length).toBeGreaterThan(0);
      expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    } else if (block.type === "context") {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const e of block.elements) {
        if (e.type !== "mrkdwn" && e.type !== "plain_text") throw new Error(`unexpected ${e.type}`);
        expect(e.text.length).toBeGreaterThan(0);
        expect(e.text.length).toBeLessThanOrEqual(3000);
      }
    } else if (block.type === "actions") {
      expect(block.elements.length).toBeGreaterThan(0);
      expect(block.elements.length).toBeLessThanOrEqual(25);
      for (const e of block.elements) {
        if (e.type !== "button") throw new Error(`unexpected ${e.type}`);
        expect(e.text.text.length).toBeGreaterThan(0);
        expect(e.text.text.length).toBeLessThanOrEqual(75);
        expect(e.value?.length ?? 0).toBeLessThanOrEqual(2000);
        expect([BUTTON_ACTION, VOTE_ACTION].some((action) => action.test(e.action_id ?? ""))).toBe(true);
      }
    } else throw new Error(`unexpected block ${block.type}`);
  }
  const ids = buttonsOf(message).map((b) => b.action_id);
  expect(new Set(ids).size).toBe(ids.length);
}

/** Every button of a message, in order. */
export function buttonsOf(message: SlackMessage) {
  return message.blocks.flatMap((b) =>
    b.type === "actions" ? b.elements.flatMap((e) => (e.type === "button" ? [e] : [])) : [],
  );
}

/** Every character a person reads in the blocks, the buttons' labels included. */
export function visibleLength(message: SlackMessage): number {
  return [...mrkdwnTexts(message).slice(1), ...plainTexts(message)].join("").length;
}

function plainTexts(message: SlackMessage): string[] {
  return message.blocks.flatMap((b) =>
    b.type === "header"
      ? [b.text.text]
      : b.type === "actions"
        ? b.elements.flatMap((e) => (e.type === "button" ? [e.text.text] : []))
        : [],
  );
}

const LINK = /<(https?:\/\/[^<>|\s]+)\|([^<>]*)>/g;

/**
 * No raw <, > or & outside an entity: nothing can become a mention, a link or a broadcast, except
 * links to the given addresses (the sources' own, from the knowledge base), whose labels are inert too.
 */
export function expectInert(message: SlackMessage, links: readonly string[] = []): void {
  for (const raw of mrkdwnTexts(message)) {
    const text = raw.replace(LINK, (whole, url: string, label: string) =>
      links.includes(url.replace(/&amp;/g, "&")) ? label : whole,
    );
    expect(text).not.toMatch(/[<>]/);
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(text).not.toMatch(/(^|[^\w])@(here|channel|everyone)/i);
  }
}
