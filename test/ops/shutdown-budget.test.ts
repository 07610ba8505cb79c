import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { shutdown } from "../../src/ops/shutdown.js";
import { fixtureCore, testDesk } from "../helpers.js";

describe("shutting down within its budget", () => {
  it("gives up on an answer and a connection that never finish, logs both, and returns", async () => {
    const { desk, log } = testDesk();
    const never = new Promise<void>(() => undefined);
    void desk.serve(
      { platform: "slack", user: "U1", text: "gz green cards", mustReply: false, surface: "mention" },
      () => runLine("gz green cards", fixtureCore()),
      () => never,
    );
    let closedOther = false;
    const stuck = { stop: () => never };
    const fine = {
      stop: async () => {
        closedOther = true;
      },
    };
    await shutdown(desk, [stuck, fine], log.logger, 200);
    expect(closedOther).toBe(true);
    expect(log.entries().map((e) => e.msg)).toEqual([
      "shutting down: taking no new work, finishing answers in flight",
      "shutting down: gave up waiting for some answers",
      "shutting down: a connection did not close in time",
      "stopped",
    ]);
  });
});
