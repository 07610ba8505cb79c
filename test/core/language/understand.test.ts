import { describe, expect, it } from "vitest";
import { hanNumber } from "../../../src/core/language/han-numerals.js";
import { asksOverview, splitQuestion, understand, withYears } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const { vocabulary } = realCore();
const split = (question: string) => splitQuestion(question, vocabulary.grammar.split);
const read = (question: string) => understand(question, vocabulary, "en");
const typeOf = (question: string) => read(question).type;
const termsOf = (question: string) => read(question).terms.map((t) => t.term);
const entitiesOf = (question: string) => read(question).entities.map((e) => e.id);

describe("the kind of answer an English question wants", () => {
  it.each([
    ["How many returnees has Guangzhou attracted?", "count"],
    ["What share of returnee founders chose Beijing?", "percent"],
    ["What slice of returnee founders chose Beijing?", "percent"],
    ["Which outfit handles work permits in Hangzhou?", "organisation"],
    ["What percent of returnee founders are women?", "percent"],
    ["How much money did Guangzhou spend on innovation?", "money"],
    ["What was the total value of the loans?", "money"],
    ["What were the loan deals worth?", "money"],
    ["By how much did Guangzhou's high-tech output grow?", "percent"],
    ["How fast did the output increase?", "percent"],
    ["When is the CEOT?", "date"],
    ["What year was the CEOT founded?", "date"],
    ["How long is the CEOT?", "duration"],
    ["What rank did Hangzhou get in the poll?", "rank"],
    ["Which place did Hangzhou take in the poll?", "rank"],
    ["Who is the mayor of Hangzhou?", "person"],
    ["Who organised the CEOT?", "organisation"],
    ["Where is the CEOT held?", "place"],
    ["Which forum takes place in Guangzhou and Shenzhen in turn?", "event"],
    ["Which district is the Yuhang club in?", "place"],
    ["In what districts does Hangzhou run talent clubs?", "place"],
    ["What is the CEOT phone number?", "contact"],
    ["What is the address of the CEOT office?", "contact"],
    ["what about Iflytek, when did it open its office?", "date"],
    ["iflytek set up its silicon valley office when?", "date"],
    ["In which four districts does Hangzhou have talent clubs?", "place"],
    ["medprin was started by who?", "person"],
    ["The mayor who said the city 'needs talents more than ever before', who is he?", "person"],
  ])("reads %j as asking for a %s", (question, type) => {
    expect(typeOf(question)).toBe(type);
  });

  it("reads a second ask of another kind joined by 'and', a word allowed before it, the first leading", () => {
    expect(read("how many firms got loans and for how much")).toMatchObject({ type: "count", also: "money" });
    expect(
      read(
        "What was the output of the high-tech sectors in 2017, and what share of industrial output was that?",
      ),
    ).toMatchObject({ type: "any", also: "percent" });
    // No question before "and": one ask of two things.
    expect(read("gz nobel laureates and academicians, how many of each").type).toBe("count");
    expect(read("when and where is the ceot").also).toBe("place");
    expect(read("how many came and how many projects").also).toBeUndefined();
    expect(read("how many incubators and makerspaces does gz have").also).toBeUndefined();
  });

  it("leaves the things named after 'apart from' or 除了 out of what it asks about", () => {
    const left = read("apart from beijing and shanghai, which cities draw returnees");
    expect(left.entities.map((e) => e.id)).toEqual([]);
    expect(left.excluded?.map((e) => e.id)).toEqual(["beijing", "shanghai"]);
    expect(left.picks).toBe("place");
    const zh = understand("除了北京和上海，还有哪些城市", vocabulary, "zh");
    expect(zh.excluded?.map((e) => e.id)).toEqual(["beijing", "shanghai"]);
    expect(read("besides silicon valley where is gac building a centre").entities.map((e) => e.id)).toEqual([
      "gac",
    ]);
  });

  it("takes 'what areas' for fields, not a floor area", () => {
    expect(typeOf("what areas does the institute research")).not.toBe("area");
    expect(typeOf("how large is the exhibition area")).toBe("area");
  });

  it("reads a mistyped question word as the word it stands for", () => {
    expect(typeOf("how meny returnees in guangzhou")).toBe("count");
    expect(typeOf("wehn is the ceot")).toBe("date");
  });

  it("reads a question asked inside a sentence ('tell me when', 'do you know who') by its question word", () => {
    expect(typeOf("tell me when the 2018 CEOT takes place")).toBe("date");
    expect(typeOf("do you know who founded medprin")).toBe("person");
    expect(typeOf("can you confirm when the 2018 ceot starts")).toBe("date");
  });

  it("given a contraction's remnant ('I'd') or 'I wonder', then neither is asked about", () => {
    expect(termsOf("I'd like to know when the talent club was set up")).not.toContain("d");
    expect(read("i wonder who runs the ceot").terms.every((t) => t.light)).toBe(true);
  });

  it("given chat words ('yo', 'anyone', 'they're'), then none is asked about; 'biz' reads as business", () => {
    expect(termsOf("yo does anyone know how many projects hangzhou funded")).toEqual(["project", "fund"]);
    expect(termsOf("how long before they're profitable")).not.toContain("re");
    expect(termsOf("main reason to start a biz in beijing")).toContain("business");
  });

  it("given 'sq m', then reads square metres, which the sources say", () => {
    expect(termsOf("how big is the 2018 CEOT exhibition in sq m")).toContain("square");
    expect(answerTo(realCore(), "how big is the 2018 CEOT exhibition in sq m").title).toMatch(
      /50,000 square/,
    );
  });

  it("reads a small number after 'top' or 'No.' as a place on a list, asked lightly, and any other as a figure", () => {
    const terms = read("top 3 cities for haigui startups per CCG?").terms;
    expect(terms.find((t) => t.term === "3")?.light).toBe(true);
    expect(read("which city has 3 academicians").terms.find((t) => t.term === "3")?.light).toBe(false);
  });

  it("reads a number after 'more than' as a threshold, asked lightly, unless the sources give that figure", () => {
    const lightOf = (question: string, number: string) =>
      read(question).terms.find((t) => t.term === number)?.light;
    expect(lightOf("did gz issue more than 3,000 green cards by mid-2017?", "3000")).toBe(true);
    expect(lightOf("did gz issue 3,000 green cards by mid-2017?", "3000")).toBe(false);
    expect(lightOf("what is the figure of more than 67,000 for Guangzhou?", "67000")).toBe(false);
    expect(asksOverview(read("did over 3,000 people attend the 2017 ceot?"))).toBe(false);
    expect(
      answerTo(realCore(), "isn't it true gz issued more than 3,000 talent green cards by mid-2017?").title,
    ).toMatch(/2,515/);
  });

  it("reads the parts of a contraction as saying nothing: 'isn't', 'didn't'", () => {
    const terms = termsOf("isn't it so that medprin didn't print organs");
    expect(terms).toContain("organ");
    for (const part of ["isn", "didn", "t"]) expect(terms).not.toContain(part);
  });

  it("reads 'position' of a person named alone as a post, not a place on a list", () => {
    expect(typeOf("what's Wang Debao's position")).toBe("any");
    expect(typeOf("what position did hangzhou get in 2020")).toBe("rank");
  });

  it("reads 'took part' as taking part, a light word, not as a part", () => {
    const terms = read("how many overseas talents took part in the 2017 ceot").terms;
    expect(terms.map((t) => t.term)).not.toContain("part");
    expect(terms.find((t) => t.term === "participate")?.light).toBe(true);
  });

  it("reads a short word with two letters swapped as the one known word a swap makes, not one of two", () => {
    expect(termsOf("wen was ceot first hled")).toContain("hold");
    expect(termsOf("hwo many labs")).toContain("hwo");
  });

  it("reads a short unknown word a letter from a stop word ('hwo', 'werk') as asking nothing, and answers around it", () => {
    const terms = read("hwo many academicians werk in guangzhuo").terms;
    expect(terms.filter((t) => !t.light).map((t) => t.term)).toEqual(["academician"]);
    expect(answerTo(realCore(), "hwo many academicians werk in guangzhuo").title).toContain("79");
    expect(read("how many labs in zq").terms.find((t) => t.term === "zq")?.light).toBe(false);
  });

  it("marks a word taken for mistyped as corrected, and a word as written not", () => {
    const terms = read("which age cohorts do shanghai's returnee founders belong to").terms;
    expect(terms.find((t) => t.term === "cohosts")?.corrected).toBe(true);
    expect(terms.find((t) => t.term === "age")?.corrected).toBe(false);
  });

  it("takes 'who' inside a clause for no question of a person", () => {
    expect(typeOf("hz 2020 people who studied abroad")).not.toBe("person");
  });

  it("reads a why question as asking for a reason", () => {
    expect(typeOf("Why do returnees choose Guangzhou?")).toBe("reason");
  });

  it("reads 'who founded' a company as asking for a person, not for a description of it", () => {
    expect(typeOf("Who founded Zhejiang Qiangnao Technology?")).toBe("person");
  });

  it("reads a derived word or a phrasal verb the curators equate as its plain word ('attractiveness', 'head to')", () => {
    expect(termsOf("Hangzhou's attractiveness")).toContain("attractive");
    expect(termsOf("when did he head to the US")).not.toContain("head");
    expect(termsOf("when did he head off to the US")).not.toContain("head");
  });

  it("reads a noun phrase asked with a question mark as 'what is …' would be read", () => {
    expect(typeOf("Hangzhou's place in the 2020 attractiveness ranking for foreigners?")).toBe("rank");
    expect(typeOf("Hangzhou's place in the 2020 attractiveness ranking for foreigners")).toBe("any");
  });

  it("given a superlative word inside a name, then reads no superlative", () => {
    expect(
      read("Which body publishes the Most Attractive Chinese Cities for Foreigners poll?").superlative,
    ).toBeUndefined();
    expect(read("which city do most returnee founders pick").superlative).toBe(true);
  });

  it("given the same name asked again, then again reads no superlative inside it, but one outside it", () => {
    const poll = "the Most Attractive Chinese Cities for Foreigners poll";
    expect(read(`Who publishes ${poll}?`).superlative).toBeUndefined();
    expect(read(`Who runs ${poll}?`).superlative).toBeUndefined();
    expect(read(`Which city tops ${poll}?`).superlative).toBe(true);
  });

  it("reads 'how many years' as asking for a duration, not a count", () => {
    expect(typeOf("How many years has Hau Lee been at Stanford?")).toBe("duration");
  });

  it("reads 'what number do I call' as asking for a contact", () => {
    expect(typeOf("what number do I call to reach the ceot office")).toBe("contact");
    expect(typeOf("what was the ceot called at first")).not.toBe("contact");
  });

  it("reads 'where is it on the list' as asking for a position", () => {
    expect(typeOf("where is guangzhou on the list of cities most attractive to returned students")).toBe(
      "rank",
    );
  });

  it("reads 'which city ranks ahead of' a city named as asking for a place, the other city", () => {
    const query = read("which city ranks ahead of guangzhou for returned students");
    expect(query.type).toBe("place");
    expect(query.kind).toBe("city");
  });

  it("reads 'which AI expert' as asking for a person, the words between naming no kind", () => {
    const query = read("which AI expert brought his company summba to guangzhou");
    expect(query.type).toBe("person");
    expect(query.kind).toBe("expert");
  });

  it("leaves 'which AI company' worded no other way to ask for anything: the company may be a claim's subject", () => {
    expect(typeOf("which AI company agreed to move to gz in may 2017")).toBe("any");
  });

  it("keeps a position asked of a city when no city is named ('which city came fourth')", () => {
    expect(typeOf("which city came fourth in the ccg ranking")).toBe("rank");
  });

  it("reads 'what did … say' and 'what does … think' as asking what someone said, and 'who is' not", () => {
    expect(read("what did the mayor of Hangzhou say about talents").quotes).toBe(true);
    expect(read("what does Hu Nan think matters most").quotes).toBe(true);
    expect(read("who is Hu Nan").quotes).toBeUndefined();
    expect(read("which leader called Hangzhou a hub of innovation").quotes).toBe(true);
    expect(asksOverview(read("what did Liu Xin say"))).toBe(false);
  });

  it("reads 'who is' a person named as asking for a description of them", () => {
    expect(typeOf("Who is Hau Lee?")).toBe("any");
  });
});

describe("the kind of answer a Chinese question wants, from its question words", () => {
  it.each([
    ["广州有多少海归", "count"],
    ["杭州有几个国际人才俱乐部", "count"],
    ["海交会什么时候开", "date"],
    ["海交会哪年创办", "date"],
    ["海交会在哪几天举办", "date"],
    ["海交会在哪里举办", "place"],
    ["北京海归创业者占比多少", "percent"],
    ["海归创业者的比例", "percent"],
    ["杭州排第几", "rank"],
    ["海交会电话", "contact"],
    ["广州科技成果产业化基金规模有多大", "money"],
    ["2018年海交会展览面积有多大", "area"],
  ])("reads %j as asking for a %s", (question, type) => {
    expect(typeOf(question)).toBe(type);
  });

  it("reads 占比 after 女性 as asking for a share", () => {
    expect(typeOf("上海海归创业者里女性占比")).toBe("percent");
  });
});

describe("stop words and acronyms", () => {
  it("drops 'us' and 'it' written in lower case as stop words", () => {
    expect(termsOf("how many returnees came from us")).not.toContain("us");
    expect(termsOf("what is it")).toEqual([]);
  });

  it("keeps 'US' in capitals as something the question is about", () => {
    const reading = read("How many returnees came from the US?");
    const kept = [...reading.terms.map((t) => t.term), ...reading.entities.map((e) => e.id)];
    expect(kept.some((w) => w === "us" || w === "united-states")).toBe(true);
  });

  it("keeps 'IT' in capitals as a term", () => {
    expect(termsOf("IT companies in Hangzhou")).toContain("it");
  });

  it("given 'us' or 'it' in lower case after an article, then reads it as the name, which no pronoun follows", () => {
    expect(termsOf("how do i apply for a us work visa")).toContain("us");
    expect(termsOf("jobs in the it sector")).toContain("it");
    expect(termsOf("tell us about it")).not.toContain("us");
  });
});

describe("a noun of the kind of a thing named", () => {
  it("is light: 'the company Medprin' asks nothing the name does not", () => {
    expect(read("what does the company Medprin make").terms.find((t) => t.term === "company")?.light).toBe(
      true,
    );
    expect(read("what does Yuan Yuyu's company make").terms.find((t) => t.term === "company")?.light).toBe(
      false,
    );
  });
});

describe("curated phrases", () => {
  it("reads starting a company as the business the sources say returnees start, and 'report' as a light word", () => {
    expect(termsOf("cities where returnees start a company")).toContain("business");
    expect(termsOf("returnees set up companies")).not.toContain("company");
    expect(read("the returnee headcount in the report").terms.find((t) => t.term === "report")?.light).toBe(
      true,
    );
  });

  it("reads the longest phrase the words go on to, and the shorter one they begin when they stop there", () => {
    expect(termsOf("returnees who set up shop in Hangzhou")).toEqual(["returnee", "entrepreneurship"]);
    expect(termsOf("returnees who set up in Hangzhou")).toEqual(["returnee", "found"]);
  });
});

describe("words in capitals", () => {
  it("reads a stop word written in capitals as a name, and in small letters as a stop word", () => {
    expect(termsOf("did the US say anything")).toEqual(["us"]);
    expect(termsOf("did they tell us anything")).toEqual([]);
  });
});

describe("a place name that begins another name", () => {
  it("reads 'Zhejiang Qiangnao' as the company whose name it begins, not the province and the company", () => {
    expect(entitiesOf("who started Zhejiang Qiangnao")).toEqual(["zhejiang-qiangnao"]);
  });

  it("reads 浙江强脑科技 as the company, in simplified and traditional characters", () => {
    const zh = (q: string) => understand(q, vocabulary, "zh").entities.map((e) => e.id);
    expect(zh("浙江强脑科技的创始人是谁")).toEqual(["zhejiang-qiangnao"]);
    expect(zh("浙江強腦科技的創辦人是誰")).toEqual(["zhejiang-qiangnao"]);
  });

  it("keeps two names side by side when neither begins the other's name", () => {
    expect(entitiesOf("guangzhou hangzhou returnees")).toEqual(["guangzhou", "hangzhou"]);
  });
});

describe("years", () => {
  it("takes a year out of the terms as a year the answer must hold for", () => {
    const query = read("gz returnee count for 2023");
    expect(query.years).toEqual(["2023"]);
    expect(query.terms.map((t) => t.term)).not.toContain("2023");
  });

  it("marks years joined by 'or' or 还是 as alternatives, and years joined by 'and' not", () => {
    expect(read("was the talent club set up in 2019 or 2020").eitherYear).toBe(true);
    expect(understand("人才俱乐部是2019年还是2020年成立的", vocabulary, "zh").eitherYear).toBe(true);
    expect(read("how many returnees came in 2016 and 2017").eitherYear).toBeUndefined();
  });

  it("takes a year written with 年 in a Chinese question", () => {
    expect(read("2017年广州海归").years).toEqual(["2017"]);
  });

  it("leaves a number that is not a year among the terms", () => {
    const query = read("did guangzhou issue 2515 green cards");
    expect(query.years).toEqual([]);
    expect(query.terms.map((t) => t.term)).toContain("2515");
  });
});

describe("names", () => {
  it.each([
    ["How many green cards has GZ issued?", "guangzhou"],
    ["How many returnees has Canton attracted?", "guangzhou"],
    ["广州有多少海归", "guangzhou"],
    ["Guang Zhou returnees", "guangzhou"],
    ["海交会什么时候开", "ceot"],
    ["迈普是谁创办的", "medprin"],
  ])("reads %j as naming %s", (question, id) => {
    expect(entitiesOf(question)).toContain(id);
  });

  it("reads 最早 as asking for the first one", () => {
    expect(termsOf("海交会最早是哪年办的")).toContain("first");
  });

  it("reads 预计 as the English 'expected' does", () => {
    expect(termsOf("海交会预计有多少海外人才参加")).toContain("expect");
    expect(termsOf("How many overseas talents are expected at the CEOT?")).toContain("expect");
  });

  it("reads a trailing 哪个 as how the question is put, not what it is about", () => {
    expect(termsOf("海归创业者占比最高的城市是哪个")).not.toContain("哪个");
    expect(typeOf("海归创业者占比最高的城市是哪个")).toBe("percent");
  });

  it("reads an ordinal in Arabic digits, 第20届, as the lexicon writes it, like 第二十届", () => {
    expect(termsOf("第20届海交会的主题是什么")).toContain("20th");
    expect(termsOf("第二十届海交会的主题是什么")).toContain("20th");
    expect(termsOf("第5届海交会在哪")).toContain("5");
  });

  it("does not count a name among the terms", () => {
    expect(termsOf("How many returnees has Canton attracted?")).not.toContain("canton");
  });

  it("reads a question mixing English and Chinese as one question", () => {
    const query = read("Guangzhou 海归 人数");
    expect(query.entities.map((e) => e.id)).toEqual(["guangzhou"]);
    expect(query.terms.map((t) => t.term)).toContain("returnee");
    expect(query.type).toBe("count");
  });
});

describe("Chinese words the segmenter does not know", () => {
  it("keeps a question's single characters side by side as one word, dropping filler, and takes it as light", () => {
    const terms = understand("上海房价是多少", vocabulary, "zh").terms;
    expect(terms.map((t) => t.term)).toEqual(["房价"]);
    expect(terms[0]?.light).toBe(true);
  });

  it("ends a question word where the segmenter's word ends: 多少人口 asks 多少 of 人口, not 多少人 of 口", () => {
    const query = understand("杭州有多少人口", vocabulary, "zh");
    expect(query.type).toBe("count");
    expect(query.terms.map((t) => t.term)).toEqual(["人口"]);
  });

  it("takes a word the sources never use as what is asked when a possessive leads to it (的平均), else as light", () => {
    const weighed = (question: string) =>
      Object.fromEntries(understand(question, vocabulary, "zh").terms.map((t) => [t.term, t.light]));
    expect(weighed("北京海归的平均工资是多少")).toMatchObject({ 平均: false, 工资: true });
    expect(weighed("杭州在外国人最向往的城市里排第几")).toMatchObject({ 向往: true });
  });

  it("reads 怎么样 as how a question is put, asking nothing itself", () => {
    expect(understand("广州怎么样", vocabulary, "zh").terms).toEqual([]);
  });

  it("takes a name with a Chinese word the sources never use as asking that word, not an overview", () => {
    expect(asksOverview(understand("广州", vocabulary, "zh"))).toBe(true);
    expect(asksOverview(understand("今天广州天气怎么样", vocabulary, "zh"))).toBe(false);
  });
});

describe("Chinese words the lexicon knows", () => {
  it("reads 开始 as 'start', as an English question that asks when something started", () => {
    const terms = understand("海交会是哪一年开始的", vocabulary, "zh").terms.map((t) => t.term);
    expect(terms).toEqual(termsOf("when did the ceot start"));
  });
});

describe("the word of the kind of answer", () => {
  it("takes 'date' in 'up to what date?' as the kind of answer asked for, not as what is asked about", () => {
    const query = read("up to what date?");
    expect(query.type).toBe("date");
    expect(query.terms.every((t) => t.light)).toBe(true);
  });

  it("takes 'position' after 'what' as the place on a list asked for, which no fact need say", () => {
    const query = read("What position does Guangzhou hold among cities picked by returnees?");
    expect(query.type).toBe("rank");
    expect(query.kind).toBe("position");
    expect(query.terms.find((t) => t.term === "position")?.light).toBe(true);
  });
});

describe("Chinese numbers", () => {
  it.each([
    ["二十八", 28],
    ["三千", 3000],
    ["五万", 50000],
    ["两百", 200],
  ])("reads %s as %d", (text, value) => {
    expect(hanNumber(text, vocabulary.grammar.numerals)).toBe(value);
  });

  it("reads no number in a word that is not a numeral, nor in a lone character", () => {
    expect(hanNumber("海归", vocabulary.grammar.numerals)).toBeUndefined();
    expect(hanNumber("十", vocabulary.grammar.numerals)).toBeUndefined();
  });

  it("reads 6.7万 as 67000", () => {
    expect(termsOf("6.7万 returnees")).toContain("67000");
  });

  it("reads 6.7万 as 67000 inside a Chinese sentence", () => {
    expect(termsOf("广州有6.7万海归吗")).toContain("67000");
  });

  it("reads a numeral followed by a measure word, 二十八位, as 28", () => {
    expect(termsOf("广州有二十八位院士")).toContain("28");
  });
});

describe("splitting a question that asks two things", () => {
  it("cuts 'X vs Y' into its two sides", () => {
    expect(split("Hangzhou vs Shanghai")).toEqual({ lead: "", segments: ["Hangzhou", "Shanghai"] });
  });

  it("cuts 'X or Y for …' at the or, the shared ending going with the second side", () => {
    expect(split("beijing or shanghai for a startup")).toEqual({
      lead: "",
      segments: ["beijing", "shanghai for a startup"],
    });
  });

  it("gives 'A and B, how many of each' the ask as a lead shared by both", () => {
    expect(split("gz nobel laureates and academicians, how many of each")).toEqual({
      lead: "how many",
      segments: ["gz nobel laureates", "academicians"],
    });
  });

  it("gives 甲和乙各有多少 the rest after 各 as a lead shared by both, and answers each", () => {
    expect(split("在广州工作的诺贝尔奖得主和中国院士各有多少位")).toEqual({
      lead: "有多少位",
      segments: ["在广州工作的诺贝尔奖得主", "中国院士"],
    });
    const { title } = answerTo(realCore(), "广州的孵化器和众创空间分别有多少家？", { language: "zh" });
    expect(title).toMatch(/孵化器数量：280.*众创空间数量：138/);
  });

  it("cuts two asks joined by 'and', marked apart when each opens with a question word", () => {
    expect(split("how many came and how many projects did they bring")).toEqual({
      lead: "",
      segments: ["how many came", "how many projects did they bring"],
      apart: true,
    });
    expect(split("gz green cards and how many experts")).toEqual({
      lead: "",
      segments: ["gz green cards", "how many experts"],
    });
  });

  it("cuts two questions at an inner question mark when the second asks again, by a question word or 'he'", () => {
    expect(split("who is hangzhou's mayor? where did he speak")).toEqual({
      lead: "",
      segments: ["who is hangzhou's mayor", "where did he speak"],
      apart: true,
    });
    expect(split("杭州市长是谁？他在哪里讲话")?.segments).toEqual(["杭州市长是谁", "他在哪里讲话"]);
    expect(split("what does summba do? like what kind of tech")).toBeUndefined();
  });

  it("keeps what comes before a colon as the lead of both sides", () => {
    expect(split("hz 2020: A vs B")).toEqual({ lead: "hz 2020", segments: ["A", "B"] });
  });

  it("cuts 'compare X and Y' into its two sides", () => {
    expect(split("compare gz and hz returnee numbers")).toEqual({
      lead: "",
      segments: ["gz", "hz returnee numbers"],
    });
  });

  it("cuts 'how many A and B …' into one ask of each, what follows shared", () => {
    expect(split("how many incubators and makerspaces does gz have")).toEqual({
      lead: "does gz have",
      segments: ["how many incubators", "how many makerspaces"],
    });
  });

  it("takes '+' and 'plus' for 'and' between two asks", () => {
    expect(split("how many incubators + makerspaces does gz have")?.segments).toEqual([
      "how many incubators",
      "how many makerspaces",
    ]);
    expect(split("how many incubators plus where does gz rank")?.segments).toEqual([
      "how many incubators",
      "where does gz rank",
    ]);
  });

  it("leaves a question in one part whole", () => {
    expect(split("How many returnees has Guangzhou attracted?")).toBeUndefined();
    expect(split("research and development in Guangzhou")).toBeUndefined();
    expect(split("in Guangzhou, how many returnees came")).toBeUndefined();
    expect(split("Sandy and Andy")).toBeUndefined();
  });

  it("splits a Chinese question joined by 还是, which has no spaces around it", () => {
    expect(split("北京还是上海")).toEqual({ lead: "", segments: ["北京", "上海"] });
  });
});

describe("reading who, what and which questions", () => {
  it("reads 'which bureau' and 'which magazine' as asking for an organisation", () => {
    expect(typeOf("which bureau announced the list")).toBe("organisation");
    expect(typeOf("which magazine called organ printing world-changing")).toBe("organisation");
  });

  it("reads 'which writer' and 'which leader' as asking for a person", () => {
    expect(typeOf("which writer is credited on the article")).toBe("person");
    expect(typeOf("which leader called the city ideal")).toBe("person");
  });

  it("marks a question asking for the most or the top as a superlative", () => {
    expect(read("which city do most returnee founders pick").superlative).toBe(true);
    expect(understand("海归创业者占比最高的城市", vocabulary, "zh").superlative).toBe(true);
    expect(read("which city do returnee founders pick").superlative).toBeUndefined();
  });

  it("keeps a name's own word that is one letter from a question word ('Chen', not 'when')", () => {
    expect(entitiesOf("which company does chen weidong work for")).toContain("chen-weidong");
    expect(typeOf("which company does chen weidong work for")).toBe("organisation");
  });
});

describe("the word that names the kind of answer", () => {
  it("takes the noun after 'which' as the kind wanted: it ranks, but no fact need say it", () => {
    const query = read("which department set up the hangzhou international talent club");
    expect(query.kind).toBe("department");
    expect(query.terms.find((t) => t.term === "department")?.light).toBe(true);
  });

  it("finds no kind where the question names none", () => {
    expect(read("how many incubators does gz have").kind).toBeUndefined();
  });
});

describe("forms in -ing", () => {
  const lightOf = (question: string, term: string) =>
    read(question).terms.find((t) => t.term === term)?.light;

  it("reads one after a determiner as naming a thing, which the question asks about", () => {
    expect(lightOf("how much is the housing subsidy for returnees in guangzhou", "house")).toBe(false);
    expect(lightOf("what housing subsidy does guangzhou give", "house")).toBe(false);
  });

  it("reads one after anything else as a verb, saying how the question is put", () => {
    expect(lightOf("what kind of tech is summba building", "build")).toBe(true);
  });
});

describe("words of a point in time", () => {
  it("reads 'end', 'mid' and 'late' before a year as saying nothing the year does not, and 'end' elsewhere as light", () => {
    const query = read("how many foreign experts had hangzhou employed by the end of 2021");
    expect(query.years).toEqual(["2021"]);
    expect(query.terms.map((t) => t.term)).not.toContain("end");
    expect(read("green cards gz mid 2017").terms.every((t) => t.light)).toBe(true);
    expect(read("when is the end of the convention").terms.find((t) => t.term === "end")?.light).toBe(true);
    expect(
      answerTo(realCore(), "How many green cards had Guangzhou issued by the end of 2018?").answered,
    ).toBe(false);
  });
});

describe("a question with a scene around it", () => {
  it("given a sentence that only sets the scene, then its words rank but are not asked about", () => {
    const query = read("My nephew studied in London. How many returnees has Guangzhou attracted?");
    expect(query.terms.map((t) => t.term)).not.toContain("nephew");
    expect(query.context).toContain("nephew");
    expect(query.terms.map((t) => t.term)).toContain("returnee");
  });

  it("given a scene that names a place, then the place is still asked about", () => {
    const query = read("My dad keeps talking about a Guangzhou fund. How big is it?");
    expect(query.entities.map((e) => e.id)).toContain("guangzhou");
    expect(query.context).toContain("fund");
  });

  it("given only 'what's his name?' after it, then what it describes is asked about, and answered", () => {
    const question =
      "the biomed researcher who left for the US back in 1985, got a PhD and came back to gz — what's his name?";
    expect(termsOf(question)).toContain("phd");
    expect(answerTo(realCore(), question, { language: "en" }).title).toMatch(/^Zhang Jiancun · /);
  });

  it("given a topic put first and an asking of no words of its own, then the topic is asked about", () => {
    const query = read("gz housing subsidy for returnee phds — how much per person?");
    expect(query.terms.map((t) => t.term)).toContain("subsidy");
    expect(answerTo(realCore(), "gz housing subsidy for returnee phds — how much per person?").answered).toBe(
      false,
    );
  });

  it("given a scene after the question mark, then only the question is asked", () => {
    expect(
      read("How many returnees has Guangzhou pulled in? I keep hearing different numbers.").context,
    ).toContain("different");
  });

  it("given a scene set off by a dash or a semicolon, then its words rank but are not asked about", () => {
    for (const question of [
      "My nephew studied in London — how many returnees has Guangzhou attracted?",
      "My nephew studied in London; how many returnees has Guangzhou attracted?",
    ]) {
      const query = read(question);
      expect(query.terms.map((t) => t.term)).not.toContain("nephew");
      expect(query.context).toContain("nephew");
    }
  });

  it("given one sentence, or only questions, then nothing is scene", () => {
    expect(read("How many returnees has Guangzhou attracted?").context).toEqual([]);
    expect(read("Are many founders women? What's the share?").context).toEqual([]);
  });
});

describe("a question that names its source", () => {
  it("given 'per the … study', then the study ranks but is not asked about, and its name still counts", () => {
    const query = read("What share of returnee founders picked Shanghai, per the CCG study?");
    expect(query.terms.map((t) => t.term)).not.toContain("study");
    expect(query.context).toContain("study");
    expect(query.entities.map((e) => e.id)).toEqual(["shanghai", "ccg"]);
  });

  it("given 'according to …' before the question, then only the clause that asks is asked", () => {
    const query = read("According to the survey, how long do returnee startups in Shanghai take to profit?");
    expect(query.terms.map((t) => t.term)).not.toContain("survey");
    expect(query.terms.map((t) => t.term)).toContain("startup");
  });

  it("given 根据…报告, then the report ranks but is not asked about", () => {
    const query = understand("根据CCG的报告，选择上海的海归创业者占多少？", vocabulary, "zh");
    expect(query.terms.map((t) => t.term)).not.toContain("report");
    expect(query.context).toContain("report");
  });

  it("given words quoted as said, then they rank but are not asked, and a short quote is asked", () => {
    const query = understand(
      "文章里讲“城市比以往任何时候都更需要人才”的那位杭州市长叫什么？",
      vocabulary,
      "zh",
    );
    expect(query.terms.map((t) => t.term)).not.toContain("需要");
    expect(query.context).toEqual(expect.arrayContaining(["talent", "需要"]));
    expect(termsOf("the mayor who said 'needs talents more than ever before'")).not.toContain("talent");
    expect(termsOf("what did gz roll out in 2016, the '1+something talent' deal?")).toContain("talent");
    expect(termsOf("who said 'talent is the first resource'?")).toContain("talent");
  });

  it("given a word the cited clause shares with the question, then it is still asked", () => {
    expect(termsOf("how many returnees came back, according to the returnee survey")).toContain("returnee");
  });
});

describe("withYears", () => {
  it("given a text that writes a year, then asks it of the years given instead", () => {
    expect(withYears("overseas talents at the 2017 CEOT", ["2018"])).toBe(
      "overseas talents at the 2018 CEOT",
    );
  });

  it("given a text that writes no year, then adds the years given", () => {
    expect(withYears("Hangzhou's talent pool", ["2020"])).toBe("Hangzhou's talent pool in 2020");
  });
});

describe("words that only say how a question is put", () => {
  it("given chat shorthand, a slice asked for, or the date of something, then none of it is a word a fact must hold", () => {
    expect(termsOf("pls how many green cards has guangzhou issued")).not.toContain("pls");
    expect(termsOf("what slice of beijing returnees work in education")).toEqual([
      "returnee",
      "work",
      "education",
    ]);
    expect(read("Summba start date in Guangzhou").terms.find((t) => t.term === "date")?.light).toBe(true);
  });

  it("given 'in charge of', then it reads as being responsible, not as a bill", () => {
    expect(termsOf("who is in charge of work permits in Hangzhou")).toContain("responsible");
    expect(termsOf("who is in charge of work permits in Hangzhou")).not.toContain("bill");
  });

  it("given 哪几个 (which ones), then a Chinese question asks for the things, not how many", () => {
    expect(understand("广州的IAB计划包括哪几个产业", vocabulary, "zh").type).toBe("any");
    expect(understand("广州有几个孵化器", vocabulary, "zh").type).toBe("count");
  });

  it("given a Chinese question that cites the article, then the article and its mention are not what it asks", () => {
    const terms = understand("文章里提到的杭州市长是谁", vocabulary, "zh").terms.map((t) => t.term);
    expect(terms).not.toContain("文章");
    expect(terms).not.toContain("提到");
  });

  it("given 一共有 (in all) or 觉得 (thinks), then a Chinese question asks nothing by them, and 觉得 asks what was said", () => {
    const zh = (question: string) => understand(question, vocabulary, "zh");
    expect(zh("广州的千人计划专家一共有多少人").terms.map((t) => t.term)).toEqual(["expert"]);
    const thinks = zh("华强森觉得中国创新怎么样");
    expect(thinks.terms.map((t) => t.term)).not.toContain("觉得");
    expect(thinks.quotes).toBe(true);
  });

  it("given 新招 or 新增 (newly brought in), then reads 'new', as the source's 又新引进 is read", () => {
    expect(understand("广州又新招了几位千人计划专家", vocabulary, "zh").terms.map((t) => t.term)).toContain(
      "new",
    );
    expect(answerTo(realCore(), "广州新增了几位千人计划专家", { language: "zh" }).title).toMatch(
      /5名“千人计划”专家/,
    );
  });

  it("given 谁负责 (who runs it), then reads 负责 as 'run', a common word, as English 'who runs' is", () => {
    const terms = understand("萧山那个俱乐部谁负责", vocabulary, "zh").terms;
    expect(terms.find((t) => t.term === "run")).toBeDefined();
    expect(terms.map((t) => t.term)).not.toContain("负责");
  });
});

describe("a scene beside the question", () => {
  it("keeps the names a scene before the question gives: they say what it is about", () => {
    expect(entitiesOf("My aunt read about Zhang Jiancun. How long has he been in gz?")).toContain(
      "zhang-jiancun",
    );
  });

  it("drops the other names of an afterthought, when the question names its own", () => {
    const entities = entitiesOf("which company did Shi Zhongmin bring to gz? I think it started in america");
    expect(entities).toEqual(["shi-zhongmin", "guangzhou"]);
  });

  it("drops the names a scene before gives of the kind the question names, and its years from a 'when'", () => {
    const query = read(
      "The science and technology bureau set up the Hangzhou International Talent Club in June 2019; when was the Hangzhou International Friendship Alliance founded?",
    );
    expect(query.entities.map((e) => e.id)).toEqual(["hz-friendship-alliance"]);
    expect(query.years).toEqual([]);
    expect(
      entitiesOf("bj vs sh for returnee startups — what % of founders went to each per the CCG?"),
    ).toEqual(expect.arrayContaining(["beijing", "shanghai"]));
    expect(read("The club opened in 2019. How many members did the alliance have?").years).toEqual(["2019"]);
  });
});
