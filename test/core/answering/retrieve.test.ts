import { describe, expect, it } from "vitest";
import {
  type Coverage,
  coverage,
  neededTerms,
  passes,
  retrieve,
  saysSomething,
} from "../../../src/core/answering/retrieve.js";
import { RANKING } from "../../../src/core/answering/search.js";
import type { FigureType } from "../../../src/core/knowledge/schema.js";
import { type Query, queryOf } from "../../../src/core/language/query.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const found = (question: string) => {
  const result = retrieve(understand(question, core.vocabulary, "en"), core.index, core.claims);
  if (!result.found) throw new Error(`"${question}" was not answered`);
  return result.best.map((r) => r.indexed.fact);
};
const states = (type: FigureType) => (fact: { figures: { type: FigureType }[] }) =>
  fact.figures.some((f) => f.type === type);

describe("the answer type chooses among the facts", () => {
  it("answers a 'when' question only with facts that state a date", () => {
    for (const question of ["When is the CEOT?", "When was the Red Cotton Plan launched?"]) {
      const facts = found(question);
      expect(facts.length).toBeGreaterThan(0);
      expect(facts.every(states("date")), question).toBe(true);
    }
  });

  it("answers a 'how many' question only with facts that state a count", () => {
    const facts = found("how many talent green cards has gz handed out");
    expect(facts[0]?.id).toBe("gze-green-cards");
    expect(facts.every(states("count"))).toBe(true);
  });

  it("answers Guangzhou's returnee count with the fact that counts them", () => {
    expect(found("How many returnees has Guangzhou attracted?")[0]?.id).toBe("gzh-returnee-count");
  });

  it("given a 'how many X' with other words, then a fact counting X by a claim covers X though its sentence words it otherwise", () => {
    const question = "In how many areas does the Red Cotton Plan back winning projects?";
    expect(found(question)[0]?.id).toBe("red-cotton-10-aspects");
    const fact = core.index.facts.find((f) => f.fact.id === "red-cotton-10-aspects");
    expect(fact?.terms.has("area")).toBe(false);
    expect(answerTo(core, question).title).toContain("10 aspects");
  });

  it("answers when someone headed abroad by the claim of when they went", () => {
    expect(answerTo(core, "In what year did Zhang Jiancun head to America for his studies?").title).toContain(
      "1985",
    );
  });
});

describe("declining what the sources do not hold", () => {
  it("declines 'how many X' when the only counts found count something else", () => {
    expect(answerTo(core, "How many returnees came from the US?").answered).toBe(false);
  });

  it("declines a question with no name that shares one stray word with a fact", () => {
    const query = understand("Who is the president of China?", core.vocabulary, "en");
    expect(retrieve(query, core.index, core.claims).found).toBe(false);
    expect(answerTo(core, "Who is the president of China?").answered).toBe(false);
  });

  it("declines a question naming a word the sources use once, of something else ('tax' of Guangzhou's plan)", () => {
    expect(core.index.once("tax")).toBe(true);
    expect(answerTo(core, "what tax incentives does hangzhou give returnee founders").answered).toBe(false);
    expect(answerTo(core, "What tax breaks do returnee startups get in Shanghai?").answered).toBe(false);
  });

  it("declines a question about a thing the sources never mention", () => {
    expect(core.index.known("rent")).toBe(false);
    const answer = answerTo(core, "what is the average rent in Guangzhou");
    expect(answer.answered).toBe(false);
  });

  it("declines a year the sources do not cover, naming the year they have", () => {
    const answer = answerTo(core, "gz returnee count for 2023");
    expect(answer.answered).toBe(false);
    expect(answer.body).toContain("2023");
    expect(answer.body).toContain("2017");
  });

  it("declines a year the sources do not cover with the figure they do have for it", () => {
    expect(answerTo(core, "gz returnee count for 2023").body).toMatch(/67,000/);
  });

  it("declines a figure known only for another city, naming that city", () => {
    const answer = answerTo(core, "how many talent green cards has Shenzhen issued");
    expect(answer.answered).toBe(false);
    expect(answer.body).toContain("Guangzhou");
    expect(answer.body).toContain("Shenzhen");
  });
});

describe("comparisons", () => {
  const question = "which pulled a bigger share of returnee founders, beijing or shanghai";

  it("answers both sides of a comparison with their figures", () => {
    const answer = answerTo(core, question);
    expect(answer.answered).toBe(true);
    expect(answer.body).toContain("24.3");
    expect(answer.body).toContain("8.1");
  });

  it("gives each city compared its own figure when no one fact gives both", () => {
    const answer = answerTo(core, "which city has more returnees, guangzhou or hangzhou?");
    expect(answer.title).toMatch(
      /^Guangzhou · returnees drawn: more than 67,000.* vs Hangzhou · .*(55,000|30,000)/,
    );
  });

  it("answers 'how many A and B' with a fact for each", () => {
    const answer = answerTo(core, "how many incubators and makerspaces does gz have");
    expect(answer.body).toContain("138");
    expect(answer.body).toMatch(/215|280/);
  });

  it("titles each side with its share of returnee founders", () => {
    expect(answerTo(core, question).title).toMatch(
      /^Beijing · share of returnee entrepreneurs: 24\.3 percent.* vs Shanghai · share of returnee entrepreneurs: 8\.1 percent/,
    );
  });
});

describe("coverage", () => {
  const query = (terms: Query["terms"]): Query =>
    queryOf({ language: "en", entities: [], terms, type: "any", years: [], context: [] });
  const top = (q: Query) => {
    const [best] = core.index.rank(
      q.terms.map((t) => t.term),
      core.index.facts,
    );
    if (best === undefined) throw new Error("no fact ranked");
    return best;
  };

  it("names the question's words a fact lacks and counts those it has", () => {
    const q = query([
      { term: "returnee", light: false },
      { term: "rent", light: false },
    ]);
    const c = coverage(q, top(q), core.index);
    expect(c.terms).toBe(2);
    expect(c.matched).toBe(1);
    expect(c.missing).toEqual(["rent"]);
    expect(c.share).toBeLessThan(1);
  });

  it("does not count a light word for or against a fact", () => {
    const q = query([
      { term: "returnee", light: false },
      { term: "bring", light: true },
    ]);
    const c = coverage(q, top(q), core.index);
    expect(c.terms).toBe(1);
    expect(c.share).toBe(1);
  });

  it("gives a word matched only through a WordNet guess less credit than a word matched outright", () => {
    const sure = query([
      { term: "returnee", light: false },
      { term: "rent", light: false },
    ]);
    const guessed = query([
      { term: "returnee", light: false, guessed: true },
      { term: "rent", light: false },
    ]);
    const ranked = top(sure);
    expect(coverage(guessed, ranked, core.index).share).toBeLessThan(
      coverage(sure, ranked, core.index).share,
    );
  });
});

describe("neededTerms", () => {
  const read = (question: string) => understand(question, core.vocabulary, "en");

  it("leaves out no fact that passes: every fact that covers a question holds one of its needed words", () => {
    for (const question of [
      "How many returnees has Guangzhou attracted?",
      "what share of returnee entrepreneurs in Shanghai hold a master's degree",
      "output of high-tech industries in Guangzhou",
      "returnee entrepreneurs with a phd",
    ]) {
      const q = read(question);
      const needed = neededTerms(q, core.index);
      expect(needed?.size, question).toBeGreaterThan(0);
      for (const indexed of core.index.facts) {
        if (!passes(coverage(q, { indexed }, core.index), true)) continue;
        expect(
          [...(needed ?? [])].some((t) => indexed.terms.has(t)),
          `${question}: ${indexed.fact.id}`,
        ).toBe(true);
      }
    }
  });

  it("needs only the rarest word when it alone outweighs the threshold share", () => {
    const q = read("returnee entrepreneurs with a phd");
    const weights = q.terms.filter((t) => !t.light).map((t) => core.index.weight(t.term));
    const total = weights.reduce((a, b) => a + b, 0);
    const needed = neededTerms(q, core.index);
    expect(needed?.size).toBeLessThan(weights.length);
    expect(Math.max(...weights) / total).toBeGreaterThan(1 - RANKING.minCoverage);
  });

  it("needs no word of a question of names and light words only", () => {
    expect(neededTerms(read("Guangzhou"), core.index)).toBeUndefined();
  });
});

describe("passes", () => {
  const covered = (share: number, terms: number, matched: number, whole = share, rare = true): Coverage => ({
    share,
    terms,
    matched,
    missing: [],
    whole,
    rare,
  });

  it("fails a fact without a word of the question that one other fact alone has, however much else it covers", () => {
    expect(passes(covered(0.9, 4, 3, 0.9, false), true)).toBe(false);
  });

  it("passes a fact that covers the threshold share of the question", () => {
    expect(passes(covered(RANKING.minCoverage, 1, 1), true)).toBe(true);
  });

  it("declines a fact below the threshold, however many words it matches", () => {
    expect(passes(covered(RANKING.minCoverage - 0.01, 3, 3), true)).toBe(false);
  });

  it("needs one word besides the name when a name anchors the question", () => {
    expect(passes(covered(0.9, 2, 1), true)).toBe(true);
    expect(passes(covered(0.9, 2, 0), true)).toBe(false);
  });

  it("passes a question that is only a name with no words to match", () => {
    expect(passes(covered(1, 0, 0), true)).toBe(true);
  });

  it("needs two words when no name anchors a question of two or more", () => {
    expect(passes(covered(0.9, 2, 1), false)).toBe(false);
    expect(passes(covered(0.9, 2, 2), false)).toBe(true);
    expect(passes(covered(0.9, 1, 1), false)).toBe(true);
  });

  it("needs enough of all its words, light ones too, only when no name anchors the question", () => {
    const strayNoun = covered(1, 1, 1, RANKING.minWholeCoverage - 0.01);
    expect(passes(strayNoun, false)).toBe(false);
    expect(passes(strayNoun, true)).toBe(true);
    expect(passes(covered(1, 1, 1, RANKING.minWholeCoverage), false)).toBe(true);
  });

  it("counts a light word the fact lacks in the whole but not in the share", () => {
    const query = understand("who is the richest returnee", core.vocabulary, "en");
    const fact = core.index.facts.find((f) => f.fact.id === "gzh-returnee-count");
    if (fact === undefined) throw new Error("no returnee count fact");
    const c = coverage(query, { indexed: fact }, core.index);
    expect(c.share).toBe(1);
    expect(c.whole).toBeLessThan(RANKING.minWholeCoverage);
  });

  it("declines a question of a name and a Chinese word the sources never use, but not the name alone", () => {
    expect(answerTo(core, "上海的房价是多少", { language: "zh" }).answered).toBe(false);
    expect(answerTo(core, "上海", { language: "zh" }).answered).toBe(true);
  });

  it("declines a question of figures alone, whatever digits an address shares, but not a figure with a name", () => {
    for (const question of ["what is 2 + 2", "how do you solve x^2 - 5x + 6 = 0"]) {
      expect(answerTo(core, question, { language: "en" }).answered, question).toBe(false);
    }
    expect(answerTo(core, "2020年杭州有多少人才来自海外", { language: "zh" }).answered).toBe(true);
  });

  it("declines a place's weather, a word the sources never use, rather than giving the place's card", () => {
    expect(answerTo(core, "今天广州天气怎么样", { language: "zh" }).answered).toBe(false);
    expect(answerTo(core, "杭州有多少人口", { language: "zh" }).answered).toBe(false);
    expect(answerTo(core, "北京海归的平均工资是多少", { language: "zh" }).answered).toBe(false);
  });

  it("declines a housing subsidy, which no fact gives, rather than answer with another subsidy's figure", () => {
    expect(
      answerTo(core, "how much is the housing subsidy for returnees in guangzhou", { language: "en" })
        .answered,
    ).toBe(false);
  });

  it("declines questions that share one stray word with the sources", () => {
    for (const question of ["who is the richest returnee", "can you help me write a cover letter"]) {
      expect(answerTo(core, question, { language: "en" }).answered, question).toBe(false);
    }
  });
});

describe("shorthand is no missing word", () => {
  it("counts a letter or a figure run into letters as saying nothing, but a word the sources lack as missing", () => {
    expect(saysSomething("n", core.index)).toBe(false);
    expect(saysSomething("67k", core.index)).toBe(false);
    expect(saysSomething("salary", core.index)).toBe(true);
    expect(saysSomething("sz", core.index)).toBe(true);
  });

  it("answers a question whose only unknown word is a letter standing for 'and'", () => {
    expect(answerTo(core, "number of key labs n institutes in gz", { language: "en" }).answered).toBe(true);
  });

  it("still declines a question whose unknown word is a word the sources lack", () => {
    expect(answerTo(core, "average salary for returnees in beijing", { language: "en" }).answered).toBe(
      false,
    );
  });
});

describe("a thing described without its name", () => {
  const described = (question: string) => {
    const result = retrieve(understand(question, core.vocabulary, "en"), core.index, core.claims);
    return result.found ? result.described?.id : undefined;
  };

  it("finds the person whose facts together hold what the question says of them", () => {
    const question =
      "which scientist went to study in the US in 1985 and later worked at a CAS institute in guangzhou?";
    expect(described(question)).toBe("zhang-jiancun");
    expect(answerTo(core, question, { language: "en" }).title).toContain("Zhang Jiancun");
  });

  it("finds them by two names alone", () => {
    expect(
      described("which Stanford professor born in Zhongshan commented on Silicon Valley and Guangzhou?"),
    ).toBe("hau-lee");
  });

  it("takes a question naming a person as about that person, not one described", () => {
    expect(described("which US university did Yuan Yuyu get his doctorate from?")).toBeUndefined();
    expect(
      answerTo(core, "Tariro Manyumwa works for which company in Hangzhou?", { language: "en" }).answered,
    ).toBe(false);
  });
});
