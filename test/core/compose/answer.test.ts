import { describe, expect, it } from "vitest";
import { answerTo, realCore } from "../../helpers.js";

const core = realCore();
const ZH = { language: "zh" } as const;

describe("a headline in Chinese", () => {
  it("given a translated name, keeps the source's own name beside it", () => {
    const { title } = answerTo(core, "海交会原来的名字是什么", ZH);
    expect(title).toContain("中国留学人员广州科技交流会");
    expect(title).toContain(
      "（Guangzhou Science and Technology Exchange Convention for Chinese Overseas Students）",
    );
  });

  it("given a person or a company the sources name only in English, keeps their spelling beside ours", () => {
    expect(answerTo(core, "迈普医学的创始人是谁", ZH).title).toContain("袁玉宇（Yuan Yuyu）");
    expect(answerTo(core, "韩璧丞在哪家公司", ZH).title).toContain(
      "（Zhejiang Qiangnao Technology Co., Ltd）",
    );
  });

  it("given a Chinese name that already holds the English one, does not write it twice", () => {
    const { title } = answerTo(core, "在斯坦福任教的院士是谁", ZH);
    expect(title).toContain("李效良（Hau Lee）");
    expect(title).not.toContain("（Hau Lee）（Hau Lee）");
  });

  it("given a figure, says it in Chinese only", () => {
    const { title } = answerTo(core, "2018年海交会预计有多少人参加", ZH);
    expect(title).toContain("5万");
    expect(title).not.toMatch(/[A-Za-z]/);
  });
});

describe("a headline of several values", () => {
  it("given values that fit a short line, then names them all", () => {
    const { title } = answerTo(core, "where did the ceot organisers travel to promote it");
    expect(title).toContain("Republic of Korea");
    expect(title).not.toMatch(/more/);
  });

  it("given long values, then names the first three and how many more", () => {
    expect(answerTo(core, "who organised the 2018 ceot").title).toMatch(/, and 3 more$/);
  });
});
