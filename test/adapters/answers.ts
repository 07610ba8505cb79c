/**
 * Answers the renderer tests share: a builder, a realistic card in English and in Chinese, and
 * fast-check arbitraries for any answer and any card, long Chinese text included.
 */
import fc from "fast-check";
import type { Reply, Suggestion } from "../../commands/index.js";
import type { AnswerFact, CitedSource } from "../../src/core/types.js";

/** An answer with the given parts, and plain defaults for the rest. */
export function answerOf(parts: Partial<Reply>): Reply {
  return {
    answered: true,
    language: "en",
    title: "A title",
    body: "A body.",
    facts: [],
    sources: [],
    ageNote: "",
    suggestions: [],
    score: 1,
    ...parts,
  };
}

export const SOURCE: CitedSource = {
  id: "s1",
  title: "Hangzhou: Maintaining momentum as a magnet for global talent",
  publisher: "China.org.cn",
  author: "Wang Yiming",
  date: "2021-12-15",
  age: "published 2021-12-15, 4 years ago",
};

export const HEADLINE = "Hangzhou had drawn 2.85 million talents by 2021.";

const fact = (i: number, text: string): AnswerFact => ({
  id: `f${i}`,
  text,
  topic: "returnees",
  sourceId: SOURCE.id,
  asOf: "as of December 2021",
});

/** A city's card as the core gives it: the headline first, eight lines, and its topics with more. */
export function card(language: "en" | "zh" = "en"): Reply {
  const zh = language === "zh";
  const more: Suggestion[] = [
    {
      command: "city",
      args: { name: "Hangzhou", topic: "clubs" },
      label: zh ? "人才俱乐部 (5)" : "talent clubs (5)",
    },
    {
      command: "city",
      args: { name: "Hangzhou", topic: "investment" },
      label: zh ? "投资 (3)" : "investment (3)",
    },
  ];
  return answerOf({
    language,
    title: zh ? "杭州：2021年吸引285万人才" : "Hangzhou: 2.85 million talents (2021)",
    body: zh ? "截至2021年，杭州已吸引285万人才。" : HEADLINE,
    facts: Array.from({ length: 8 }, (_, i) =>
      fact(
        i,
        zh
          ? `第${i + 1}条：杭州的海归人才计划在2021年为每位回国的毕业生提供补贴和创业支持。`
          : `Fact ${i + 1}: Hangzhou's returnee programmes gave each returning graduate support in 2021.`,
      ),
    ),
    sources: [SOURCE],
    ageNote: zh ? "这些数据来自2021年12月，政策可能已有变化。" : "These figures date from December 2021.",
    more,
    suggestions: [{ command: "policy", args: { name: "115 Plan" } }],
  });
}

const CHINESE = fc.constantFrom("海", "归", "人", "才", "绿", "卡", "广", "州", "。", "，", "万");

/** Text of up to `max` characters, mostly Chinese, among any others, markup and mentions included. */
export function text(max: number, min = 0) {
  const unit = fc.oneof(
    { weight: 3, arbitrary: CHINESE },
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    fc.constantFrom(" ", "\n", "<", ">", "&", "@here", "😀"),
  );
  return fc.string({ unit, minLength: min, maxLength: max });
}

/** Words as the knowledge base writes them: Chinese, Latin letters, digits and spaces. */
function words(max: number, min = 0) {
  const unit = fc.oneof({ weight: 3, arbitrary: CHINESE }, fc.constantFrom("a", "Z", "7", " ", "2,515"));
  return fc.string({ unit, minLength: min, maxLength: max });
}

const suggestion = fc.record({
  command: fc.constantFrom("city", "policy", "ask", "convention"),
  args: fc.dictionary(fc.constantFrom("name", "question", "topic"), text(40, 1), { maxKeys: 2 }),
});
const topic = fc.tuple(suggestion, text(60, 1)).map(([s, label]): Suggestion => ({ ...s, label }));

/** Any answer, up to sizes far past every platform's limits. */
export function arbitraryAnswer(sizes: { text: number; facts: number; sources: number }) {
  const source = fc
    .record({
      id: fc.constantFrom("a", "b", "c", "d"),
      title: text(sizes.text / 4, 1),
      publisher: text(sizes.text / 4, 1),
      author: fc.option(text(200, 1), { nil: undefined }),
      date: fc.option(fc.constant("2021-12-15"), { nil: null }),
      age: text(100, 1),
    })
    .map(({ author, ...s }): CitedSource => (author === undefined ? s : { ...s, author }));
  const aFact = fc.record({
    id: fc.string(),
    text: text(sizes.text, 1),
    topic: fc.constant("returnees" as const),
    sourceId: fc.constantFrom("a", "b", "c", "d", "unknown"),
    asOf: text(40),
  });
  return fc
    .record({
      answered: fc.boolean(),
      language: fc.constantFrom("en" as const, "zh" as const),
      title: text(400),
      body: text(sizes.text),
      facts: fc.array(aFact, { maxLength: sizes.facts }),
      sources: fc.array(source, { maxLength: sizes.sources }),
      ageNote: text(sizes.text),
      more: fc.option(fc.array(topic, { maxLength: 20 }), { nil: undefined }),
      suggestions: fc.array(suggestion, { maxLength: 12 }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ more, ...a }): Reply => (more === undefined ? a : { ...a, more }));
}

/**
 * A card as the core may make one, however long its parts run: a headline, up to a dozen long
 * facts, one to three sources, up to eight topics and three follow-ups, in Chinese or English.
 */
export const arbitraryCard = fc
  .record({
    language: fc.constantFrom("en" as const, "zh" as const),
    title: words(300, 1),
    body: words(600, 1),
    facts: fc.array(words(400, 1), { maxLength: 12 }),
    sources: fc.array(fc.record({ title: words(80, 1), publisher: words(30, 1) }), {
      minLength: 1,
      maxLength: 3,
    }),
    ageNote: words(400),
    more: fc.array(
      fc.record({
        command: fc.constant("city"),
        args: fc.record({ name: words(20, 1), topic: words(12, 1) }),
        label: words(60, 1),
      }),
      { maxLength: 8 },
    ),
    suggestions: fc.array(
      fc.record({ command: fc.constant("city"), args: fc.record({ name: words(20, 1) }) }),
      {
        maxLength: 3,
      },
    ),
  })
  .map(
    (c): Reply =>
      answerOf({
        ...c,
        facts: c.facts.map((t, i) => ({ ...fact(i, t), sourceId: `s${i % c.sources.length}` })),
        sources: c.sources.map((s, i) => ({ ...SOURCE, ...s, id: `s${i}`, author: "A. Writer" })),
      }),
  );
