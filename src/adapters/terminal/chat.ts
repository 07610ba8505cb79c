import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { askedText } from "../../../commands/asked.js";
import { isHelpLine, runLine } from "../../../commands/index.js";
import { messages } from "../../core/compose/messages.js";
import type { Core } from "../../core/core.js";
import type { Language } from "../../core/types.js";
import type { Desk } from "../../ops/index.js";
import { readLines } from "../../ops/lines.js";
import type { LiveCore } from "../../ops/live-core.js";
import type { Conversations } from "../../ops/ports.js";
import { carriedOver } from "../carried-over.js";
import { formatJsonLine, formatText } from "./format.js";
import { terminalMessages } from "./messages.js";
import { castVote, terminalVote } from "./votes.js";

const QUIT = new Set(["exit", "quit", "/exit", "/quit"]);

/**
 * An interactive chat: one question or slash command per line, until "exit" or end of input.
 * Each line goes through the desk like a message on Discord or Slack, as one conversation, and is
 * recorded for the curators. `/good` and `/bad [reason]` rate the last answer, as 👍 and 👎 do on a
 * platform. The chat has one person, so its desk has no rate limit, and its log lines go elsewhere
 * (see cli.ts). The person at the
 * keyboard runs the bot, so they may curate it: /kb reload and /kb test work here.
 */
export async function chat(live: LiveCore, input: Readable, output: Writable, desk: Desk): Promise<void> {
  const rl = createInterface({ input, output, terminal: "isTTY" in input && input.isTTY === true });
  output.write(`${messages.botName}: ${messages.tagline}\n${terminalMessages.en.welcome}\n`);
  rl.setPrompt("> ");
  rl.prompt();
  /** The ballot of the last answer, which /good and /bad rate. */
  let ballot: string | undefined;
  for await (const line of rl) {
    if (QUIT.has(line.trim().toLowerCase())) break;
    const vote = terminalVote(line);
    if (vote !== undefined) output.write(`\n${await castVote(vote, ballot, desk)}\n\n`);
    else if (line.trim()) {
      await desk.serve(
        {
          platform: "terminal",
          user: "local",
          text: askedText(line),
          mustReply: true,
          surface: "chat",
          conversation: "chat",
        },
        (context) => runLine(line, live.core, { ...carriedOver(context), curate: live }),
        async (reply) => {
          if (reply.kind === "answer") ballot = reply.ballot;
          const text =
            reply.kind === "answer"
              ? withVotesHelp(line, formatText(reply.answer), reply.answer.language)
              : reply.kind === "busy"
                ? terminalMessages[reply.language].busy
                : reply.text;
          output.write(`\n${text}\n\n`);
        },
      );
    }
    rl.prompt();
  }
  rl.close();
}

/** Help in the terminal also says how to rate an answer. */
function withVotesHelp(line: string, text: string, language: Language): string {
  return isHelpLine(line) ? `${text}\n${terminalMessages[language].votesHelp}` : text;
}

/**
 * The lines of a stream as the JSON lines contract reads them: a line ends at "\n" only, a "\r"
 * just before it is dropped, and a lone "\r" inside a line becomes a space. A last line without
 * its "\n" still counts. A line past MAX_LINE_BYTES (a thousand times a question) is kept only up
 * to there: it is declined as too long either way.
 */
export async function* contractLines(input: Readable): AsyncGenerator<string> {
  for await (const { text } of readLines(input)) yield text.replace(/\r$/, "").replace(/\r/g, " ");
}

/** Where the lines' context is kept when they are one conversation: a store, and their key in it. */
export interface LinesConversation {
  store: Conversations;
  key: string;
}

/**
 * The evaluation contract: one JSON line out for every line in, in order. As one conversation,
 * each line is read in the light of the lines before it, whose context is kept in the store the
 * desk keeps conversations in; otherwise every line stands alone. No
 * line is read while the reader is behind (the output's buffer is full), so memory stays bounded
 * however slow the reader; a reader that goes away (`| head -1`) ends it quietly.
 */
export async function answerLines(
  core: Core,
  input: Readable,
  output: Writable,
  conversation?: LinesConversation,
): Promise<void> {
  async function* answers(): AsyncGenerator<string> {
    for await (const line of contractLines(input)) {
      const context = await conversation?.store.get(conversation.key);
      const answer = runLine(line, core, carriedOver(context));
      if (conversation !== undefined && answer.context !== undefined) {
        await conversation.store.set(conversation.key, answer.context);
      }
      yield `${formatJsonLine(line, answer)}\n`;
    }
  }
  try {
    await pipeline(answers, output, { end: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPIPE") throw error;
  }
}
