/**
 * `serve --shards auto` end to end: the compiled CLI runs discord.js's ShardingManager, which
 * spawns the compiled shard entry as its own process, and that process answers through the fake.
 * The sources are transpiled first (see test/compiled.ts), so the test never runs a stale dist/.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { compile } from "../../compiled.js";
import { FakeDiscord } from "../../fakes/discord.js";
import { eventually, isReady, live, logLines, testDesk } from "../../helpers.js";
import { fixtureCore, interact, KNOWLEDGE_DIR, replyOf, TOKEN } from "./harness.js";
import { botUser, guildPayload, ids, slashCommand } from "./payloads.js";

describe("serve --shards auto, against a fake Discord", () => {
  let fake: FakeDiscord;
  let cli: ChildProcess;
  let stderr = "";

  beforeAll(async () => {
    const { cli: run } = compile("returnee-bot-discord-sharding");
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: ids.app,
      user: botUser,
      guilds: [guildPayload()],
      shards: 1,
    });
    cli = spawn(process.execPath, [run, "serve", "--shards", "auto"], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: ids.app,
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR,
        UNANSWERED_LOG: "off",
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    cli.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Up: the manager hears signals and its shard process is connected; both take a while on a busy machine.
    await eventually(() => logLines(stderr).find(isReady), "the manager ready");
    await fake.waitForSessions(1);
  }, 60_000);

  afterAll(async () => {
    if (cli?.exitCode === null) {
      cli.kill("SIGKILL");
      await once(cli, "exit");
    }
    await fake?.close();
  });

  it("runs the bot in a shard process that identifies as shard 0 of the recommended 1 and answers", async () => {
    expect(fake.identifies.map((i) => i.shard)).toEqual([[0, 1]]);
    // The manager asked the configured API for the recommended count, and so did the shard's client.
    expect(fake.requests.filter((r) => r.path === "/gateway/bot").length).toBeGreaterThanOrEqual(2);

    const reply = replyOf(await interact(fake, slashCommand("city", { name: "Hangzhou" })));
    expect(reply.embeds?.[0]?.title).toContain("Hangzhou");
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("stops its shards and exits cleanly on SIGTERM", async () => {
    const exited = once(cli, "exit");
    cli.kill("SIGTERM");
    const [code] = await exited;
    expect(code, stderr).toBe(0);
    await fake.waitForNoConnections();
  });
});

describe("serve --shards with a count that cannot be", () => {
  it.each([0, 1.5, Number.NaN])("refuses %s shards before starting anything", async (shards) => {
    const config = { token: TOKEN, applicationId: ids.app, apiUrl: "http://127.0.0.1:9/api" };
    await expect(startDiscord(live(fixtureCore()), config, testDesk().desk, { shards })).rejects.toThrow(
      /--shards must be "auto" or a whole number of at least 1/,
    );
  });
});
