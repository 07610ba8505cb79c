import { describe, expect, it } from "vitest";
import {
  addShenzhenGreenCards,
  answerTo,
  breakBetaFacts,
  copyOfFixture,
  liveOver,
  NEW_FACT_FIGURE,
  NEW_FACT_QUESTION,
} from "../helpers.js";

describe("the live core", () => {
  it("answers from the edited folder once reloaded, and says which fact was added", () => {
    const dir = copyOfFixture();
    const live = liveOver(dir);
    expect(answerTo(live.core, NEW_FACT_QUESTION).body).not.toContain(NEW_FACT_FIGURE);
    addShenzhenGreenCards(dir);
    expect(answerTo(live.core, NEW_FACT_QUESTION).body).not.toContain(NEW_FACT_FIGURE);
    const result = live.reload();
    expect(result).toEqual({
      ok: true,
      changes: {
        facts: { added: ["b-shenzhen-green-cards"], changed: [], removed: [] },
        faqs: { added: [], changed: [], removed: [] },
        entities: { added: [], changed: [], removed: [] },
      },
    });
    expect(answerTo(live.core, NEW_FACT_QUESTION).body).toContain(NEW_FACT_FIGURE);
  });

  it("keeps the old core serving when the folder is broken, and names the file and the path", () => {
    const dir = copyOfFixture();
    const live = liveOver(dir);
    const before = live.core;
    breakBetaFacts(dir);
    const result = live.reload();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/beta\.json/);
    expect(result.problem).toMatch(/topic/);
    expect(live.core).toBe(before);
    expect(answerTo(live.core, "gz green cards").body).toContain("2,515");
  });

  it("tries the folder on disk without making it live", () => {
    const dir = copyOfFixture();
    const live = liveOver(dir);
    addShenzhenGreenCards(dir);
    const candidate = live.candidate();
    if (!candidate.ok) throw new Error(candidate.problem);
    expect(answerTo(candidate.core, NEW_FACT_QUESTION).body).toContain(NEW_FACT_FIGURE);
    expect(answerTo(live.core, NEW_FACT_QUESTION).body).not.toContain(NEW_FACT_FIGURE);
  });

  it("tells its listeners every outcome, with where the reload was asked for", () => {
    const dir = copyOfFixture();
    const live = liveOver(dir);
    const heard: string[] = [];
    live.onReload((result, origin) => heard.push(`${result.ok} ${origin}`));
    live.reload();
    breakBetaFacts(dir);
    live.reload("elsewhere");
    expect(heard).toEqual(["true here", "false elsewhere"]);
  });
});
