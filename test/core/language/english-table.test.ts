import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/core/knowledge/loader.js";
import { buildEnglishTable, lookup, readEnglishTable } from "../../../src/core/language/english/table.js";
import {
  winkIsSubjectWord,
  winkLemma,
  winkLexiconWords,
  winkTags,
} from "../../../src/core/language/english/wink.js";
import { isEnglishWord, isSubjectWord, lemma } from "../../../src/core/language/lemma.js";
import { tokens } from "../../../src/core/language/text.js";

/** What wink itself says of a word: the readings the table must reproduce. */
function wink(word: string) {
  const base = winkLemma(word);
  return {
    lemma: base,
    english: winkTags(word) !== undefined || winkTags(base) !== undefined,
    subject: winkIsSubjectWord(word),
  };
}

function ours(word: string) {
  return { lemma: lemma(word), english: isEnglishWord(word), subject: isSubjectWord(word) };
}

/** Every 7th lexicon word with its likely inflections, the knowledge base's words, typos and odd tokens. */
function sample(): string[] {
  const kb = loadKnowledge();
  const kbWords = tokens(
    [...kb.facts.values()].map((f) => f.text).join(" ") + kb.faqs.flatMap((f) => f.questions).join(" "),
  );
  const lexicon = winkLexiconWords().filter((_, i) => i % 7 === 0);
  const forms = lexicon.flatMap((w) => [w, `${w}s`, `${w}ed`, `${w}ing`, `${w}es`, `${w}er`]);
  const odd = ["boss", "bosses", "business", "children", "went", "better", "retunrees", "guangzhuo", "xyzzy"];
  return [...new Set([...kbWords, ...forms, ...odd, "constructor", "__proto__", "2018", "广州", "'s"])];
}

describe("the generated English table", () => {
  it("was written by the build, so start-up need not load wink", () => {
    expect(readEnglishTable()).toBeDefined();
  });

  it("gives every sampled word the lemma and parts of speech wink gives it", () => {
    const words = sample();
    const differing = words.filter((w) => JSON.stringify(ours(w)) !== JSON.stringify(wink(w)));
    expect(differing).toEqual([]);
    expect(words.length).toBeGreaterThan(5000);
  });

  it("given a table built from a few words, then they and the lexicon's inflections read as wink reads them", () => {
    const find = lookup(buildEnglishTable(["returnee", "hukou", "talented"]));
    for (const word of ["returnee", "hukou", "talented", "cities", "issued", "running", "children"]) {
      expect(find(word)?.lemma, word).toBe(winkLemma(word));
    }
    // Not a form wink reduces ("returnee" is not in WordNet), so not in the table: its own lemma.
    expect(find("returnees")).toBeUndefined();
    expect(winkLemma("returnees")).toBe("returnees");
    expect(find("xyzzy")).toBeUndefined();
  });
});
