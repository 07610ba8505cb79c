import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { runLine } from "../../../commands/index.js";
import type { Core } from "../../core/core.js";
import { messages } from "../../core/messages.js";
import type { Desk } from "../../ops/index.js";
import { carriedOver } from "../carried-over.js";
import { formatJsonLine, formatText } from "./format.js";

const QUIT = new Set(["exit", "quit", "/exit", "/quit"]);

/**
 * An interactive chat: one question or slash command per line, until "exit" or end of input.
 * Each line goes through the desk like a message on Discord or Slack: rate-limited, and logged
 * for the curators when it is a question the bot cannot answer.
 */
export async function chat(core: Core, input: Readable, output: Writable, desk: Desk): Promise<void> {
  const rl = createInterface({ input, output, terminal: "isTTY" in input && input.isTTY === true });
  output.write(`${messages.botName}: ${messages.tagline}\nType a question or /help; "exit" to leave.\n`);
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    if (QUIT.has(line.trim().toLowerCase())) break;
    if (line.trim()) {
      await desk.serve(
        {
          platform: "terminal",
          user: "local",
          text: line,
          mustReply: true,
          surface: "chat",
          conversation: "chat",
        },
        (context) => runLine(line, core, carriedOver(context)),
        async (reply) => {
          output.write(`\n${reply.kind === "answer" ? formatText(reply.answer) : reply.text}\n\n`);
        },
      );
    }
    rl.prompt();
  }
  rl.close();
}

/** The evaluation contract: one JSON line out for every line in, in order. */
export async function answerLines(core: Core, input: Readable, output: Writable): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) output.write(`${formatJsonLine(line, runLine(line, core))}\n`);
}
