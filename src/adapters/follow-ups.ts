import type { Suggestion } from "../../commands/index.js";
import { suggestionLine } from "../../commands/index.js";
import { z } from "../core/knowledge/zod.js";

/** What a button shows: the label the core gave it (a card's topic), else the line one would type. */
export function labelOf(suggestion: Suggestion): string {
  return suggestion.label?.trim() || suggestionLine(suggestion);
}

/** A follow-up written out where it cannot be a button: "talent clubs (5) `/city Hangzhou topic:clubs`". */
export function typedEntry(suggestion: Suggestion): string {
  const line = `\`${suggestionLine(suggestion)}\``;
  return suggestion.label?.trim() ? `${suggestion.label.trim()} ${line}` : line;
}

/**
 * A suggestion as the compact JSON a button carries, `["city",{"name":"Hangzhou"}]`: a click gives
 * it back, so running it needs no stored state, and renaming a command's wording cannot break it.
 */
export function encodeSuggestion(suggestion: Suggestion): string {
  return JSON.stringify([suggestion.command, suggestion.args]);
}

const Encoded = z.tuple([z.string().check(z.minLength(1)), z.record(z.string(), z.string())]);

/** The suggestion a button carried, or undefined for a value this bot did not make. */
export function decodeSuggestion(value: string): Suggestion | undefined {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return undefined;
  }
  const parsed = Encoded.safeParse(json);
  return parsed.success ? { command: parsed.data[0], args: parsed.data[1] } : undefined;
}

/** A card's topics and an answer's follow-ups, each split into buttons and lines written out. */
export interface FollowUps {
  more: { buttons: Suggestion[]; lines: Suggestion[] };
  suggestions: { buttons: Suggestion[]; lines: Suggestion[] };
}

/**
 * Arranges the follow-ups of an answer as a platform can show them: at most `max` buttons of each
 * kind, each carrying a value the platform accepts (`fits`); the rest stay lines, so nothing is
 * dropped without a word. A suggestion that repeats a topic of the card is left out.
 */
export function arrangeFollowUps(
  answer: { more: readonly Suggestion[]; suggestions: readonly Suggestion[] },
  max: { more: number; suggestions: number },
  fits: (encoded: string) => boolean,
): FollowUps {
  const seen = new Set<string>();
  const split = (list: readonly Suggestion[], limit: number) => {
    const buttons: Suggestion[] = [];
    const lines: Suggestion[] = [];
    for (const suggestion of list) {
      const encoded = encodeSuggestion(suggestion);
      if (seen.has(encoded)) continue;
      seen.add(encoded);
      (buttons.length < limit && fits(encoded) ? buttons : lines).push(suggestion);
    }
    return { buttons, lines };
  };
  const more = split(answer.more, max.more);
  return { more, suggestions: split(answer.suggestions, max.suggestions) };
}
