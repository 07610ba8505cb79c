import { describe, expect, it } from "vitest";
import { understand } from "../../../src/core/language/understand.js";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const read = (question: string) => understand(question, core.vocabulary, "en");
const title = (question: string) => answerTo(core, question, { language: "en" }).title;

describe("a question that picks a thing of some kind", () => {
  it("given 'which firm', then it picks an organisation; given 'who hosted', then it picks nothing", () => {
    expect(read("which firm opened an office in silicon valley").picks).toBe("organisation");
    expect(read("which three cities attract more founders").picks).toBe("place");
    expect(read("who hosted the convention").picks).toBeUndefined();
  });

  it("given two things of that kind named, then it picks among them and nothing else", () => {
    expect(read("which city drew more returnees, guangzhou or hangzhou").picks).toBeUndefined();
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
