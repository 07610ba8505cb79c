/**
 * Property tests over what people type: for every input, the core and every renderer. Nothing
 * throws; the answer is well formed; every rendering keeps its platform's limits and can ping or
 * broadcast no one; the same input gives the same answer; an over-long question is sent back.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { renderAnswer as renderDiscord } from "../../src/adapters/discord/format.js";
import { renderAnswer as renderSlack, renderNotice as slackNotice } from "../../src/adapters/slack/format.js";
import { formatJsonLine, formatText } from "../../src/adapters/terminal/format.js";
import { truncate } from "../../src/adapters/text.js";
import { CARD } from "../../src/core/compose/cards.js";
import { messages } from "../../src/core/compose/messages.js";
import { zhMessages } from "../../src/core/compose/messages.zh.js";
import { MAX_QUESTION_LENGTH } from "../../src/core/core.js";
import { notices } from "../../src/ops/notices.js";
import { expectWithinLimits as expectDiscordLimits } from "../adapters/discord/limits.js";
import { expectInert, expectWithinLimits as expectSlackLimits } from "../adapters/slack/limits.js";
import { fixtureCore, realCore } from "../helpers.js";
import { expectWellFormed } from "./checks.js";
import { userInput } from "./inputs.js";

const cores = { fixture: fixtureCore(), curated: realCore() };
const RUNS = { numRuns: 300 };

describe.each(Object.entries(cores))("whatever is typed, over the %s knowledge", (_, core) => {
  it("answers without throwing, well formed, and the same way every time", () => {
    fc.assert(
      fc.property(userInput, (line) => {
        const answer = runLine(line, core);
        expectWellFormed(answer);
        expect(runLine(line, core)).toEqual(answer);
      }),
      RUNS,
    );
  });

  it("sends back a question over the documented length whole, never cut into another one", () => {
    fc.assert(
      fc.property(userInput, (line) => {
        const text = line.trim();
        fc.pre(text.length > MAX_QUESTION_LENGTH && !text.startsWith("/"));
        const answer = runLine(line, core);
        expect(answer.answered).toBe(false);
        // In the asker's language: Chinese for a line written mostly in Chinese.
        expect([messages, zhMessages].map((m) => m.tooLong(MAX_QUESTION_LENGTH))).toContain(answer.body);
      }),
      { numRuns: 50, maxSkipsPerRun: 1000 },
    );
  });

  it("renders for the terminal and as one JSON line holding exactly the contract's fields", () => {
    fc.assert(
      fc.property(userInput, (line) => {
        const answer = runLine(line, core);
        // A card's title is capped, as every surface shows it; any other title is shown whole.
        const title = answer.more === undefined ? answer.title : truncate(answer.title, CARD.title);
        expect(formatText(answer)).toContain(title.replace(/…$/, ""));
        const json = formatJsonLine(line, answer);
        expect(json).not.toMatch(/[\n\r]/);
        const parsed = JSON.parse(json);
        expect(Object.keys(parsed).sort()).toEqual(["answered", "input", "score", "sources", "text"]);
        expect(parsed).toMatchObject({ input: line, answered: answer.answered, score: answer.score });
      }),
      RUNS,
    );
  });

  it("renders for Discord within every limit, pinging no one", () => {
    fc.assert(
      fc.property(userInput, (line) => {
        const answer = runLine(line, core);
        expectDiscordLimits(answer);
        expect(renderDiscord(answer)).toEqual(renderDiscord(runLine(line, core)));
      }),
      RUNS,
    );
  });

  it("renders for Slack within every limit, inert: no mention, link or broadcast", () => {
    fc.assert(
      fc.property(userInput, (line) => {
        const message = renderSlack(runLine(line, core));
        expectSlackLimits(message);
        expectInert(message);
        expect(message).toEqual(renderSlack(runLine(line, core)));
      }),
      RUNS,
    );
  });
});

describe("the bot's own notices", () => {
  it("keep Slack's limits and stay inert whatever number they carry", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seconds) => {
        for (const text of [notices.en.rateLimited(seconds), notices.en.restarting, notices.en.apology]) {
          const message = slackNotice(text);
          expectSlackLimits(message);
          expectInert(message);
        }
      }),
    );
  });
});
