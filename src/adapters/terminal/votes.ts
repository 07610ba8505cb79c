import type { Choice, Desk } from "../../ops/index.js";
import { REASONS, voteReply } from "../votes.js";
import { terminalMessages } from "./messages.js";

/** What a line asks of the votes: /good, /bad with a reason or none, or a reason not known. */
export type TerminalVote = { choices: Choice[] } | { unknownReason: string };

/**
 * `/good`, `/bad` or `/bad REASON` (wrong, stale, off) read as votes; undefined for any other line.
 * No registry command is named so (a test holds that), so these never shadow one.
 */
export function terminalVote(line: string): TerminalVote | undefined {
  const match = /^\/(good|bad)(?:\s+(.*))?$/i.exec(line.trim());
  if (match === null) return undefined;
  if (match[1]?.toLowerCase() === "good") return { choices: ["up"] };
  const given = match[2]?.trim().toLowerCase() ?? "";
  if (given === "") return { choices: ["down"] };
  const reason = REASONS.find((r) => r === given);
  return reason === undefined ? { unknownReason: given } : { choices: ["down", reason] };
}

/**
 * Casts a terminal vote on the last answer's ballot, as a click would (a reason after its 👎), and
 * returns what to print.
 */
export async function castVote(vote: TerminalVote, ballot: string | undefined, desk: Desk): Promise<string> {
  if (ballot === undefined) return terminalMessages.en.noAnswer;
  if ("unknownReason" in vote) return terminalMessages.en.unknownReason(vote.unknownReason);
  let said = "";
  for (const choice of vote.choices) {
    const voted = await desk.vote({ platform: "terminal", user: "local", token: ballot, choice });
    const { text, reasons } = voteReply(voted, choice);
    said = reasons ? `${text} ${terminalMessages[voted.language].reasonsHint}` : text;
  }
  return said;
}
