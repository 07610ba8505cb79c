import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runLine } from "../../../commands/index.js";
import { formatText } from "../../../src/adapters/terminal/format.js";
import { judge, readCases } from "../../eval/grade.js";
import { realCore } from "../../helpers.js";

const core = realCore();
const text = (line: string) => formatText(runLine(line, core));
const here = path.dirname(fileURLToPath(import.meta.url));

describe("answers from the curated knowledge base", () => {
  it("declines a height or distance, a kind of figure no fact holds, in English and Chinese", () => {
    for (const question of [
      "how tall is canton tower",
      "how far is guangzhou from hong kong",
      "广州塔有多高",
    ]) {
      expect(runLine(question, core).answered, question).toBe(false);
    }
    expect(runLine("how high did hangzhou rank", core).answered).toBe(true);
  });

  it("reads the size of a subsidy, grant or fund as money: a fund's size answers, a subsidy no fact prices is declined", () => {
    expect(text("how large is the fund guangzhou set up for research results").split("\n")[0]).toContain(
      "5-billion-yuan",
    );
    for (const question of [
      "how big is the car purchase subsidy in guangzhou",
      "how much is the housing subsidy for returnees in hangzhou",
    ]) {
      expect(runLine(question, core).answered, question).toBe(false);
    }
  });

  it("declines a city's population, which no source gives, but answers how many returned to live there", () => {
    for (const question of [
      "how many people live in Hangzhou these days",
      "what is the population of guangzhou",
      "杭州有多少人口",
      "廣州的常住人口是多少",
    ]) {
      expect(runLine(question, core).answered, question).toBe(false);
    }
    expect(text("how many people returned from abroad to live in guangzhou").split("\n")[0]).toContain(
      "67,000",
    );
  });

  it("heads the answer to who put out a report or a figure with its publisher", () => {
    const headline = (question: string) => text(question).split("\n")[0];
    expect(headline("who compiled the CCG report")).toContain("Center for China and Globalization");
    expect(headline("which bureau issued the figures on returnees in guangzhou")).toContain(
      "Guangzhou foreign experts bureau",
    );
  });

  it("answers a question offering two years with 'or' from the fact of either", () => {
    expect(
      text("was the Hangzhou International Talent Club set up in 2019 or 2020").split("\n")[0],
    ).toContain("June 2019");
  });

  it("declines a green-card question about Shenzhen, where only Guangzhou's count is known", () => {
    const answer = runLine("How many talent green cards has Shenzhen issued?", core);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/for Guangzhou, not for Shenzhen/);
  });

  it("gives Guangzhou's green-card count under its Chinese, historic and short names", () => {
    for (const name of ["广州", "Canton", "GZ"]) {
      expect(text(`How many talent green cards has ${name} issued?`)).toContain("2,515");
    }
  });

  it("profiles Hangzhou with its sources, the newest of them years old", () => {
    const answer = runLine("/city Hangzhou", core);
    expect(answer.answered).toBe(true);
    expect(answer.sources.map((s) => s.title)).toContain(
      "Hangzhou: Maintaining momentum as a magnet for global talent",
    );
    expect(answer.ageNote).toMatch(/years ago/);
  });

  it("describes the convention with its dates, place and contact", () => {
    const convention = text("/convention");
    expect(convention).toMatch(/21-22 December 2018/);
    expect(convention).toContain("Guangzhou");
    expect(convention).toContain("83563549");
  });

  it("lists the five articles, the undated one as undated", () => {
    const answer = runLine("/sources", core);
    expect(answer.sources).toHaveLength(5);
    expect(answer.sources.filter((s) => s.date === null).map((s) => s.age)).toEqual(["undated (about 2025)"]);
  });

  it("answers at least 90% of the project's own evaluation cases", () => {
    const cases = readCases(path.join(here, "../../eval/cases.jsonl"));
    const failed = cases.filter((c) => {
      const answer = runLine(c.input, core);
      return (
        judge(c, { answered: answer.answered, text: formatText(answer), sources: answer.sources }) !== null
      );
    });
    expect(failed.length / cases.length).toBeLessThanOrEqual(0.1);
  });

  it("answers no trap or out-of-scope case of the project's own evaluation set", () => {
    const cases = readCases(path.join(here, "../../eval/cases.jsonl")).filter((c) => !c.answer);
    expect(cases.filter((c) => runLine(c.input, core).answered).map((c) => c.input)).toEqual([]);
  });
});
