import { describe, expect, it } from "vitest";
import {
  type Command,
  checkCommands,
  commands,
  findCommand,
  parseArgs,
  runLine,
} from "../../commands/index.js";
import { fixtureCore } from "../helpers.js";

const core = fixtureCore();
const city = findCommand("city") as Command;

describe("the command registry", () => {
  it("holds each command once: ask, city, policy, convention, sources and help", () => {
    expect(commands.map((c) => c.name)).toEqual(["ask", "city", "policy", "convention", "sources", "help"]);
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

  it("asks for a missing required option instead of guessing", () => {
    const answer = runLine("/city", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/\/city needs a name/);
  });

  it("lists every command in /help", () => {
    const body = runLine("/help", core).body;
    for (const c of commands) expect(body).toContain(`/${c.name}`);
  });

  it("declines /policy for a programme it does not know, listing the known ones", () => {
    const answer = runLine("/policy Peacock Plan", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/talent green card/);
  });
});
