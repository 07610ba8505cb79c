import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCommand } from "../../../commands/index.js";
import { terminalMessages } from "../../../src/adapters/terminal/messages.js";
import { FIXTURE_KNOWLEDGE, tempDir } from "../../helpers.js";
import { cli } from "./run-cli.js";

const words = terminalMessages.en;

/** Chats these lines with a log in a fresh file; what the chat printed, and the votes recorded. */
async function chat(lines: string[]) {
  const file = path.join(tempDir(), "unanswered.jsonl");
  const { out } = await cli(["chat"], lines.map((l) => `${l}\n`).join(""), {
    KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
    UNANSWERED_LOG: file,
  });
  const records = () =>
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { out, votes: () => records().filter((r) => r.kind === "vote") };
}

describe("/good and /bad in the terminal chat", () => {
  it("takes /good as a 👍 on the last answer, with its question and ids, once", async () => {
    const { out, votes } = await chat(["How many GZ green cards?", "/good", "/good"]);
    expect(out).toContain(words.vote.thanksUp);
    expect(out).toContain(words.vote.again);
    expect(votes()).toEqual([
      expect.objectContaining({
        platform: "terminal",
        vote: "up",
        text: "how many gz green cards",
        ids: ["a-green-cards", "a-green-cards#0"],
      }),
    ]);
  });

  it("takes /bad stale as a 👎 and its reason", async () => {
    const { out, votes } = await chat(["gz green cards", "/bad stale"]);
    expect(out).toContain(words.vote.thanksReason("Out of date"));
    expect(votes().map((r) => [r.vote, r.reason])).toEqual([
      ["down", undefined],
      ["down", "stale"],
    ]);
  });

  it("says politely when there is no answer to rate, or the reason is not one it knows", async () => {
    const { out } = await chat(["/good", "How do I cook fried rice?", "/bad", "gz green cards", "/bad meh"]);
    expect(out.split(words.noAnswer)).toHaveLength(3);
    expect(out).toContain(words.unknownReason("meh"));
  });

  it("mentions /good and /bad in help, and in its greeting", async () => {
    const { out } = await chat(["help"]);
    expect(out).toContain(words.welcome);
    expect(out).toContain(words.votesHelp);
  });

  it("has no registry command that /good or /bad would hide", () => {
    expect(findCommand("good")).toBeUndefined();
    expect(findCommand("bad")).toBeUndefined();
  });
});
