/**
 * Start-up that fails fast and says why: a platform that cannot be reached, or answers 5xx, stops
 * `serve` with a line naming the platform and what failed, and a non-zero exit for the supervisor.
 */
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { TOKEN } from "./adapters/discord/harness.js";
import { ids } from "./adapters/discord/payloads.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./adapters/slack/requests.js";
import { FakeSlack, type Received } from "./fakes/slack.js";
import { logLines, serveUntilExit } from "./helpers.js";

/** A loopback address where nothing listens. */
async function nothingListening(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/api/`;
}

describe("Slack at start-up", () => {
  it("stops with a line naming Slack and auth.test when the Slack API is unreachable", async () => {
    const { code, err } = await serveUntilExit({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: await nothingListening(),
    });
    expect(code).toBe(1);
    expect(err).toMatch(/returnee-bot stopped: Slack could not start: auth\.test failed: .*ECONNREFUSED/);
    expect(
      logLines(err).filter((e) => e.level === 40 && String(e.msg).startsWith("http request failed")),
    ).not.toEqual([]);
    expect(err).not.toContain(BOT_TOKEN);
  });

  it("stops when Slack answers 500, logging each retry at warn", async () => {
    const fake = await new FakeSlack().start();
    fake.faults.fail((r: Received) => r.target === "auth.test", { status: 500 }, 10);
    try {
      const { code, err } = await serveUntilExit({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      expect(code).toBe(1);
      expect(err).toMatch(/returnee-bot stopped: Slack could not start: auth\.test failed: .*500/);
      const retries = logLines(err).filter((e) => e.level === 40 && e.method === "auth.test");
      expect(retries).toHaveLength(3);
      expect(retries[0]).toMatchObject({ platform: "slack", status: 500 });
      expect(fake.refused).toHaveLength(3);
    } finally {
      await fake.close();
    }
  });
});

describe("Discord at start-up", () => {
  it("stops with a line naming Discord when its API is unreachable", async () => {
    const { code, err } = await serveUntilExit({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: ids.app,
      DISCORD_API_URL: (await nothingListening()).replace(/\/api\/$/, ""),
    });
    expect(code).toBe(1);
    expect(err).toMatch(/returnee-bot stopped: Discord could not start: /);
    expect(err).not.toContain(TOKEN);
  });
});
