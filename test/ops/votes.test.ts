import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { carriedOver } from "../../src/adapters/carried-over.js";
import type { Desk, Reply, Request } from "../../src/ops/index.js";
import { fixtureCore, TODAY, tempDir, testDesk, UNTIL_DONE } from "../helpers.js";

const core = fixtureCore();

function request(text: string): Request {
  return {
    platform: "slack",
    user: "U0SECRET1",
    text,
    mustReply: false,
    surface: "mention",
    conversation: "C1:U0SECRET1",
  };
}

/** Serves a line in the one conversation and returns the reply it sent. */
async function ask(desk: Desk, text: string): Promise<Reply | undefined> {
  let sent: Reply | undefined;
  await desk.serve(
    request(text),
    (context) => runLine(text, core, carriedOver(context)),
    async (reply) => {
      sent = reply;
    },
  );
  return sent;
}

/** A desk writing its log to a fresh file, and a reader for the records in it. */
function loggedDesk() {
  const file = path.join(tempDir(), "unanswered.jsonl");
  const ops = testDesk({ unanswered: file });
  const records = () =>
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { ...ops, file, records };
}

const ballotOf = (reply: Reply | undefined) => (reply?.kind === "answer" ? reply.ballot : undefined);

describe("votes on answers, through the desk", () => {
  it("gives an answer that shows facts a ballot, and a decline or help none", async () => {
    const { desk } = loggedDesk();
    expect(ballotOf(await ask(desk, "gz green cards"))).toMatch(/^[\w-]{12}$/);
    expect(ballotOf(await ask(desk, "How do I cook fried rice?"))).toBeUndefined();
    expect(ballotOf(await ask(desk, "/help"))).toBeUndefined();
  });

  it("offers no ballot when there is no log to record votes in", async () => {
    expect(ballotOf(await ask(testDesk().desk, "gz green cards"))).toBeUndefined();
  });

  it("takes one vote per person and answer, with the question and the answer's ids, and no user id", async () => {
    const { desk, file, records, log } = loggedDesk();
    const token = ballotOf(await ask(desk, "How many GZ green cards?")) ?? "";
    const vote = { platform: "slack" as const, user: "U0SECRET1", token };
    expect(await desk.vote({ ...vote, choice: "down" })).toEqual({ outcome: "taken", language: "en" });
    expect(await desk.vote({ ...vote, choice: "down" })).toEqual({ outcome: "again", language: "en" });
    expect(await desk.vote({ ...vote, choice: "up" })).toEqual({ outcome: "again", language: "en" });
    expect(await desk.vote({ ...vote, user: "U0SECRET2", choice: "up" })).toMatchObject({ outcome: "taken" });
    await desk.drain(UNTIL_DONE);
    expect(records().filter((r) => r.kind === "vote")).toEqual([
      {
        kind: "vote",
        time: TODAY.toISOString(),
        platform: "slack",
        language: "en",
        vote: "down",
        text: "how many gz green cards",
        ids: ["a-green-cards", "a-green-cards#0"],
      },
      expect.objectContaining({ vote: "up", text: "how many gz green cards" }),
    ]);
    expect(readFileSync(file, "utf8")).not.toMatch(/SECRET|C1:/);
    expect(log.raw()).not.toContain("SECRET");
  });

  it("records a 👎's reason once, after the 👎 itself", async () => {
    const { desk, records } = loggedDesk();
    const token = ballotOf(await ask(desk, "gz green cards")) ?? "";
    const vote = { platform: "slack" as const, user: "U0SECRET1", token };
    await desk.vote({ ...vote, choice: "down" });
    expect(await desk.vote({ ...vote, choice: "stale" })).toMatchObject({ outcome: "taken" });
    expect(await desk.vote({ ...vote, choice: "wrong" })).toMatchObject({ outcome: "again" });
    expect(
      records()
        .filter((r) => r.kind === "vote")
        .map((r) => [r.vote, r.reason]),
    ).toEqual([
      ["down", undefined],
      ["down", "stale"],
    ]);
  });

  it("says a ballot it does not know is gone, and records nothing", async () => {
    const { desk, file } = loggedDesk();
    const voted = await desk.vote({ platform: "discord", user: "1", token: "forgotten123", choice: "up" });
    expect(voted.outcome).toBe("gone");
    expect(() => readFileSync(file)).toThrow();
  });

  it("records a follow-up that it declines with the question it followed, and the language", async () => {
    const { desk, records } = loggedDesk();
    await ask(desk, "How many talent green cards has Guangzhou issued?");
    await ask(desk, "and Shenzhen?");
    const declined = records().find((r) => r.kind === undefined);
    expect(declined).toMatchObject({
      text: "and shenzhen",
      language: "en",
      followed: "how many talent green cards has guangzhou issued",
    });
  });
});
