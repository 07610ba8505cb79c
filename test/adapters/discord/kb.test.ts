import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addShenzhenGreenCards,
  breakBetaFacts,
  copyOfFixture,
  liveOver,
  NEW_FACT_FIGURE,
  NEW_FACT_QUESTION,
} from "../../helpers.js";
import { interact, type MessageBody, type RunningBot, replyOf, startBot, visibleText } from "./harness.js";
import { slashCommand, userMessage } from "./payloads.js";

describe("Discord: /kb, which Discord lets only server administrators use", () => {
  let bot: RunningBot;
  let dir: string;
  beforeAll(async () => {
    dir = copyOfFixture();
    bot = await startBot(liveOver(dir));
  });
  afterAll(async () => {
    await bot?.stop();
  });

  /** Sends a slash command in the server and returns every word of the bot's reply. */
  const said = async (name: string, options: Record<string, string>) =>
    visibleText(replyOf(await interact(bot.fake, slashCommand(name, options))));

  it("tries a question on the edited folder without making it live, then reloads it", async () => {
    addShenzhenGreenCards(dir);
    const tried = await said("kb", { action: "test", question: NEW_FACT_QUESTION });
    expect(tried).toContain("Not live yet");
    expect(tried).toContain(NEW_FACT_FIGURE);
    expect(await said("ask", { question: NEW_FACT_QUESTION })).not.toContain(NEW_FACT_FIGURE);

    const reloaded = await said("kb", { action: "reload" });
    expect(reloaded).toContain("Facts: 1 added (b-shenzhen-green-cards)");
    expect(await said("ask", { question: NEW_FACT_QUESTION })).toContain(NEW_FACT_FIGURE);
  });

  it("refuses a broken edit, naming the file and the path, while the old knowledge keeps answering", async () => {
    breakBetaFacts(dir);
    const refused = await said("kb", { action: "reload" });
    expect(refused).toContain("Knowledge not reloaded");
    expect(refused).toMatch(/beta\.json/);
    expect(await said("ask", { question: NEW_FACT_QUESTION })).toContain(NEW_FACT_FIGURE);
  });

  it("refuses /kb typed in a direct message, where Discord checks no permission", async () => {
    const message = userMessage("/kb reload", { dm: true });
    await bot.fake.dispatch("MESSAGE_CREATE", message);
    const reply = await bot.fake.waitForRequest(
      (r) => r.method === "POST" && (r.body as MessageBody).message_reference?.message_id === message.id,
      "the reply to /kb in a DM",
    );
    expect(visibleText(reply.body as MessageBody)).toContain("Only the bot's curators can use /kb.");
  });
});
