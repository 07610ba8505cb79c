import type { Choice, Voted } from "../ops/index.js";
import type { VoteReason } from "../ops/unanswered-record.js";
import { adapterMessages } from "./messages.js";

/** The reasons a 👎 offers, in the order shown. */
export const REASONS: readonly VoteReason[] = ["wrong", "stale", "off"];

const CHOICES: readonly Choice[] = ["up", "down", ...REASONS];

/** A vote button's id, `vote:down:TOKEN`: short enough for Discord's 100-character custom_id. */
export function encodeVote(choice: Choice, token: string): string {
  return `vote:${choice}:${token}`;
}

/** The choice and the ballot's token a vote button carries, or undefined for any other button. */
export function decodeVote(id: string): { choice: Choice; token: string } | undefined {
  const match = /^vote:([a-z]+):([\w-]{1,64})$/.exec(id);
  const choice = CHOICES.find((c) => c === match?.[1]);
  return choice === undefined || match?.[2] === undefined ? undefined : { choice, token: match[2] };
}

/** Whether a choice is a 👎's reason, answered in place of the message that offered it. */
export function isReason(choice: Choice): boolean {
  return choice !== "up" && choice !== "down";
}

/**
 * The private acknowledgement of a vote, in the answer's language, and whether it offers the 👎's
 * reasons (only after a 👎 just taken).
 */
export function voteReply(voted: Voted, choice: Choice): { text: string; reasons: boolean } {
  const words = adapterMessages[voted.language].vote;
  const reason = isReason(choice);
  switch (voted.outcome) {
    case "taken":
      if (choice === "up") return { text: words.thanksUp, reasons: false };
      if (choice === "down") return { text: words.thanksDown, reasons: true };
      return { text: words.thanksReason(words.reasons[choice]), reasons: false };
    case "again":
      return { text: reason ? words.reasonAgain : words.again, reasons: false };
    case "gone":
      return { text: words.gone, reasons: false };
    case "failed":
      return { text: words.failed, reasons: false };
  }
}
