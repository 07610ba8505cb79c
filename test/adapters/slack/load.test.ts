import { describe, expect, it } from "vitest";
import { fixtureCore } from "../../helpers.js";
import { runLoadInProcess } from "./load.js";

describe("Slack over HTTP under load", () => {
  it("acknowledges and answers correctly each of 200 signed slash commands sent 50 at a time, losing none", async () => {
    const result = await runLoadInProcess(fixtureCore(), 200, 50);
    expect(result.failures).toEqual([]);
    expect(result.acknowledged).toBe(200);
    expect(result.answered).toBe(200);
    expect(result.errorsLogged).toBe(0);
  });
});
