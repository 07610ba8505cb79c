import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addShenzhenGreenCards,
  breakBetaFacts,
  copyOfFixture,
  liveOver,
  NEW_FACT_FIGURE,
  NEW_FACT_QUESTION,
  testDesk,
} from "../../helpers.js";
import { type RunningSlack, startSlackApp } from "./harness.js";

/** The asker of the harness's slash commands. */
const ASKER = "U0000001";

/** Sends a slash command and returns the text of its answer. */
async function said(slack: RunningSlack, command: string, text: string, id: string): Promise<string> {
  await slack.command(command, text, id);
  return String((await slack.fake.waitForResponse(id)).body.text);
}

describe("Slack: /kb for a curator listed in SLACK_ADMIN_USER_IDS", () => {
  let slack: RunningSlack;
  let dir: string;
  beforeAll(async () => {
    dir = copyOfFixture();
    slack = await startSlackApp({ core: liveOver(dir), config: { adminUserIds: [ASKER] } });
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it("answers a test question from the edited folder without making it live, then reloads it", async () => {
    expect(await said(slack, "/ask", NEW_FACT_QUESTION, "before")).not.toContain(NEW_FACT_FIGURE);
    addShenzhenGreenCards(dir);
    const tried = await said(slack, "/kb", `test ${NEW_FACT_QUESTION}`, "tried");
    expect(tried).toContain("Not live yet");
    expect(tried).toContain(NEW_FACT_FIGURE);
    expect(await said(slack, "/ask", NEW_FACT_QUESTION, "still-old")).not.toContain(NEW_FACT_FIGURE);

    const reloaded = await said(slack, "/kb", "reload", "reloaded");
    expect(reloaded).toContain("Knowledge reloaded");
    expect(reloaded).toContain("Facts: 1 added (b-shenzhen-green-cards)");
    expect(await said(slack, "/ask", NEW_FACT_QUESTION, "after")).toContain(NEW_FACT_FIGURE);
  });

  it("refuses a broken edit, naming the file and the path, while the old knowledge keeps answering", async () => {
    breakBetaFacts(dir);
    const refused = await said(slack, "/kb", "reload", "broken");
    expect(refused).toContain("Knowledge not reloaded");
    expect(refused).toMatch(/beta\.json/);
    expect(refused).toMatch(/topic/);
    expect(await said(slack, "/ask", "gz green cards", "old-answers")).toContain("2,515");
  });
});

describe("Slack: /kb for anyone else", () => {
  let slack: RunningSlack;
  let dir: string;
  const { desk, log } = testDesk();
  beforeAll(async () => {
    dir = copyOfFixture();
    slack = await startSlackApp({ core: liveOver(dir), desk, config: { adminUserIds: ["U0CURATOR"] } });
  });
  afterAll(async () => {
    await slack?.stop();
  });

  it("refuses politely, reloads nothing, and logs no user id", async () => {
    addShenzhenGreenCards(dir);
    const refused = await said(slack, "/kb", "reload", "refused");
    expect(refused).toContain("Only the bot's curators can use /kb.");
    expect(await said(slack, "/kb", `test ${NEW_FACT_QUESTION}`, "no-test")).not.toContain(NEW_FACT_FIGURE);
    expect(await said(slack, "/ask", NEW_FACT_QUESTION, "unchanged")).not.toContain(NEW_FACT_FIGURE);
    expect(log.raw()).not.toContain(ASKER);
  });
});
