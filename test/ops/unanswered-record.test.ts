import { describe, expect, it } from "vitest";
import { runLine } from "../../commands/index.js";
import { questionText, unansweredRecord } from "../../src/ops/unanswered-record.js";
import { fixtureCore, TODAY } from "../helpers.js";

const core = fixtureCore();

describe("the text a curator reads", () => {
  it("drops mentions, channel links, broadcasts and snowflakes, which carry ids", () => {
    const text = questionText(
      "<@123456789012345678> <@U0G9QF9C6> ask <#C123|general> <!channel> 123456789012345678 Shenzhen?",
    );
    expect(text).toBe("ask shenzhen");
  });

  it("normalises the question it is given, command syntax included: the caller drops that", () => {
    expect(questionText("How MANY returnees, in Shenzhen?")).toBe("how many returnees in shenzhen");
    expect(questionText("/city Atlantis")).toBe("city atlantis");
  });
});

describe("the record of a declined question", () => {
  it("given a declined question, then dates it and lists each fact considered once", () => {
    const record = unansweredRecord("slack", "/city Atlantis", runLine("/city Atlantis", core), TODAY);
    expect(record).toEqual({
      time: TODAY.toISOString(),
      platform: "slack",
      language: "en",
      text: "city atlantis",
      considered: [],
    });
  });

  it("given an answered question, then there is nothing to record", () => {
    expect(
      unansweredRecord("slack", "gz green cards", runLine("gz green cards", core), TODAY),
    ).toBeUndefined();
  });
});
