import { describe, expect, it } from "vitest";
import { frameOf } from "../../../src/core/answering/match.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const zh = { language: "zh" } as const;

describe("a claim that says nothing the question asks is no answer", () => {
  it("given a count of the people in a place, then declines a figure of a convention held there", () => {
    expect(answerTo(core, "how many people live in Guangzhou").answered).toBe(false);
  });

  it("given the population of a place the sources do not name, then declines a count of something else", () => {
    expect(answerTo(core, "how many people live in china").answered).toBe(false);
    expect(answerTo(core, "how many people live in japan").answered).toBe(false);
  });

  it("given a population named beside a place known, then still answers with what its claims count", () => {
    expect(answerTo(core, "Kindly state the total talent population of Hangzhou in 2020.").answered).toBe(
      true,
    );
  });

  it("given a kind of figure asked ('what position'), then a figure of that type says it, though its words name another property", () => {
    const answer = answerTo(
      core,
      "what spot does Guangzhou hold on the CCG list of cities where returnees start businesses",
    );
    expect(answer.title).toMatch(/fourth/);
  });

  it("given the best of a kind of thing that no claim ranks, then declines a claim of something else", () => {
    expect(answerTo(core, "which university in guangzhou is best for AI").answered).toBe(false);
    expect(answerTo(core, "which company is best known for speech AI").title).toMatch(/Iflytek/);
  });

  it("given a count of the people at the convention itself, then answers with its attendance", () => {
    const answer = answerTo(core, "how many people came to the CEOT in 2018");
    expect(answer.answered).toBe(true);
    expect(answer.title).toMatch(/50,000/);
  });

  it("given a kind asked whose words name another property of the fact found, then declines its other claim", () => {
    expect(answerTo(core, "which bureau issues driving licences in Guangzhou").answered).toBe(false);
    expect(answerTo(core, "廣州哪個部門辦理駕照", zh).answered).toBe(false);
  });

  it("given attendees narrowed to those from overseas, then heads the answer with the overseas talents, not all attendees", () => {
    const answer = answerTo(core, "how many attendees from abroad were expected at the 2018 CEOT");
    expect(answer.title).toMatch(/3,500/);
    expect(answerTo(core, "how many attendees were expected at the 2018 CEOT").title).toMatch(/50,000/);
  });

  it("given a who-question about a figure, then answers with another claim of the fact that gives it", () => {
    const answer = answerTo(core, "who put out the 67,000 returnee figure for Guangzhou?");
    expect(answer.answered).toBe(true);
  });
});

describe("words about how a question is put", () => {
  it("given 'name' or a mention of the article, then answers as if they were not there", () => {
    const answer = answerTo(
      core,
      "name of the AI firm Shi Zhongmin moved to Guangzhou, as the article mentions",
    );
    expect(answer.answered).toBe(true);
    expect(answer.title).toContain("Summba");
  });

  it("given a Chinese verb for issuing, then answers the count of what was issued", () => {
    const answer = answerTo(core, "广州一共颁发过多少张人才绿卡", zh);
    expect(answer.answered).toBe(true);
    expect(answer.title).toContain("2,515");
  });
});

describe("words about how a question is put, continued", () => {
  it("given a vague noun ('guy', 'stuff'), then answers as if a content word were not missing", () => {
    const answer = answerTo(core, "who's the cisco guy behind the smart city stuff in gz");
    expect(answer.answered).toBe(true);
    expect(answer.title).toContain("Chen Weidong");
  });

  it("given 'stat' or a word asking how things relate, then answers as if a content word were not missing", () => {
    const source = answerTo(core, "who released the stat that gz had 67,000+ overseas returnees?");
    expect(source.title).toContain("foreign experts bureau");
    const link = answerTo(
      core,
      "what's the link between the CEOT and the Western Returned Scholars Association?",
    );
    expect(link.answered).toBe(true);
    expect(link.facts.map((f) => f.text).join(" ")).toContain("Western Returned Scholars Association");
  });

  it("given Chinese words of how a question is put (请问, 到底, 主要), then answers as without them", () => {
    const count = answerTo(core, "请问广州到底发了多少张人才绿卡", zh);
    expect(count.title).toContain("2,515");
    expect(answerTo(core, "Summba主要研发什么", zh).answered).toBe(true);
  });

  it("given a Chinese question word inside a longer run (一共有), then it asks the count, not a word to find", () => {
    const answer = answerTo(core, "2018年海交会一共设了几大板块", zh);
    expect(answer.answered).toBe(true);
    expect(answer.title).toContain("八大板块");
  });
});

describe("chat shorthand and ways of asking a place on a list", () => {
  it("given 'wen' or 'wat', then reads them as the question words they stand for", () => {
    expect(answerTo(core, "wen did the ceot start").title).toContain("1998");
    expect(answerTo(core, "wat % of bj haigui are in education").title).toContain("17.8%");
  });

  it("given shorthand for several words ('gm'), then reads each of them", () => {
    expect(answerTo(core, "who's the gm of gac").title).toContain("Feng Xingya");
  });

  it("given Chinese words for being called or moving (被称为, 落户), then reads them, not a 'why' inside them", () => {
    expect(answerTo(core, "海交会被称为什么", zh).title).toContain("留学人员交流第一品牌");
    expect(answerTo(core, "Summba是什么时候落户广州的", zh).title).toContain("2017年5月");
  });

  it("given 'other than' or 'apart from', then reads them as 'besides' does, light", () => {
    const answer = answerTo(
      core,
      "apart from bj and sh, which cities are growing popular for returnee startups?",
    );
    expect(answer.title).toMatch(/^Hangzhou, .* · known as: emerging destinations/);
  });

  it("given what an acronym stands for, then answers the full title", () => {
    expect(answerTo(core, "CEOT stands for what exactly?").title).toContain(
      "Convention on Exchange of Overseas Talents",
    );
  });

  it("given 'where does X land' on a list, then answers the place on the list", () => {
    const answer = answerTo(core, "where does hangzhou land on the list of cities attractive to foreigners");
    expect(answer.title).toMatch(/third/);
  });
});

describe("an organisation for a 'where'", () => {
  it("given where someone named works, in words naming several properties, then answers the employer", () => {
    expect(answerTo(core, "where does zhang jiancun work now").title).toContain("Biomedicine and Health");
  });
});

describe("what 'how many' counts", () => {
  it("given a count of something else in a sentence that says the word counted, then declines", () => {
    expect(answerTo(core, "how many returnees live in china altogether").answered).toBe(false);
  });

  it("given a word of a name after 'how many', then counts what the name's holder has", () => {
    expect(answerTo(core, "how many West Lake Friendship Award winners has hangzhou had").title).toContain(
      "73",
    );
  });
});

describe("a property no source gives, or gives only of others", () => {
  it("given a date of birth asked, then declines naming it, though the person's fact has a date", () => {
    const answer = answerTo(core, "what year was Yuan Yuyu born?");
    expect(answer.answered).toBe(false);
    expect(answer.body).toContain("date of birth for Yuan Yuyu");
  });

  it("given a share with a PhD asked, then declines: the survey gives master's or higher only", () => {
    const answer = answerTo(core, "what percentage of shanghai's returnee founders have a PhD");
    expect(answer.answered).toBe(false);
  });

  it("given 'how old' of a person, then declines naming an age; of a convention, answers the years it has run", () => {
    const person = answerTo(core, "how old is Zhang Jiancun?");
    expect(person.answered).toBe(false);
    expect(person.body).toContain("age for Zhang Jiancun");
    expect(answerTo(core, "how old is the CEOT?").title).toContain("20 years");
  });

  it("given a figure asked for the whole of a year the sources give only half of, then declines naming the half-year figure", () => {
    const whole = answerTo(core, "What was Guangzhou's high-tech output for the whole of 2017?");
    expect(whole.answered).toBe(false);
    expect(whole.body).toContain("436.1 billion yuan");
    expect(answerTo(core, "广州2017年全年高新技术产业产值是多少", { language: "zh" }).answered).toBe(false);
    expect(answerTo(core, "what was guangzhou's high-tech output in 2017").title).toMatch(
      /436\.1 billion yuan/,
    );
  });

  it("given when a company went public, then declines naming the stock market listing no source gives", () => {
    const answer = answerTo(core, "When did Medprin go public?");
    expect(answer.answered).toBe(false);
    expect(answer.body).toContain("stock market listing");
    expect(answerTo(core, "Summba start date in Guangzhou").title).toMatch(/May 2017/);
  });

  it("given when a publication came out or a person took office, then declines naming what is not given", () => {
    expect(answerTo(core, "what year was the beijing returnee blue book published?").body).toContain(
      "year of publication",
    );
    expect(answerTo(core, "when did liu xin become mayor of hangzhou?").answered).toBe(false);
  });

  it("given 'which university' and only a company or a country known, then declines; 'which ministries' still answers", () => {
    expect(answerTo(core, "which university gave Shi Zhongmin his PhD?").answered).toBe(false);
    expect(answerTo(core, "which ministries organised the 2018 ceot").title).toContain("Ministry of");
  });

  it("given 'where … born', then answers the hometown, not a date of birth", () => {
    const answer = answerTo(core, "where was Hau Lee born");
    expect(answer.title).toContain("Zhongshan");
  });

  it("given a founding date asked of a company without one, then declines, not naming its founder", () => {
    const answer = answerTo(core, "in what year was Zhejiang Qiangnao set up");
    expect(answer.answered).toBe(false);
    expect(answer.body).toContain("year founded for");
  });
});

describe("'us' after an article", () => {
  it("given 'a us green card', then does not answer with Guangzhou's talent green card", () => {
    expect(answerTo(core, "how do i apply for a us green card").answered).toBe(false);
  });
});

describe("a frame has one set of fields, in one order", () => {
  it("given questions that say different things, then their frames have the same fields in the same order", () => {
    const frames = [
      "How many incubators does Guangzhou have?",
      "Apart from Beijing and Shanghai, which cities do returnee founders pick?",
      "What did the mayor of Hangzhou say about talents?",
      "Which company did Summba's founder start?",
    ].map((q) => frameOf(understand(q, core.vocabulary, "en"), core.claims, (t) => core.index.weight(t)));
    expect(new Set(frames.map((f) => Object.keys(f).join())).size).toBe(1);
    expect(frames[1]?.excluded?.length).toBe(2);
    expect(frames[0]?.excluded).toBeUndefined();
  });
});

describe("a yes-or-no question naming the value it checks", () => {
  it("given a place asked of a thing ('is the CEOT held in Shenzhen?'), then answers where it is held", () => {
    const answer = answerTo(core, "is ceot held in shenzhen?");
    expect(answer.answered).toBe(true);
    expect(answer.title).toContain("venue: Guangzhou");
  });

  it("given one of a long list of values asked about, then the headline shows it first", () => {
    const answer = answerTo(
      core,
      "Is the Western Returned Scholars Association one of the 2018 CEOT organisers?",
    );
    expect(answer.title).toMatch(/organisers: Western Returned Scholars Association, /);
  });
});

describe("a figure the question gives, asked back", () => {
  it("given a share and 'which city', then the claim of that share leads", () => {
    expect(answerTo(core, "24.3% of returned talents went to which city to start up?").title).toMatch(
      /^Beijing · /,
    );
  });

  it("given the figure before a dash ('2,515 — what is that number …'), then it is asked about, not a scene", () => {
    expect(answerTo(core, "2,515 — what is that number in the Guangzhou innovation story?").title).toContain(
      "talent green cards issued: 2,515",
    );
  });
});
