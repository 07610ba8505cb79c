import type { App, BlockButtonAction } from "@slack/bolt";
import type { Desk } from "../../ops/index.js";
import { decodeVote, isReason, voteReply } from "../votes.js";
import { renderVoteReply, VOTE_ACTION } from "./format.js";

/**
 * 👍, 👎 and a 👎's reasons: the desk takes the vote, and only the person who clicked sees the
 * acknowledgement, through the click's response_url; a reason's replaces the message that offered
 * the reasons, never the answer.
 */
export function registerVotes(app: App, desk: Desk): void {
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: VOTE_ACTION },
    async ({ action, body, ack, respond }) => {
      await ack();
      const vote = decodeVote(action.value ?? "");
      if (vote === undefined) return;
      const voted = await desk.vote({ platform: "slack", user: body.user.id, ...vote });
      const { text, reasons } = voteReply(voted, vote.choice);
      const offered = reasons ? { ballot: vote.token, language: voted.language } : undefined;
      await respond({
        response_type: "ephemeral",
        replace_original: isReason(vote.choice),
        ...renderVoteReply(text, offered),
      });
    },
  );
}
