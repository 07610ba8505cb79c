import { describe, expect, it } from "vitest";
import type { Answer, Language } from "../../../src/core/types.js";
import { answerTo, EN, realCore } from "../../helpers.js";

const core = realCore();

/** The answers to a conversation's turns in a language, each read in the light of the one before. */
function conversationIn(language: Language, ...turns: string[]): Answer[] {
  const answers: Answer[] = [];
  for (const turn of turns) {
    const last = answers.at(-1)?.context;
    answers.push(answerTo(core, turn, { language, ...(last === undefined ? {} : { conversation: last }) }));
  }
  return answers;
}

const conversation = (...turns: string[]) => conversationIn(EN.language, ...turns);

describe("follow-ups that name only a property", () => {
  it("given a count about Guangzhou's Thousand Talents experts, then 'academicians?' asks the count of academicians in Guangzhou", () => {
    const [, academicians] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "academicians?",
    );
    expect(academicians?.answered).toBe(true);
    expect(academicians?.title).toContain("79");
    expect(academicians?.title).toContain("Guangzhou");
  });

  it("given a second elliptical turn, then it keeps the same subject", () => {
    const [, , laureates] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "academicians?",
      "and nobel laureates?",
    );
    expect(laureates?.answered).toBe(true);
    expect(laureates?.title).toMatch(/six|6/);
  });

  it("given a count about Guangzhou's Thousand Talents experts, then 'nobel laureates?' naming a prize asks it of Guangzhou", () => {
    const [, laureates] = conversation(
      "how many thousand talents plan experts work in guangzhou",
      "nobel laureates?",
    );
    expect(laureates?.answered).toBe(true);
    expect(laureates?.title).toMatch(/Guangzhou.*(six|6)/);
  });

  it("given a sum in yuan, then 'in dollars?' still gives the same sum in dollars", () => {
    const [, dollars] = conversation("how much did gz put into innovation in 2017", "in dollars?");
    expect(dollars?.title).toContain("1.64");
  });

  it("remembers the subject of the claim the answer led with", () => {
    const [first] = conversation("how many thousand talents plan experts work in guangzhou");
    expect(first?.context?.subject).toBe("guangzhou");
  });
});

describe("a turn that starts a new topic", () => {
  it("given 'ok different question:' before a full question, then it is answered as asked afresh", () => {
    const [, turn] = conversation(
      "when is ceot 2018",
      "ok different question: how many returnees has guangzhou attracted",
    );
    expect(turn?.answered).toBe(true);
    expect(turn?.title).toContain("67,000");
    expect(turn?.followed).toBeUndefined();
  });

  it("given Medprin's founder, then a longer question in words of its own, naming nothing, is asked afresh", () => {
    const [, park] = conversation(
      "who founded medprin",
      "what is the name of the planned venture capital park?",
    );
    expect(park?.answered).toBe(true);
    expect(park?.title).toContain("Yangwan");
    expect(park?.followed).toBeUndefined();
  });

  it("given a Chinese turn as long as a question of its own, naming nothing, then it is asked afresh", () => {
    const zh = (...turns: string[]) => conversationIn("zh", ...turns);
    const [, forum] = zh("北京吸引了多少海归创业？", "中国创投论坛在哪两个城市轮流举办？");
    expect(forum?.answered).toBe(true);
    expect(forum?.title).toContain("深圳");
    const [, short] = zh("广州吸引了多少海归？", "那深圳呢");
    expect(short?.followed).toBe("广州吸引了多少海归？");
  });

  it("given Medprin's founder, then a longer question pointing back ('what else does it make?') still carries Medprin", () => {
    const [, more] = conversation("who founded medprin", "what else does that company make?");
    expect(more?.followed).toBe("who founded medprin");
    expect(more?.title).toContain("Medprin");
  });
});

describe("a follow-up asking in common words of the subject it carried", () => {
  it("given Shanghai founders' degrees, then 'how soon do they become profitable?' asks their time to profit, not Shanghai's card", () => {
    const [, profit] = conversation(
      "what share of shanghai's returnee founders hold a master's degree or higher",
      "how soon do they become profitable?",
    );
    expect(profit?.title).toMatch(/Shanghai.*one to three years/);
  });
});

describe("a short question of its own", () => {
  it("given a city's count, then 'what does summba do?' asks what Summba does, not the count of Summba", () => {
    const [, summba] = conversation(
      "how many talent green cards did guangzhou issue",
      "what does summba do?",
    );
    expect(summba?.answered).toBe(true);
    expect(summba?.title).toMatch(/Summba.*semantic/);
    expect(summba?.followed).toBeUndefined();
  });
});

describe("a conversation keeps the last frame", () => {
  it("given a city's green cards, then 'and how many Thousand Talents people work there?' asks the programme's count of that city, not green cards", () => {
    const [, experts] = conversation(
      "how many talent green cards had guangzhou handed out by mid-2017?",
      "and how many Thousand Talents people work there?",
    );
    expect(experts?.title).toMatch(/^Guangzhou · experts selected for the Thousand Talents Program: 267/);
  });

  it("given the province of the award asked, then 钱江友谊奖呢 (and the Qianjiang award?) drops it: no fact places that award there", () => {
    const first = answerTo(core, "杭州有几个外国专家拿了浙江省西湖友谊奖？", { language: "zh" });
    if (first.context === undefined) throw new Error("the first turn left no context");
    const qianjiang = answerTo(core, "钱江友谊奖呢？", { language: "zh", conversation: first.context });
    expect(qianjiang.title).toMatch(/^钱江友谊奖 · 获奖人数：71名/);
  });

  it("given a superlative answered by Beijing's share, then 'and shanghai?' asks Shanghai's share, and a city without one is declined", () => {
    const [, shanghai, hangzhou] = conversation(
      "which city do most returnee founders pick",
      "and shanghai?",
      "and hangzhou?",
    );
    expect(shanghai?.title).toMatch(/Shanghai.*8\.1/);
    expect(hangzhou?.answered).toBe(false);
  });

  it("given a count for 2020, then 'what about 2015?' replaces the time and is declined", () => {
    const [first, earlier] = conversation("hangzhou talent total in 2020", "what about 2015?");
    expect(first?.context?.years).toEqual(["2020"]);
    expect(earlier?.answered).toBe(false);
  });

  it("given a count for 2020, then 其中 keeps Hangzhou and 2020 for the share that came from overseas", () => {
    const answers: Answer[] = [];
    for (const turn of ["杭州2020年人才总量多少", "其中海外人才有多少？"]) {
      const last = answers.at(-1)?.context;
      answers.push(
        answerTo(core, turn, { language: "zh", ...(last === undefined ? {} : { conversation: last }) }),
      );
    }
    expect(answers[1]?.answered).toBe(true);
    expect(answers[1]?.title).toMatch(/3万|30,000/);
  });

  it("remembers the person an answer named, whom 'he' means next, while 'its' still means the subject", () => {
    const [mayor] = conversation("who is the mayor of hangzhou");
    expect(mayor?.context?.named).toBe("liu-xin");
    const [, studied] = conversation(
      "what is hangzhou the capital of",
      "how many of its talents had studied abroad in 2020?",
    );
    expect(studied?.title).toMatch(/Hangzhou.*55,000/);
  });
});

describe("pronouns and a bare question word after an answer", () => {
  /** The answers to a conversation in Chinese. */
  function chinese(...turns: string[]): Answer[] {
    const answers: Answer[] = [];
    for (const turn of turns) {
      const last = answers.at(-1)?.context;
      answers.push(
        answerTo(core, turn, { language: "zh", ...(last === undefined ? {} : { conversation: last }) }),
      );
    }
    return answers;
  }

  it("given Hangzhou's place in a ranking, then 'who was ahead of it?' names the cities ranked above, not a person", () => {
    const [, ahead] = conversation("where did hangzhou rank for foreigners in 2020", "who was ahead of it?");
    expect(ahead?.title).toMatch(/Beijing and Shanghai/);
  });

  it("given the mayor's words, then 'when?' gives the time of the words just quoted, not of another claim of that property", () => {
    const [, said, when] = conversation(
      "who is the mayor of hangzhou",
      "what did he say about talent?",
      "when?",
    );
    expect(said?.context?.claim).toMatch(/#\d+$/);
    expect(when?.title).toContain(said?.title?.split(" (following up")[0] ?? "missing");
    expect(when?.title).toContain("November 2021");
  });

  it("given a count, then 'up to what date?' asks the time of that count: 'date' says the kind of answer, not a property", () => {
    const [, until] = conversation("how many returnees has guangzhou drawn", "up to what date?");
    expect(until?.title).toMatch(/Guangzhou · returnees drawn: .*July 2017/);
  });

  it("given Guangzhou's returnee count, then 'who released that figure?' names the source the same fact gives", () => {
    const [count, source] = conversation(
      "how many returnees has guangzhou drawn",
      "who released that figure?",
    );
    expect(source?.title).toMatch(/source of the figures: Guangzhou foreign experts bureau/);
    expect(source?.facts[0]?.id).toBe(count?.facts[0]?.id);
  });

  it("given a count, then a question about that figure that no other claim of its fact answers is read as any other", () => {
    const [, counted] = conversation(
      "how many incubators does guangzhou have",
      "when was that figure counted?",
    );
    expect(counted?.title).toContain("July 2017");
  });

  it("given the number of incubators, then 'they' are the incubators: their revenue is asked", () => {
    const [, revenue] = conversation(
      "how many incubators does guangzhou have",
      "how much revenue did they bring in?",
    );
    expect(revenue?.title).toMatch(/incubator revenue: 5\.2 billion yuan/);
  });

  it("given the number of incubators, then 它们 are the incubators: their revenue is asked, in Chinese", () => {
    const [, revenue] = chinese("广州有多少个孵化器？", "它们带来了多少收入？");
    expect(revenue?.answered).toBe(true);
    expect(revenue?.title).toContain("52亿元");
  });

  it("given a person's name as the answer, then 'they' carries no counted words: the last question counted nothing", () => {
    const [mayor] = conversation("who is the mayor of hangzhou");
    expect(mayor?.context?.asks).not.toBe("count");
  });
});

describe("a thing named in part", () => {
  it("given an award's winners, then 'and the west lake one?' and 'qianjiang?' each mean the one award of that name", () => {
    const [, westLake, qianjiang] = conversation(
      "hz chinese government friendship award winners",
      "and the west lake one?",
      "qianjiang?",
    );
    expect(westLake?.title).toMatch(/West Lake Friendship Award · award winners: 73/);
    expect(qianjiang?.title).toMatch(/Qiangjiang Friendship Award · award winners: 71/);
  });

  it("given a club's founding, then 'and the friendship alliance, when was that established?' asks the alliance's", () => {
    const [, alliance] = conversation(
      "when was the hangzhou international talent club set up",
      "and the friendship alliance, when was that established?",
    );
    expect(alliance?.title).toMatch(/Friendship Alliance · year founded: 2020/);
  });

  it.each(["what about 2017?", "what about last year?"])(
    "given a figure of one edition of a series, then %j asks the edition of that year",
    (turn) => {
      const [, , earlier] = conversation(
        "how many attendees does the 2018 ceot expect",
        "how many of them were from abroad?",
        turn,
      );
      expect(earlier?.title).toMatch(/2017 CEOT · talents from overseas: more than 3,500/);
    },
  );

  it("given 'the previous year' in a longer turn asking something else, then asks it of that year's edition", () => {
    const [, , share] = conversation(
      "When's the 2018 CEOT?",
      "how many overseas talents are they expecting?",
      "and the previous year, what share of those wanted to come back and start a business?",
    );
    expect(share?.title).toMatch(/2017 CEOT · share intending to return and start a business: 70%/);
  });

  it("given 去年 after a figure the sources give for one year only, then declines the year before", () => {
    const [, hangzhou] = conversation(
      "In 2020, how many talents came to Hangzhou from overseas?",
      "那去年呢？",
    );
    expect(hangzhou?.answered).toBe(false);
    expect(JSON.stringify(hangzhou)).toContain("2019");
  });

  it("given 'their' and a word of another company's name, then asks of the last company", () => {
    const [, tech] = conversation("who set up medprin", "what's their technology?");
    expect(tech?.title).toContain("Medprin");
    expect(tech?.title).toContain("organ printing");
  });

  it("given 'what about X, when …?' after a who-question, then asks when of X alone", () => {
    const [, , opened] = conversation(
      "what does GAC's silicon valley centre work on?",
      "who spoke about it at the roadshow?",
      "what about iflytek, when did it open its office in silicon valley?",
    );
    expect(opened?.title).toContain("Iflytek · opened: early in 2016");
  });

  it("given 'there' after a person, then asks of the body the last answer put them at", () => {
    const [, head] = conversation("who is johan van dyk", "who heads the firm there?");
    expect(head?.title).toMatch(/^Continental Comex · head: Daniela Sena/);
  });

  it("given 'she' meaning the person the last answer named, then the last property is not carried to her", () => {
    const [, , she] = conversation("who is johan van dyk", "who's the ceo there?", "what else does she do?");
    expect(she?.title).toMatch(/^Daniela Sena ·/);
  });

  it("given 'ok diff question', then the turn starts afresh", () => {
    const [, fresh] = conversation(
      "how many incubators does gz have",
      "ok diff question, who founded medprin?",
    );
    expect(fresh?.title).toContain("Yuan Yuyu");
    expect(fresh?.followed).toBeUndefined();
  });

  it("given 'ok different topic', then the turn starts afresh and 'topic' is asked of nothing", () => {
    const [, fresh] = conversation(
      "how many green cards has gz issued?",
      "ok different topic - when was the hangzhou international talent club set up?",
    );
    expect(fresh?.title).toContain("June 2019");
    expect(fresh?.followed).toBeUndefined();
  });

  it("given a city's count, then words no other city's name has are not read as a city", () => {
    const [, makerspaces] = conversation("how many incubators does gz have", "makerspaces?");
    expect(makerspaces?.title).toMatch(/Guangzhou.*138/);
  });
});

describe("words that point at something the conversation named", () => {
  it("given Hangzhou's talent clubs, then 'the xiaoshan one' is the club in Xiaoshan, and after it 'the gongshu one' is not that club", () => {
    const turns = conversation(
      "When did Hangzhou set up its International Talent Club?",
      "how many of these clubs are there now?",
      "who runs the xiaoshan one?",
      "and the gongshu one?",
    );
    expect(turns[2]?.title).toMatch(/Xiaoshan International Talent Club · head: Hu Nan/);
    expect(turns[3]?.title ?? "").not.toMatch(/Xiaoshan/);
  });

  it("given Medprin's founder, then 'the company' means Medprin, not the founder", () => {
    const [, does] = conversation("who founded medprin", "what does the company do?");
    expect(does?.title).toMatch(/Medprin.*organ printing/);
  });

  it("given a city's count, then 'that city' with another property asks it of the city", () => {
    const [, laureates] = conversation(
      "how many higher education institutions does guangzhou have",
      "how many nobel laureates work in that city?",
    );
    expect(laureates?.title).toMatch(/Guangzhou.*(six|6)/);
  });

  it("given a person, then a question naming a place keeps the person: 'how long has he worked in guangzhou?'", () => {
    const [, , years] = conversation(
      "who is zhang jiancun",
      "when did he go abroad?",
      "how long has he worked in guangzhou?",
    );
    expect(years?.title).toMatch(/Zhang Jiancun.*12/);
  });

  it("given when a company opened an office, then 'that office' means the company, and the property the turn names outright answers, not the one carried", () => {
    const [opened, became] = conversation(
      "when did iflytek open its silicon valley office",
      "what was that office turned into?",
    );
    expect(opened?.context?.property).toBe("opened");
    expect(became?.title).toMatch(/Iflytek.*subsidiary/);
  });
});

describe("a follow-up asking why", () => {
  it("given what a company works on, then 'why did the firm pick guangzhou?' is answered by a reason, not by what it makes", () => {
    const [, why] = conversation("what does medprin work on", "why did the firm pick guangzhou?");
    expect(why?.title).toMatch(/Medprin.*government backing/);
  });

  it("given where a forum will be held, then 'why those two cities?' is declined: the sources give no reason", () => {
    const [where, why] = conversation(
      "where is the China Venture Capital Forum going to be held?",
      "why those two cities?",
    );
    expect(where?.answered).toBe(true);
    expect(why?.answered).toBe(false);
  });

  it("given a city's strengths in a ranking, then 'why did it rank so high' is answered by them", () => {
    expect(answerTo(core, "why did hz rank so high with foreigners", EN).title).toMatch(
      /Hangzhou · strengths/,
    );
  });
});

describe("a property of a group, carried to another place", () => {
  it("given the share of Shanghai's founders by generation, then 'and their degrees?' asks their education, and Beijing, which lacks it, is declined", () => {
    const [, degrees, beijing] = conversation(
      "what share of shanghai's returnee entrepreneurs were born in the 1980s or 1990s",
      "and their degrees?",
      "what about beijing?",
    );
    expect(degrees?.title).toMatch(/Shanghai.*master's.*90%/);
    expect(beijing?.answered).toBe(false);
    expect(beijing?.body).toContain("Shanghai");
  });
});

describe("a conversation after a declined turn", () => {
  it("given a follow-up declined for a place the sources lack, then the next 'and …?' asks the last property again", () => {
    const [, lhasa, chengdu] = conversation(
      "what share of returnee entrepreneurs pick shanghai",
      "and lhasa?",
      "and chengdu?",
    );
    expect(lhasa?.answered).toBe(false);
    expect(chengdu?.answered).toBe(true);
    expect(chengdu?.title).toContain("6.6");
  });

  it("given a declined follow-up, then 'that report' still points at the report the turn before showed", () => {
    const [, , hangzhou, report] = conversation(
      "which city is fourth for returnees starting a business?",
      "and the percentage?",
      "what about hz?",
      "who put out that report?",
    );
    expect(hangzhou?.answered).toBe(false);
    expect(report?.title).toContain("Center for China and Globalization");
  });

  it("given 'ok' or 'alright' before the follow-up, then it is read as the follow-up", () => {
    for (const turn of ["ok, what about chengdu?", "alright and chengdu?"]) {
      const [, chengdu] = conversation("what share of returnee entrepreneurs pick shanghai", turn);
      expect(chengdu?.answered).toBe(true);
      expect(chengdu?.title).toContain("6.6");
    }
  });
});
