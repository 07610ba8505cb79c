import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { eventsUrl, slackManifest } from "../../../src/adapters/slack/manifest.js";
import { main } from "../../../src/cli.js";
import { FIXTURE_KNOWLEDGE } from "../../helpers.js";

interface Manifest {
  display_information: { name: string; description: string };
  features: {
    slash_commands: { command: string; description: string; url?: string; usage_hint?: string }[];
    app_home: { messages_tab_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const http = slackManifest({ requestUrl: "https://bot.example.com/", socketMode: false }) as Manifest;
const socket = slackManifest({ socketMode: true }) as Manifest;

describe("slackManifest", () => {
  it("lists exactly the registry's commands, with their descriptions", () => {
    expect(http.features.slash_commands.map((c) => c.command)).toEqual(commands.map((c) => `/${c.name}`));
    expect(http.features.slash_commands.map((c) => c.description)).toEqual(
      commands.map((c) => c.description),
    );
  });

  it("hints at each command's options", () => {
    const city = http.features.slash_commands.find((c) => c.command === "/city");
    expect(city?.usage_hint).toBe("[name] [topic:…]");
  });

  it("sends commands and events to /slack/events at the given URL in HTTP mode", () => {
    for (const command of http.features.slash_commands) {
      expect(command.url).toBe("https://bot.example.com/slack/events");
    }
    expect(http.settings.event_subscriptions.request_url).toBe("https://bot.example.com/slack/events");
    expect(http.settings.socket_mode_enabled).toBe(false);
  });

  it("subscribes to mentions and direct messages, with the scopes they need", () => {
    expect(http.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
    expect(http.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(["app_mentions:read", "chat:write", "commands", "im:history"]),
    );
    expect(http.features.app_home.messages_tab_enabled).toBe(true);
  });

  it("turns on interactivity, so that buttons come back to the app", () => {
    expect(http.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://bot.example.com/slack/events",
    });
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
  });

  it("enables Socket Mode and names no request URL in Socket Mode", () => {
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    for (const command of socket.features.slash_commands) expect(command.url).toBeUndefined();
  });

  it("accepts a base URL with or without /slack/events", () => {
    expect(eventsUrl("https://bot.example.com")).toBe("https://bot.example.com/slack/events");
    expect(eventsUrl("https://bot.example.com/slack/events/")).toBe("https://bot.example.com/slack/events");
  });

  /** What `returnee-bot manifest slack …` prints, with no Slack variable set, and its exit code. */
  async function printed(...args: string[]): Promise<{ code: number; manifest: Manifest | undefined }> {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on("data", (c: Buffer) => chunks.push(c));
    const code = await main(["manifest", "slack", ...args], {
      stdin: new PassThrough(),
      stdout,
      stderr: new PassThrough(),
      env: { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE },
    });
    const text = Buffer.concat(chunks).toString("utf8");
    return { code, manifest: code === 0 ? (JSON.parse(text) as Manifest) : undefined };
  }

  it("is printed as JSON by `returnee-bot manifest slack URL`", async () => {
    const { code, manifest } = await printed("https://bot.example.com");
    expect(code).toBe(0);
    expect(manifest?.features.slash_commands.map((c) => c.command)).toEqual(
      commands.map((c) => `/${c.name}`),
    );
    expect(manifest?.settings.event_subscriptions.request_url).toBe("https://bot.example.com/slack/events");
  });

  it("prints a Socket Mode manifest with --socket-mode before any Slack token exists, and refuses an unknown flag", async () => {
    const { code, manifest } = await printed("--socket-mode");
    expect(code).toBe(0);
    expect(manifest?.settings.socket_mode_enabled).toBe(true);
    expect(manifest?.settings.event_subscriptions.request_url).toBeUndefined();
    expect((await printed("https://bot.example.com", "--sockets")).code).toBe(2);
  });
});
