import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageFor, runLine } from "../../../commands/index.js";
import { frameOf } from "../../../src/core/answering/match.js";
import { type KnowledgeError, loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, copyOfFixture, EN, realCore, runCli } from "../../helpers.js";

const core = realCore();
const frame = (question: string) =>
  frameOf(understand(question, core.vocabulary, languageFor(question)), core.claims, (t) =>
    core.index.weight(t),
  );
const title = (question: string) => answerTo(core, question, { language: languageFor(question) }).title;
const readEn = (question: string) => understand(question, core.vocabulary, "en");

describe("reading a question into a frame", () => {
  it("carries the last property unless the turn names another outright, or the last one must answer", () => {
    const read = (question: string, insists: boolean) =>
      frameOf(readEn(question), core.claims, (t) => core.index.weight(t), { property: "opened", insists });
    expect(read("what was it turned into", false).carried).toBeUndefined();
    expect(read("what was it turned into", true).carried).toBe("opened");
    expect(read("as of when", false).carried).toBe("opened");
  });

  it("names the property a question calls by one of its names, and the subject it names", () => {
    const read = frame("how many incubators does gz have");
    expect(read.properties[0]?.property.id).toBe("incubators");
    expect(read.subjects.map((e) => e.id)).toEqual(["guangzhou"]);
    expect(read.expects).toBe("count");
  });

  it("prefers the property whose name accounts for more of the question", () => {
    const [best] = frame("bj share of returnee founders").properties;
    expect(best?.property.id).toBe("share-of-returnee-entrepreneurs");
  });

  it("lets a property named outright say the type of value where the wording leaves it open", () => {
    const question = "what did the loans lined up at gz's first vc week come to";
    expect(understand(question, core.vocabulary, "en").type).toBe("any");
    expect(frame(question).expects).toBe("money");
  });

  it("given a role named only to reach what is asked, then its words lead through to the holder of the role", () => {
    expect(frame("海交会常设机构的联系电话").through).toEqual(["常设机构"]);
    expect(title("海交会常设机构的联系电话")).toMatch(/83563549/);
    expect(frame("海交会常设机构的地址在哪里").expects).toBe("contact");
    expect(title("海交会常设机构的地址在哪里")).toMatch(/府前/);
    expect(title("what is the post code of the convention's permanent organisation")).toMatch(/510032/);
  });

  it("given a role that is itself what is asked, or a place without that role, then no words lead through", () => {
    expect(frame("韩璧丞创办了哪家公司").through).toBeUndefined();
    expect(frame("深圳的常设机构电话是多少").through).toBeUndefined();
    expect(answerTo(core, "深圳的常设机构电话是多少", { language: "zh" }).answered).toBe(false);
  });

  it("given the words of a property of words are all a question asks, then the claim of what it names answers, and nothing else does", () => {
    expect(title("what is the full official name of Guangzhou's 1+4 New Deal")).toMatch(
      /Opinion on Accelerating the Gathering of Leading Talents in Industry/,
    );
    expect(answerTo(core, "what is the official name of the Red Cotton Plan", EN).answered).toBe(false);
  });

  it("given the words of a property of the type the wording asks are all a question asks, then the claim answers though the fact's text lacks them", () => {
    expect(title("where did Yuan Yuyu study")).toMatch(/United States/);
    expect(answerTo(core, "where did Shi Zhongmin study", EN).answered).toBe(false);
    // A type the named property alone suggests ("foreigners": expats employed, a count) excuses nothing.
    expect(title("Hangzhou ranking for foreigners in 2020")).toMatch(/third/);
  });

  it("given 'in total' beside a count property that what is named holds, then it asks nothing more; beside none, it still declines", () => {
    expect(title("How many incubators does Guangzhou have in total?")).toMatch(/280/);
    expect(
      title(
        "How many times in total has Hangzhou been on the list of most attractive cities for foreigners?",
      ),
    ).toMatch(/11th/);
    expect(answerTo(core, "how many returnees work in Beijing in total", EN).answered).toBe(false);
    expect(answerTo(core, "How many returnees does Shenzhen have in total?", EN).answered).toBe(false);
  });

  it("given a count claim whose property is named by what a question counts, then the fact counts it", () => {
    expect(core.claims.counts("red-cotton-10-aspects", "area", "en")).toBe(true);
    expect(core.claims.counts("red-cotton-10-aspects", "incubator", "en")).toBe(false);
  });

  it("matches Chinese names of properties against Chinese questions only", () => {
    const read = frame("广州有多少个孵化器");
    expect(read.properties[0]?.property.id).toBe("incubators");
    expect(read.properties.every((p) => /\p{Script=Han}/u.test(p.by))).toBe(true);
    expect(frame("gz incubators").properties.every((p) => /^[\x20-\x7e]+$/.test(p.by))).toBe(true);
  });
});

describe("what the claim index reads once of the knowledge base", () => {
  it("reads a property's own name into the terms a question's reading gives it, once per language", () => {
    const property = core.claims.ofFact("ceot-2018-organisers")[0]?.property;
    if (property === undefined) throw new Error("the organisers fact has no claim");
    const terms = core.claims.nameTerms(property, "en");
    expect(terms).toEqual(core.vocabulary.read(property.name).terms.map((t) => t.term));
    expect(core.claims.nameTerms(property, "en")).toBe(terms);
    expect(core.claims.nameTerms(property, "zh")).toEqual(
      core.vocabulary.read(property.zh).terms.map((t) => t.term),
    );
  });

  it("finds the entity a claim's value names, and none for a value that names nothing", () => {
    const [organiser] = core.claims.ofFact("ceot-2018-organisers");
    if (organiser === undefined) throw new Error("the organisers fact has no claim");
    expect(core.claims.valueEntity(organiser)?.id).toBe("ministry-of-science-and-technology");
    const figure = core.claims.ofProperty("returnees-drawn")[0];
    expect(figure && core.claims.valueEntity(figure)).toBeUndefined();
  });
});

describe("the headline is the claim that answers", () => {
  it("leads a city's card with a claim about that city, not another city's figure in the same fact", () => {
    expect(runLine("/city Chengdu", core).title).toMatch(
      /^Chengdu · share of returnee entrepreneurs: 6\.6 percent/,
    );
  });

  it("answers 'how many times' with the count of listings, not another count of the city", () => {
    expect(title("how many times has hangzhou made the most attractive cities list")).toMatch(/11th time/);
  });

  it("leads a count asked 'in the report' with the count: the word says where a figure comes from, not what is asked", () => {
    expect(title("headcount of returnees in guangzhou in the report")).toMatch(
      /^Guangzhou · returnees drawn: more than 67,000/,
    );
  });

  it("answers 'what position' with a rank, which says the kind asked by its type, on the list the question describes", () => {
    expect(
      title("what position does guangzhou hold among the cities where returnees start a company"),
    ).toMatch(/^Guangzhou · ranking: fourth \(among favoured places for returnees/);
  });

  it("answers a 'which' by the thing picked whatever it sits in: a forum that alternates, not a convention held in one city", () => {
    expect(title("which forum alternates between guangzhou and shenzhen")).toMatch(
      /^China Venture Capital Forum/,
    );
  });

  it("answers 'which forum' with the event the fact is about, not a figure of the cities it names", () => {
    expect(title("which forum will take place in Guangzhou and Shenzhen in turn")).toMatch(
      /^China Venture Capital Forum · venue/,
    );
  });

  it("answers what a company named with its kind's noun makes, not whose company it is", () => {
    expect(title("what does the company Medprin make")).toMatch(
      /^Medprin .* · what it works on: organ printing/,
    );
  });

  it("answers 'who' with a person, 'when' with a date, 'how much' with money", () => {
    expect(title("who started medprin")).toMatch(/founder: Yuan Yuyu/);
    expect(title("When is the CEOT?")).toMatch(/21-22 December 2018/);
    expect(title("how much in loans got lined up at gz's first vc and startup week")).toMatch(
      /1\.03 billion/,
    );
  });

  it("declines a 'when' that no date answers, rather than dating it by a plan it names, and names the plan", () => {
    const answer = answerTo(core, "When will GAC's research centre in Detroit open?", EN);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/planned to open a research center in Detroit/);
  });

  it("dates by a claim's time the claim a 'when' names by its property or its whole value", () => {
    expect(title("when did petrochina sign the deal with the tsinghua PRD institute")).toMatch(
      /agreements signed: .*May 2017/,
    );
    expect(title("as of when is the guangzhou 67,000 returnees figure")).toMatch(/67,000 .*July 2017/);
  });

  it("dates a plan the 'when' names by a verb alone, which accounts for too little to name it otherwise", () => {
    expect(title("When did GAC say it planned a Detroit research centre?")).toMatch(
      /Detroit .*September 2017/,
    );
    expect(title("广汽什么时候计划在底特律建研发中心")).toMatch(/2017年9月/);
    expect(answerTo(core, "When will GAC's research centre in Detroit open?", EN).answered).toBe(false);
  });

  it("answers 'how many years' with a duration, or with a place held that many years running", () => {
    expect(title("for how many years had hau lee worked at stanford by 2017")).toMatch(/34 years/);
    expect(title("how many years running was hangzhou first for net talent inflow")).toMatch(
      /first \(in China, three years in a row/,
    );
  });

  it("answers 'which city ranks ahead of' a city with the city placed before it, and the phone with the phone", () => {
    expect(title("which cities outranked hangzhou for foreigners in 2020")).toMatch(
      /ranked behind: Beijing and Shanghai/,
    );
    expect(title("what number can I call for the ceot office")).toMatch(/phone number: \(8620\) 83563549/);
  });

  it("answers who wrote an article, and who reported for it, from its byline", () => {
    expect(title("who is the author of the article about returnees driving innovation in china")).toMatch(
      /author: Chen Wang/,
    );
    expect(
      title("which agency contributed extra reporting to the driving innovation in china article"),
    ).toMatch(/additional reporting by: China News Service/);
  });

  it("states the subject, the property, the value and when a figure held, in the asker's language", () => {
    expect(title("How many talent green cards has Guangzhou issued?")).toMatch(
      /^Guangzhou · talent green cards issued: 2,515 \(.*July 2017\)$/,
    );
    expect(title("广州发了多少张人才绿卡")).toMatch(/^广州 · 人才绿卡发放数：2,515（.*2017年7月）$/);
  });

  it("answers 'by how much did it grow' with the growth, not a count of the same half-year", () => {
    expect(title("by how much did Guangzhou's high-tech output grow in the first half of 2017")).toMatch(
      /growth in high-tech output: 11\.6 percent/,
    );
  });

  it("answers where an office is with its full address, not only its district", () => {
    expect(title("where is the CEOT office")).toMatch(/address: 6\/F, Block B/);
  });

  it("answers what someone said with their words, not their post nor what they called a city", () => {
    expect(title("what did Liu Xin say about talents")).toMatch(/^Liu Xin · view: Hangzhou needs talents/);
    expect(title("刘忻怎么看人才")).toMatch(/^刘忻 · 观点/);
    expect(title("who is Liu Xin")).toMatch(/^Liu Xin · position/);
  });

  it("answers who said something with the speaker's words, which name the speaker", () => {
    expect(title("who said keeping talents matters most")).toMatch(/^Hu Nan · view/);
    expect(title("who is the mayor of Hangzhou")).toMatch(/mayor: Liu Xin/);
  });

  it("leads with the claim whose qualifier names the rarer word asked, not a commoner one", () => {
    expect(title("share of beijing returnees in the education sector?")).toMatch(/: 17\.8% \(education/);
  });

  it("declines a property named outright for a city that lacks it, naming the city that has it", () => {
    const answer = answerTo(core, "how many foreign experts are employed in guangzhou", EN);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/foreign experts employed for Hangzhou: 100,000 .*not for Guangzhou/);
  });

  it("declines a count of returnees for a city whose only figures are shares of returnee founders", () => {
    const answer = answerTo(core, "how many returnees does shanghai have", EN);
    expect(answer.answered).toBe(false);
    expect(answer.body).toMatch(/returnees drawn for Guangzhou: more than 67,000 .*not for Shanghai/);
  });

  it("declines a property named by every word that says what is asked, though light words lower its share", () => {
    for (const question of [
      "how many returnees live in chengdu",
      "what is chengdu's total number of returnees",
    ]) {
      const answer = answerTo(core, question, EN);
      expect(answer.answered, question).toBe(false);
      expect(answer.body).toMatch(/returnees drawn for Guangzhou: more than 67,000 .*not for Chengdu/);
    }
    expect(title("how many returnees live in guangzhou")).toMatch(
      /^Guangzhou · returnees drawn: more than 67,000/,
    );
  });

  it("answers a property named outright when the question also names a programme it is counted in", () => {
    expect(title("number of thousand talents program experts in guangzhou")).toMatch(/: 267 /);
  });

  it("takes 'which company' as the kind of answer wanted, not a property the subject must have", () => {
    expect(
      frame("which company does chen weidong work for").properties.map((p) => p.property.id),
    ).not.toContain("company");
    expect(title("which company does chen weidong work for")).toMatch(/works at: Cisco/);
    expect(title("which scientist founded medprin")).toMatch(/founder: Yuan Yuyu/);
  });

  it("answers 'where does someone work' with the employer named outright, and other 'where' questions with a place", () => {
    expect(title("where does hau lee work")).toMatch(/works at: Stanford University/);
    expect(title("where is zhang jiancun employed")).toMatch(/works at: Guangzhou Institutes of Biomedicine/);
    expect(title("where is medprin based")).not.toMatch(/works at/);
  });

  it("given a 'where' naming both a thing and the place it moved to, then answers with another place of it", () => {
    expect(title("where was summba set up before it came to guangzhou")).toMatch(
      /^Summba · where founded: North America/,
    );
    expect(title("who runs xiaoshan's international talent club")).toMatch(/Hu Nan/);
  });

  it("given two asks of one thing, then says both claims in the headline, side by side", () => {
    const both = title(
      "at gz's first venture capital week how many enterprises reached loan deals and for how much",
    );
    expect(both).toMatch(/enterprises funded: 126/);
    expect(both).toMatch(/loans arranged: 1\.03 billion yuan/);
    const held = title("when and where will the 2018 ceot be held");
    expect(held).toMatch(/dates held: 21-22 December 2018/);
    expect(held).toMatch(/venue: Guangzhou/);
    expect(title("how many enterprises reached loan deals at gz's first venture capital week")).toMatch(
      /^[^;]*enterprises funded: 126[^;]*$/,
    );
  });

  it("given things left out ('apart from', 'besides'), then answers with the others, never with them", () => {
    const others = title(
      "other than beijing and shanghai, which cities are becoming hot spots for returnee startups",
    );
    expect(others).toMatch(
      /^Hangzhou, Shenzhen, Guangzhou, Changsha, Suzhou · known as: emerging destinations/,
    );
    expect(others).not.toMatch(/Beijing ·|Shanghai ·/);
    expect(title("aside from silicon valley, where does gac plan a research center")).toMatch(
      /planned site: Detroit/,
    );
    // What is left out ends at a verb: "is GAC planning" is what is asked.
    expect(title("where besides silicon valley is gac planning a research center")).toMatch(
      /^GAC · planned site: Detroit/,
    );
  });

  it("given one word that names a property of someone named, then answers with that claim though no fact says the word", () => {
    expect(title("what is feng xingya's job")).toMatch(/^Feng Xingya · position: GAC general manager/);
    expect(title("what do returnee founders weigh most when they pick shanghai")).toMatch(
      /^Shanghai · main reason for choosing/,
    );
  });

  it("leads 'which ministries' with the claim whose value is a ministry", () => {
    expect(title("which ministries are behind the ceot")).toMatch(/organisers: Ministry of/);
  });

  it("leads the card of someone without curated headlines with what they are, not what they said", () => {
    expect(title("who is jonathan woetzel")).toMatch(/^Jonathan Woetzel · position: .*McKinsey/);
  });

  it("leads an event's card with when it is held", () => {
    expect(title("TECOM Conf Hangzhou 2021")).toMatch(/· dates held: June 18, 2021$/);
  });

  it("reads traditional characters as simplified ones", () => {
    expect(runLine("/city 廣州", core).answered).toBe(true);
    expect(title("廣州有多少海歸")).toBe(title("广州有多少海归"));
  });
});

describe("follow-ups by frame", () => {
  const conversation = (...turns: string[]) => {
    let context = answerTo(core, turns[0] as string).context;
    return turns.slice(1).map((turn) => {
      const answer = answerTo(core, turn, context === undefined ? EN : { ...EN, conversation: context });
      context = answer.context;
      return answer;
    });
  };

  it("declines the last property asked of a subject that lacks it, naming who has it", () => {
    const [shenzhen] = conversation("How many talent green cards has Guangzhou issued?", "and Shenzhen?");
    expect(shenzhen?.answered).toBe(false);
    expect(shenzhen?.body).toMatch(
      /talent green cards issued for Guangzhou: 2,515 \(July 2017\), not for Shenzhen/,
    );
  });

  it("answers 'as of when?' with the time of the claim the conversation is on", () => {
    const [when] = conversation("how many returnees has gz attracted", "as of when?");
    expect(when?.title).toMatch(/^Guangzhou · returnees drawn: .*July 2017/);
  });

  it("reads 'he' as the person the last answer named", () => {
    const [said] = conversation("who founded medprin", "where did he get his doctorate?");
    expect(said?.body).toMatch(/Yuan Yuyu/);
  });
});

describe("kb-check and the loader hold claims to the text", () => {
  const check = async (dir: string) => {
    const { code, err } = await runCli(["kb-check"], { KNOWLEDGE_DIR: dir, UNANSWERED_LOG: "off" });
    return { code, errors: err };
  };
  const editFacts = (change: (facts: { id: string; claims: unknown[] }[]) => void) => {
    const dir = copyOfFixture();
    const file = path.join(dir, "facts", "alpha.json");
    const facts = JSON.parse(readFileSync(file, "utf8"));
    change(facts);
    writeFileSync(file, JSON.stringify(facts));
    return dir;
  };

  it("fails naming a figure of a fact that no claim accounts for", async () => {
    const dir = editFacts((facts) => {
      const fact = facts.find((f) => f.id === "a-green-cards");
      if (fact !== undefined) fact.claims = [];
    });
    const { code, errors } = await check(dir);
    expect(code).toBe(1);
    expect(errors).toContain('fact a-green-cards: the figure "2,515" belongs to no claim');
  });

  it("passes the shipped fixture, every figure claimed", async () => {
    expect((await check(copyOfFixture())).code).toBe(0);
  });

  it("refuses a claim of an unknown property, or a value its fact does not state, naming file and path", () => {
    const dir = editFacts((facts) => {
      const fact = facts.find((f) => f.id === "a-green-cards");
      if (fact !== undefined)
        fact.claims = [{ subject: "guangzhou", property: "no-such-property", value: "3,000" }];
    });
    let error: KnowledgeError | undefined;
    try {
      loadKnowledge(dir);
    } catch (e) {
      error = e as KnowledgeError;
    }
    expect(error?.message).toContain("facts/alpha.json");
    expect(error?.message).toContain('.claims[0].property: unknown property "no-such-property"');
    expect(error?.message).toContain('.claims[0].value: "3,000" does not appear in the fact\'s text');
  });
});

describe("answering which organisation", () => {
  it("leads 'which magazine' with the publication a claim names, not a person or a company nearby", () => {
    expect(title("which magazine called organ printing a world-changing tech")).toMatch(/Business 2\.0/);
  });
});

describe("a question that picks a thing of some kind", () => {
  it("given 'which firm', then it picks an organisation; given 'who hosted', then it picks nothing", () => {
    expect(readEn("which firm opened an office in silicon valley").picks).toBe("organisation");
    expect(readEn("which three cities attract more founders").picks).toBe("place");
    expect(readEn("who hosted the convention").picks).toBeUndefined();
  });

  it("given two things of that kind named, then it picks among them and nothing else", () => {
    expect(readEn("which city drew more returnees, guangzhou or hangzhou").picks).toBeUndefined();
  });

  it("given a claim whose subject is of that kind, then the subject leads", () => {
    expect(title("which firm opened an office in silicon valley in early 2016")).toMatch(/^Iflytek/);
  });

  it("given a thing of that kind named, then another one of its kind leads, not it", () => {
    expect(title("which cities attract more returnee founders than guangzhou")).toMatch(/^Beijing/);
  });

  it("given a 'which company' question with nothing else to ask of the place, then it is no overview", () => {
    expect(title("which AI company moved to Guangzhou")).toMatch(/^Summba/);
  });
});

describe("a property named only in common words", () => {
  it("given 'originally called', then the former name leads, not the card", () => {
    expect(title("what was the CEOT originally called")).toMatch(/former name: .*Exchange Convention/);
    expect(title("what was the CEOT called before it got its current name?")).toMatch(/former name: /);
  });
});
