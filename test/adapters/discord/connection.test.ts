import { GatewayIntentBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiscordClient } from "../../../src/adapters/discord/client.js";
import { discordConfig, interact, type RunningBot, replyOf, startBot, TOKEN } from "./harness.js";
import { slashCommand } from "./payloads.js";

describe("The Discord client's connection to a fake Discord", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("finds the gateway through GET /gateway/bot on DISCORD_API_URL, with the bot token", () => {
    const gateway = bot.fake.requests.find((r) => r.path === "/gateway/bot");
    expect(gateway?.method).toBe("GET");
    expect(gateway?.authorization).toBe(`Bot ${TOKEN}`);
  });

  it("pings nobody by default: the client itself sends no allowed mentions", async () => {
    const client = createDiscordClient(discordConfig(bot.fake));
    expect(client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    await client.destroy();
  });

  it("opens gateway v10 with JSON and identifies with Guilds, GuildMessages and DirectMessages only", () => {
    expect(bot.fake.gatewayQueries[0]).toEqual({ v: "10", encoding: "json" });
    const [identify] = bot.fake.identifies;
    expect(identify?.token).toBe(TOKEN);
    expect(identify?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages,
    );
    expect((identify?.intents ?? 0) & GatewayIntentBits.MessageContent).toBe(0);
  });

  it("resumes its session when the gateway closes the connection, and still answers", async () => {
    const [first] = bot.fake.identifies;
    expect(first).toBeDefined();
    bot.fake.dropConnections(4000);
    await bot.fake.waitForSessions(2);

    expect(bot.fake.identifies).toHaveLength(1);
    expect(bot.fake.resumes).toHaveLength(1);
    expect(bot.fake.resumes[0]?.token).toBe(TOKEN);
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "Hangzhou" })));
    expect(reply.embeds?.[0]?.title).toContain("Hangzhou");
  });

  it("reconnects when the connection is cut without a close frame, and still answers", async () => {
    const sessions = bot.fake.resumes.length + bot.fake.identifies.length;
    bot.fake.dropConnections("terminate");
    await bot.fake.waitForSessions(sessions + 1);

    const reply = replyOf(await interact(bot.fake, slashCommand("help")));
    expect(reply.embeds?.[0]?.title).toBe("How to use returnee-bot");
  });
});
