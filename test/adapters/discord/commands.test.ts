import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCommands, commands, LOCALES } from "../../../commands/index.js";
import { commandDefinitions } from "../../../src/adapters/discord/definitions.js";
import { registerDiscordCommands } from "../../../src/adapters/discord/index.js";
import { FakeDiscord } from "../../fakes/discord.js";
import { discordConfig, TOKEN } from "./harness.js";
import { botUser, ids } from "./payloads.js";

const DEMO = {
  "zh-CN": { name: "示例", description: "示例" },
  "zh-TW": { name: "示例", description: "示例" },
};

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
          name_localizations: { "zh-CN": o.localized["zh-CN"].name, "zh-TW": o.localized["zh-TW"].name },
          description: o.description,
          description_localizations: {
            "zh-CN": o.localized["zh-CN"].description,
            "zh-TW": o.localized["zh-TW"].description,
          },
          required: o.required,
          ...(o.autocomplete ? { autocomplete: true } : {}),
        })),
      );
    }
  });

  it("name and describe every command and option in simplified and traditional Chinese", () => {
    const named = commandDefinitions().flatMap((d) => [d, ...(d.options ?? [])]);
    expect(named.length).toBeGreaterThan(commands.length);
    for (const item of named) {
      for (const locale of LOCALES) {
        expect(item.name_localizations?.[locale], `${item.name} in ${locale}`).toMatch(/\p{Script=Han}/u);
        expect(item.description_localizations?.[locale], `${item.name} in ${locale}`).toMatch(
          /\p{Script=Han}/u,
        );
      }
    }
    const city = named.find((d) => d.name === "city");
    expect(city?.name_localizations).toEqual({ "zh-CN": "城市", "zh-TW": "城市" });
    const convention = named.find((d) => d.name === "convention");
    expect(convention?.name_localizations).toEqual({ "zh-CN": "海交会", "zh-TW": "海交會" });
  });

  it("refuse a command whose Chinese name Discord would reject", () => {
    const city = commands.find((c) => c.name === "city");
    if (city === undefined) throw new Error("no /city");
    const spaced = {
      ...city,
      localized: { ...city.localized, "zh-CN": { name: "城 市", description: "x" } },
    };
    expect(() => checkCommands([spaced])).toThrow(/commands\/city: localized\.zh-CN\.name/);
    const upper = { ...city, localized: { ...city.localized, "zh-TW": { name: "City", description: "x" } } };
    expect(() => checkCommands([upper])).toThrow(/lower case/);
  });

  it("mark /city's and /policy's name options for autocomplete", () => {
    const autocompleted = commandDefinitions().flatMap((d) =>
      (d.options ?? [])
        .filter((o) => "autocomplete" in o && o.autocomplete)
        .map((o) => `${d.name} ${o.name}`),
    );
    expect(autocompleted).toEqual(["city name", "policy name"]);
  });

  it("register /kb for server administrators only, in servers only, and every other command for everyone", () => {
    const definitions = commandDefinitions();
    const kb = definitions.find((d) => d.name === "kb");
    expect(kb?.default_member_permissions).toBe("0");
    expect(kb?.contexts).toEqual([InteractionContextType.Guild]);
    for (const definition of definitions.filter((d) => d.name !== "kb")) {
      expect(definition.default_member_permissions, definition.name).toBeUndefined();
    }
  });

  it("put required options before optional ones, as Discord requires", () => {
    const definitions = commandDefinitions([
      {
        name: "demo",
        description: "A command with an optional option declared first",
        localized: DEMO,
        options: [
          { name: "maybe", description: "Optional", required: false, localized: DEMO },
          { name: "surely", description: "Required", required: true, localized: DEMO },
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
    for (const command of put.body as {
      name_localizations: object;
      options: { name_localizations: object }[];
    }[]) {
      expect(Object.keys(command.name_localizations)).toEqual(["zh-CN", "zh-TW"]);
      for (const option of command.options)
        expect(Object.keys(option.name_localizations)).toEqual(["zh-CN", "zh-TW"]);
    }
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
