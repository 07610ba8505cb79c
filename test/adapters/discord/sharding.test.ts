/**
 * `serve --shards auto` end to end: the compiled CLI runs discord.js's ShardingManager, which
 * spawns the compiled shard entry as its own process, and that process answers through the fake.
 * The sources are transpiled first into node_modules/.cache, so the test never runs a stale dist/.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { FakeDiscord } from "../../fakes/discord.js";
import { testDesk } from "../../helpers.js";
import { fixtureCore, interact, KNOWLEDGE_DIR, replyOf, TOKEN } from "./harness.js";
import { botUser, guildPayload, ids, slashCommand } from "./payloads.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const OUT = path.join(ROOT, "node_modules", ".cache", "returnee-bot-discord-sharding");
const SHARD_ENTRY = path.join(OUT, "src", "adapters", "discord", "shard.js");

/**
 * Transpiles src/ and commands/ file by file, as `npm run build` would emit them (type checking is
 * the type check's business), so that the CLI and the shard entry run as compiled JavaScript.
 */
function compile(): void {
  for (const dir of ["src", "commands"]) {
    for (const file of readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      const source = readFileSync(path.join(ROOT, dir, file), "utf8");
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
        fileName: file,
      });
      const out = path.join(OUT, dir, file.replace(/\.ts$/, ".js"));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
  }
  if (!existsSync(SHARD_ENTRY))
    throw new Error(`compiling for the sharding test did not emit ${SHARD_ENTRY}`);
  // The CLI as bin/returnee-bot.js runs it, minus dotenv: the test gives the whole environment.
  writeFileSync(
    path.join(OUT, "run.js"),
    'import { main } from "./src/cli.js";\nprocess.exitCode = await main(process.argv.slice(2));\n',
  );
}

describe("serve --shards auto, against a fake Discord", () => {
  let fake: FakeDiscord;
  let cli: ChildProcess;
  let stderr = "";

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    compile();
    fake = await FakeDiscord.start({
      token: TOKEN,
      applicationId: ids.app,
      user: botUser,
      guilds: [guildPayload()],
      shards: 1,
    });
    cli = spawn(process.execPath, [path.join(OUT, "run.js"), "serve", "--shards", "auto"], {
      env: {
        PATH: process.env.PATH,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APPLICATION_ID: ids.app,
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR,
      },
      stdio: ["ignore", "ignore", "pipe"],
    });
    cli.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
  }, 60_000);

  afterAll(async () => {
    if (cli?.exitCode === null) {
      cli.kill("SIGKILL");
      await once(cli, "exit");
    }
    await fake?.close();
  });

  it("runs the bot in a shard process that identifies as shard 0 of the recommended 1 and answers", async () => {
    await fake.waitForSessions(1);
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
    await expect(startDiscord(fixtureCore(), config, testDesk().desk, { shards })).rejects.toThrow(
      /--shards must be "auto" or a whole number of at least 1/,
    );
  });
});
