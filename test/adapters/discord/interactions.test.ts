import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { helpMessages } from "../../../commands/messages.js";
import { discordMessages } from "../../../src/adapters/discord/messages.js";
import { encodeSuggestion } from "../../../src/adapters/follow-ups.js";
import { Core } from "../../../src/core/core.js";
import { Desk } from "../../../src/ops/desk.js";
import { eventually, testDesk } from "../../helpers.js";
import { interact, NOW, type RunningBot, replyOf, startBot, visibleText } from "./harness.js";
import { autocomplete, botMessage, buttonClick, ids, otherHuman, slashCommand } from "./payloads.js";

const SILENT = { parse: [], replied_user: false };

describe("Discord slash commands, served against a fake Discord", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("answers /city Hangzhou with an embed of its facts, its source with date and age, and the age note", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "Hangzhou" })));
    const [embed] = reply.embeds ?? [];
    expect(embed?.title).toContain("Hangzhou");
    expect(embed?.description).toContain("Fixture fact: Hangzhou had the highest net inflow");
    expect(embed?.fields?.[0]?.name).toContain(
      "Hangzhou: Maintaining momentum as a magnet for global talent",
    );
    expect(embed?.fields?.[0]?.value).toContain("published 2021-12-15, 4 years ago");
    expect(embed?.footer?.text).toMatch(
      /^Figures from June 2021 to 15 December 2021 \(4 years ago\); they may have changed/,
    );
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("answers /city 杭州 with Hangzhou, through its Chinese alias", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "杭州" })));
    expect(reply.embeds?.[0]?.title).toContain("Hangzhou");
    expect(visibleText(reply)).toContain("Fixture fact: Hangzhou");
  });

  it.each([
    ["policy", { name: "Fixture Talent Plan" }, "Fixture Talent Plan", "10,000 yuan"],
    ["convention", {}, "Convention on Exchange of Overseas Talents", "held in Guangzhou every December"],
    ["sources", {}, "Sources", "Guangzhou: hotspot for returning talents"],
    ["help", {}, "How to use returnee-bot", "/city name [topic:…] — "],
    ["ask", { question: "How many returnees are in Guangzhou?" }, "Guangzhou", "60,000 returnees"],
  ])("answers /%s from the core", async (name, options, title, text) => {
    const reply = replyOf(await interact(bot.fake, slashCommand(name, options)));
    expect(reply.embeds?.[0]?.title).toContain(title);
    expect(visibleText(reply)).toContain(text);
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("answers every command of the registry", async () => {
    for (const command of commands) {
      const args = Object.fromEntries(command.options.map((o) => [o.name, "Guangzhou"]));
      const reply = replyOf(await interact(bot.fake, slashCommand(command.name, args)));
      expect(reply.embeds?.[0]?.title, `/${command.name}`).toBeTruthy();
    }
  });

  it("keeps @everyone, @here, role and user mentions typed into a question inert", async () => {
    const typed = "@everyone @here <@&123456789012345678> <@900000000000000003>";
    const city = replyOf(await interact(bot.fake, slashCommand("city", { name: typed })));
    expect(visibleText(city)).toContain(typed);
    expect(city.allowed_mentions).toEqual(SILENT);

    const question = `${typed} how many returnees are in Guangzhou?`;
    const ask = replyOf(await interact(bot.fake, slashCommand("ask", { question })));
    expect(ask.allowed_mentions).toEqual(SILENT);
  });

  it("declines a city it does not know plainly, offering what it can answer as buttons", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "Atlantis" })));
    expect(reply.embeds?.[0]?.title).toBe("Not in my sources");
    expect(reply.embeds?.[0]?.description).toContain('I have nothing on a city called "Atlantis"');
    expect(reply.embeds?.[0]?.description).toContain("Here is what I can answer:");
    const buttons = reply.components?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((b) => b.label)).toContain("/city Guangzhou");
  });

  it("answers a slash command used in a DM with the bot", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "GZ" }, { dm: true })));
    expect(reply.embeds?.[0]?.title).toContain("Guangzhou");
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("answers a command Discord still lists but the registry no longer has with a decline", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("weather", {})));
    expect(visibleText(reply)).toContain("There is no /weather command");
  });

  it.each(["hang", "杭", "杭州", "HZ"])(
    "offers Hangzhou, in English and Chinese, when %s is typed into /city's name",
    async (typed) => {
      const callback = await interact(bot.fake, autocomplete("city", "name", typed));
      expect(callback.body).toEqual({
        type: 8,
        data: { choices: [{ name: "Hangzhou 杭州", value: "Hangzhou" }] },
      });
    },
  );

  it("offers 广州 for 广, with the English name as the value the command receives", async () => {
    const callback = await interact(bot.fake, autocomplete("city", "name", "广"));
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: "Guangzhou 广州", value: "Guangzhou" }] },
    });
  });

  it("answers /help in Chinese, with the commands' Chinese names, to someone whose Discord is in Chinese", async () => {
    // A person new to the bot: nothing typed before outranks their Discord's language.
    const newcomer = { user: otherHuman };
    const simplified = replyOf(
      await interact(bot.fake, slashCommand("help", {}, { ...newcomer, locale: "zh-CN" })),
    );
    expect(simplified.embeds?.[0]?.title).toBe("如何使用 returnee-bot");
    expect(simplified.embeds?.[0]?.description).toContain("/城市 名称 [主题]：");
    const traditional = replyOf(
      await interact(bot.fake, slashCommand("help", {}, { ...newcomer, locale: "zh-TW" })),
    );
    expect(traditional.embeds?.[0]?.description).toContain("/城市 名稱 [主題]：");
  });

  it("given a zh-CN user in an English conversation, then /ask GZ and /city GZ both answer in Chinese", async () => {
    const inEnglish = { locale: "zh-CN" };
    const first = replyOf(
      await interact(
        bot.fake,
        slashCommand("ask", { question: "How many returnees has Guangzhou attracted?" }, inEnglish),
      ),
    );
    expect(first.embeds?.[0]?.title).toMatch(/^Guangzhou/);
    const asked = replyOf(await interact(bot.fake, slashCommand("ask", { question: "GZ" }, inEnglish)));
    const card = replyOf(await interact(bot.fake, slashCommand("city", { name: "GZ" }, inEnglish)));
    expect(asked.embeds?.[0]?.title).toMatch(/\p{Script=Han}/u);
    expect(card.embeds?.[0]?.title).toMatch(/\p{Script=Han}/u);
  });

  it("offers programmes when the start of one is typed into /policy's name", async () => {
    const callback = await interact(bot.fake, autocomplete("policy", "name", "fix"));
    expect(callback.body).toEqual({
      type: 8,
      data: { choices: [{ name: "Fixture Talent Plan", value: "Fixture Talent Plan" }] },
    });
  });

  it("runs a clicked suggestion button through the commands and replies with its answer", async () => {
    const first = replyOf(await interact(bot.fake, slashCommand("city", { name: "Hangzhou" })));
    const button = first.components?.[0]?.components.find((b) => b.label === "/policy Fixture Talent Plan");
    expect(button?.custom_id).toBeDefined();

    const click = buttonClick(button?.custom_id ?? "", botMessage(ids.general, first));
    const reply = replyOf(await interact(bot.fake, click));
    expect(reply.embeds?.[0]?.title).toMatch(/^Fixture Talent Plan · subsidy: 10,000 yuan/);
    expect(reply.allowed_mentions).toEqual(SILENT);
  });

  it("runs the command a card's topic button encodes, with its options", async () => {
    const customId = encodeSuggestion({
      command: "city",
      args: { name: "GZ", topic: "clubs" },
      label: "clubs (2)",
    });
    const click = buttonClick(customId, botMessage(ids.general, {}), { locale: "zh-CN" });
    const reply = replyOf(await interact(bot.fake, click));
    expect(reply.embeds?.[0]?.title).toContain("Guangzhou");
  });

  it("runs a /help button in the clicker's language", async () => {
    const click = buttonClick(encodeSuggestion({ command: "help", args: {} }), botMessage(ids.general, {}), {
      user: { ...otherHuman, id: "900000000000000006" },
      locale: "zh-TW",
    });
    expect(replyOf(await interact(bot.fake, click)).embeds?.[0]?.title).toBe("如何使用 returnee-bot");
  });
});

describe("Discord slash commands over the bundled knowledge base", () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot(Core.load({ now: () => NOW }));
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it("answers /city 杭州 about Hangzhou in Chinese, citing at least one source by title with its age", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "杭州" })));
    expect(reply.embeds?.[0]?.title).toContain("杭州（Hangzhou）");
    expect(reply.embeds?.[0]?.fields?.[0]?.name).toMatch(/^\[1\] ./);
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toMatch(/发布于\d{4}-\d{2}-\d{2}|未注明日期/);
  });

  it("answers /city Hangzhou in English, citing its sources with their dates", async () => {
    const reply = replyOf(await interact(bot.fake, slashCommand("city", { name: "Hangzhou" })));
    expect(reply.embeds?.[0]?.title).toMatch(/^Hangzhou/);
    expect(reply.embeds?.[0]?.fields?.[0]?.value).toMatch(/published \d{4}-\d{2}-\d{2}|undated/);
  });

  it("offers Hangzhou 杭州 for 杭 typed into /city's name", async () => {
    const callback = await interact(bot.fake, autocomplete("city", "name", "杭"));
    const { choices } = (callback.body as { data: { choices: { name: string; value: string }[] } }).data;
    expect(choices).toContainEqual({ name: "Hangzhou 杭州", value: "Hangzhou" });
  });
});

describe("Discord slash commands, past the bound on answers in flight", () => {
  it("tells the person only, at once, that the bot is busy, and answers again once the answer in flight is out", async () => {
    const ops = testDesk();
    const desk = new Desk({ logger: ops.log.logger, maxConcurrent: 1 });
    const bot = await startBot(undefined, { ...ops, desk });
    try {
      const first = slashCommand("help");
      const held = bot.fake.faults.hold(
        (r) => r.path === `/interactions/${first.id}/${first.token}/callback`,
      );
      await bot.fake.dispatch("INTERACTION_CREATE", first);
      await held.arrived;
      const busy = replyOf(await interact(bot.fake, slashCommand("help")));
      expect(busy).toMatchObject({ content: discordMessages.en.busy, flags: 64 });
      held.release();
      await eventually(() => (desk.pending === 0 ? true : undefined), "the answer in flight finished");
      const after = replyOf(await interact(bot.fake, slashCommand("help")));
      expect(after.embeds?.[0]?.title).toBe(helpMessages.en.title);
    } finally {
      await bot.stop();
    }
  });
});
