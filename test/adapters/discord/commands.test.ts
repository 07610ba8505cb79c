import { ApplicationCommandOptionType, ApplicationCommandType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { commandDefinitions } from "../../../src/adapters/discord/definitions.js";
import { registerDiscordCommands } from "../../../src/adapters/discord/index.js";
import { FakeDiscord } from "../../fakes/discord.js";
import { discordConfig, TOKEN } from "./harness.js";
import { botUser, ids } from "./payloads.js";

describe("Discord command definitions", () => {
  it("define one chat-input command per registry entry, with its named string options", () => {
    const definitions = commandDefinitions();
    expect(definitions.map((d) => d.name)).toEqual(commands.map((c) => c.name));
    for (const [i, command] of commands.entries()) {
      const definition = definitions[i];
      expect(definition?.type).toBe(ApplicationCommandType.ChatInput);
      expect(definition?.description).toBe(command.description);
      expect(definition?.options).toEqual(
        command.options.map((o) => ({
          type: ApplicationCommandOptionType.String,
          name: o.name,
          description: o.description,
          required: o.required,
          ...(o.autocomplete ? { autocomplete: true } : {}),
        })),
      );
    }
  });

  it("mark /city's and /policy's name options for autocomplete", () => {
    const autocompleted = commandDefinitions().flatMap((d) =>
      (d.options ?? [])
        .filter((o) => "autocomplete" in o && o.autocomplete)
        .map((o) => `${d.name} ${o.name}`),
    );
    expect(autocompleted).toEqual(["city name", "policy name"]);
  });

  it("put required options before optional ones, as Discord requires", () => {
    const definitions = commandDefinitions([
      {
        name: "demo",
        description: "A command with an optional option declared first",
        options: [
          { name: "maybe", description: "Optional", required: false },
          { name: "surely", description: "Required", required: true },
        ],
        run: () => {
          throw new Error("not run");
        },
      },
    ]);
    expect(definitions[0]?.options?.map((o) => o.name)).toEqual(["surely", "maybe"]);
  });
});

describe("register discord, against a fake Discord", () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ token: TOKEN, applicationId: ids.app, user: botUser });
  });
  afterAll(async () => {
    await fake?.close();
  });

  it("bulk-overwrites the application's global commands from the registry alone", async () => {
    const summary = await registerDiscordCommands(discordConfig(fake));
    const put = await fake.waitForRequest((r) => r.method === "PUT", "the PUT of the commands");
    expect(put.path).toBe(`/applications/${ids.app}/commands`);
    expect(put.authorization).toBe(`Bot ${TOKEN}`);
    expect(put.body).toEqual(commandDefinitions());
    expect(summary).toContain(`Registered ${commands.length} Discord commands globally`);
    expect(summary).toContain("/city");
  });

  it("bulk-overwrites only the commands of DISCORD_GUILD_ID's server when it is set", async () => {
    const summary = await registerDiscordCommands(discordConfig(fake, { guildId: ids.guild }));
    const put = await fake.waitForRequest((r) => r.method === "PUT" && r.path.includes("/guilds/"));
    expect(put.path).toBe(`/applications/${ids.app}/guilds/${ids.guild}/commands`);
    expect((put.body as unknown[]).length).toBe(commands.length);
    expect(summary).toContain(`in server ${ids.guild}`);
  });
});
