/**
 * Real test tokens, refused at start-up by the fakes: the one line the CLI prints names what went
 * wrong and never the token.
 */
import { describe, expect, it } from "vitest";
import { TOKEN } from "./adapters/discord/harness.js";
import { botUser, ids } from "./adapters/discord/payloads.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./adapters/slack/requests.js";
import { FakeDiscord } from "./fakes/discord.js";
import { FakeSlack } from "./fakes/slack.js";
import { serveUntilExit } from "./helpers.js";

describe("a token the platform refuses", () => {
  it("stops Discord with one line that does not hold the token", async () => {
    const fake = await FakeDiscord.start({
      token: "the-token-discord-knows",
      applicationId: ids.app,
      user: botUser,
    });
    try {
      const { code, err } = await serveUntilExit({
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: ids.app,
        DISCORD_API_URL: fake.apiUrl,
      });
      expect(code).toBe(1);
      expect(err).toMatch(/returnee-bot stopped: .*token/i);
      expect(err).not.toContain(TOKEN);
    } finally {
      await fake.close();
    }
  });

  it("stops Slack naming SLACK_BOT_TOKEN, and never the token or the signing secret", async () => {
    const fake = await new FakeSlack().start();
    fake.fail("auth.test", "invalid_auth");
    try {
      const { code, err } = await serveUntilExit({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
      });
      expect(code).toBe(1);
      expect(err).toContain("SLACK_BOT_TOKEN: Slack refused it (invalid_auth)");
      expect(err).not.toContain(BOT_TOKEN);
      expect(err).not.toContain(SIGNING_SECRET);
    } finally {
      await fake.close();
    }
  });
});
