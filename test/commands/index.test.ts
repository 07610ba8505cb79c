import { describe, expect, it } from "vitest";
import {
  type Command,
  checkCommands,
  commandLine,
  commands,
  findCommand,
  languageFor,
  parseArgs,
  runCommand,
  runLine,
} from "../../commands/index.js";
import type { ConversationContext } from "../../src/core/types.js";
import { fixtureCore, live } from "../helpers.js";

const core = fixtureCore();
const city = findCommand("city") as Command;

describe("the command registry", () => {
  it("holds each command once: ask, city, policy, convention, sources, help and the curators' kb", () => {
    expect(commands.map((c) => c.name)).toEqual([
      "ask",
      "city",
      "policy",
      "convention",
      "sources",
      "help",
      "kb",
    ]);
    expect(commands.filter((c) => c.admin === true).map((c) => c.name)).toEqual(["kb"]);
  });

  it("names the command file that is malformed", () => {
    const bad = { ...city, name: "City Profile" };
    expect(() => checkCommands([bad])).toThrow(/commands\/City Profile: name/);
  });

  it("rejects two commands with the same name", () => {
    expect(() => checkCommands([city, city])).toThrow(/used twice/);
  });
});

describe("parseArgs", () => {
  it("gives text without option names to the first option", () => {
    expect(parseArgs(city, "  Hang Zhou ")).toEqual({ name: "Hang Zhou" });
  });

  it("reads named options as Discord writes them", () => {
    expect(parseArgs(city, "name:Hangzhou")).toEqual({ name: "Hangzhou" });
  });

  it("gives the text before the first option name to the first option", () => {
    expect(parseArgs(city, "Hangzhou topic:clubs")).toEqual({ name: "Hangzhou", topic: "clubs" });
    expect(parseArgs(city, "name:Hangzhou topic:clubs")).toEqual({ name: "Hangzhou", topic: "clubs" });
  });

  it("reads back the line commandLine writes", () => {
    for (const args of [
      { name: "Hangzhou" },
      { name: "Hang Zhou", topic: "talent clubs" },
      { topic: "clubs" },
    ]) {
      const line = commandLine(city, args);
      expect(parseArgs(city, line.slice("/city".length))).toEqual(args);
    }
    expect(commandLine(city, { name: "Hangzhou", topic: "clubs" })).toBe("/city Hangzhou topic:clubs");
  });

  it("leaves a colon inside a value alone", () => {
    const ask = findCommand("ask") as Command;
    expect(parseArgs(ask, "question: what is 1:2?")).toEqual({ question: "what is 1:2?" });
  });
});

describe("runLine", () => {
  it("runs a slash command with its argument", () => {
    const answer = runLine("/city gz", core);
    expect(answer.answered).toBe(true);
    expect(answer.title).toMatch(/Guangzhou/);
  });

  it("answers text without a slash as a question", () => {
    expect(runLine("guangzhou green cards", core).facts[0]?.id).toBe("a-green-cards");
  });

  it("accepts command names in any case", () => {
    expect(runLine("/SOURCES", core).sources).toHaveLength(2);
  });

  it("declines an unknown command and points to /help", () => {
    const answer = runLine("/weather Beijing", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/no \/weather command/);
    expect(answer.suggestions).toEqual([{ command: "help", args: {} }]);
  });

  it("asks for a missing required option instead of guessing, with an example of the right kind", () => {
    const answer = runLine("/city", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/\/city needs a name, for example: \/city Guangzhou/);
    const policy = runLine("/policy", core);
    expect(policy.body).toMatch(/\/policy needs a name, for example: \/policy talent green card/);
    expect(policy.suggestions).toEqual([{ command: "policy", args: { name: "talent green card" } }]);
  });

  it("lists every command in /help, each with its options as one types them, the curators' only to curators", () => {
    const body = runLine("/help", core).body;
    for (const c of commands.filter((c) => c.admin !== true)) expect(body).toContain(`/${c.name}`);
    expect(body).not.toContain("/kb");
    expect(runLine("/help", core, { curate: live(core) }).body).toContain("\n/kb action [question:…] — ");
    expect(body).toContain("\n/ask question — Ask a question");
    expect(body).toContain("\n/city name [topic:…] — ");
    expect(body).not.toContain("::");
    expect(body).toMatch(/in English or in Chinese/);
  });

  it("refuses /kb to an asker the surface does not know as a curator, before anything else", () => {
    for (const line of ["/kb reload", "/kb"]) {
      const answer = runLine(line, core);
      expect(answer.answered).toBe(false);
      expect(answer.body).toBe("Only the bot's curators can use /kb.");
    }
  });

  it("tells a curator how to use /kb when the action is neither reload nor test with a question", () => {
    for (const line of ["/kb publish", "/kb test", "/kb reload now"]) {
      expect(runLine(line, core, { curate: live(core) }).body, line).toMatch(/^Say what to do: reload/);
    }
  });

  it("answers /help in Chinese when the asker's locale is Chinese", () => {
    const help = findCommand("help") as Command;
    const answer = runCommand(help, {}, core, { locale: "zh-CN" });
    expect(answer.language).toBe("zh");
    expect(answer.body).toContain("\n/提问 问题：");
    expect(answer.body).toContain("\n/政策 名称 [主题]：");
  });

  it("declines /city for a city it does not know, listing the known ones, and not for a programme", () => {
    const answer = runLine("/city London", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/Guangzhou, Shenzhen/);
    expect(answer.considered).toEqual([]);
    expect(runLine("/city green card", core).answered).toBe(false);
  });

  it("declines /policy for a programme it does not know, listing the known ones", () => {
    const answer = runLine("/policy Peacock Plan", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/talent green card/);
  });
});

describe("the language to answer in", () => {
  const english = runLine("How many returnees has Guangzhou attracted?", core).context as ConversationContext;
  const chinese: ConversationContext = { ...english, language: "zh" };

  it("given words clearly in one script, then answers in that language whatever the locale or conversation", () => {
    expect(languageFor("广州的留学人员", { locale: "en-US", conversation: english })).toBe("zh");
    expect(languageFor("green cards", { locale: "zh-CN", conversation: chinese })).toBe("en");
  });

  it("given words that settle nothing, then the locale comes before the conversation, and the conversation before the words' leaning", () => {
    expect(languageFor("GZ", { locale: "zh-CN", conversation: english })).toBe("zh");
    expect(languageFor("GZ", { locale: "en-GB", conversation: chinese })).toBe("en");
    expect(languageFor("GZ", { conversation: chinese })).toBe("zh");
    expect(languageFor("GZ")).toBe("en");
  });

  it("given a zh-CN user in an English conversation, then /ask GZ and /city GZ answer in the same language", () => {
    expect(english.language).toBe("en");
    const asker = { locale: "zh-CN", conversation: english };
    expect(runLine("/ask GZ", core, asker).language).toBe("zh");
    expect(runLine("/city GZ", core, asker).language).toBe("zh");
  });
});
