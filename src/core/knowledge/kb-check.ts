import { compact, isCjk, tokens } from "../language/text.js";
import type { Vocabulary } from "../language/vocabulary.js";
import type { KnowledgeBase } from "./loader.js";
import { dueForReview } from "./review.js";
import type { Entity, Fact, Faq, Figure } from "./schema.js";

/**
 * Problems of curation that do not stop loading but make the knowledge base worse than it looks:
 * a keyword that can never match, an alias that repeats a name, an FAQ phrasing that only repeats
 * its fact, a record with no Chinese text. Each warning names the record by id and says what is wrong.
 *
 * With a vocabulary, words are compared by their canonical terms (lemmas and curated synonyms), so
 * that "issued" repeats "issue" and a keyword "counted" is as empty as "count"; without one, by
 * their normalised spelling.
 *
 * Chinese user-facing messages need no check here: messages.zh.ts is typed as `Messages`, so the
 * compiler already refuses it when a key is missing.
 */
export function checkKnowledge(kb: KnowledgeBase, vocabulary?: Vocabulary): string[] {
  const canonical = (word: string): string =>
    vocabulary === undefined || isCjk(word) ? word : vocabulary.term(word).term;
  return [
    ...[...kb.facts.values()].flatMap((fact) =>
      emptyKeywords(fact, canonical, new Set(kb.grammar.en.stopwords)),
    ),
    ...[...kb.entities.values()].flatMap(repeatedAliases),
    ...kb.faqs.flatMap((faq) => echoingPhrasings(faq, kb, canonical)),
    ...missingChinese(kb),
  ];
}

/**
 * Keywords made only of stop words: questions lose those words before searching, so such a
 * keyword adds nothing. A word in capitals ("US", "IT") is an acronym, not a stop word (issue 9).
 */
function emptyKeywords(
  fact: Fact,
  canonical: (word: string) => string,
  stopwords: ReadonlySet<string>,
): string[] {
  return fact.keywords
    .filter((keyword) => {
      const acronyms = new Set([...keyword.matchAll(/\b[A-Z]{2,5}\b/g)].map((m) => m[0].toLowerCase()));
      return tokens(keyword).every(
        (w) => !acronyms.has(w) && (stopwords.has(w) || stopwords.has(canonical(w))),
      );
    })
    .map(
      (keyword) => `fact ${fact.id}: keyword "${keyword}" can never match: every word of it is a stop word`,
    );
}

/**
 * Aliases equal, spaces and case aside, to the entity's own name or to an earlier alias of its own,
 * that bring no word of their own. An alias that splits or joins the name's words differently
 * ("Guang Zhou", "greencard") is kept: typo correction learns its words.
 */
function repeatedAliases(entity: Entity): string[] {
  const seen = new Map<string, string>([[compact(entity.name), `its name "${entity.name}"`]]);
  const words = new Set(tokens(entity.name));
  const warnings: string[] = [];
  for (const alias of entity.aliases) {
    const key = compact(alias);
    const earlier = seen.get(key);
    const own = tokens(alias).filter((w) => !words.has(w));
    if (earlier !== undefined && own.length === 0) {
      warnings.push(`entity ${entity.id}: alias "${alias}" repeats ${earlier}`);
      continue;
    }
    seen.set(key, `its alias "${alias}"`);
    for (const w of own) words.add(w);
  }
  return warnings;
}

/**
 * FAQ phrasings that only repeat the text of the fact answering them first: every word of the
 * phrasing is in the fact already, so it teaches the index no new way of asking.
 */
function echoingPhrasings(faq: Faq, kb: KnowledgeBase, canonical: (word: string) => string): string[] {
  const [first] = faq.facts;
  const fact = first === undefined ? undefined : kb.facts.get(first);
  if (fact === undefined) return [];
  const factWords = new Set(tokens(fact.text).map(canonical));
  return faq.questions
    .filter((question) => {
      const words = tokens(question).map(canonical);
      return words.length > 0 && words.every((w) => factWords.has(w));
    })
    .map((question) => `faq ${faq.id}: phrasing "${question}" only repeats the text of fact ${fact.id}`);
}

/**
 * Problems that fail the check: a figure of a fact's text that no claim of the fact accounts for,
 * so nothing says what it measures or whose it is. A figure is accounted for when it is, or is part
 * of, a claim's value or qualifier; or is a date in the year a claim holds for ("July 2017" for a
 * claim of July 2017); or is part of the name of a claim's subject ("2018" in "2018 CEOT").
 */
export function claimProblems(kb: KnowledgeBase): string[] {
  return [...kb.facts.values()].flatMap((fact) =>
    fact.figures
      .filter((figure) => !claimed(fact, figure, kb))
      .map((figure) => `fact ${fact.id}: the figure "${figure.text}" belongs to no claim`),
  );
}

function claimed(fact: Fact, figure: Figure, kb: KnowledgeBase): boolean {
  const text = figure.text.toLowerCase();
  const has = (within: string | undefined) => within?.toLowerCase().includes(text) === true;
  return fact.claims.some((claim) => {
    const subject = kb.entities.get(claim.subject);
    const when = claim.asOf ?? fact.asOf ?? kb.sources.get(fact.source)?.date ?? undefined;
    return (
      has(claim.value) ||
      has(claim.qualifier) ||
      (figure.type === "date" && when !== undefined && text.includes(when.slice(0, 4))) ||
      (subject !== undefined && [subject.name, ...subject.aliases].some(has))
    );
  });
}

/** Every fact, entity and FAQ entry needs its Chinese text under knowledge/zh/. */
function missingChinese(kb: KnowledgeBase): string[] {
  const missing = (what: string, ids: Iterable<string>, has: ReadonlyMap<string, unknown>, file: string) =>
    [...ids]
      .filter((id) => !has.has(id))
      .map((id) => `${what} ${id}: has no Chinese text (add it under knowledge/zh/${file}/)`);
  return [
    ...missing("fact", kb.facts.keys(), kb.zh.facts, "facts"),
    ...missing("entity", kb.entities.keys(), kb.zh.entities, "entities"),
    ...missing(
      "faq",
      kb.faqs.map((f) => f.id),
      kb.zh.faqs,
      "faq",
    ),
  ];
}

/**
 * Facts due for review on a day (`kb-check --stale`), longest overdue first: since when, which
 * claims, and the last check. Warnings: a figure past its date still answers, saying its age.
 */
export function staleFacts(kb: KnowledgeBase, today: Date): string[] {
  return dueForReview(kb, today).map(({ fact, since, claims, reviewed }) => {
    const which = claims.length === 1 && claims[0] === fact ? "" : ` (${claims.join(", ")})`;
    const last = reviewed === undefined ? "never reviewed" : `last reviewed ${reviewed.on} by ${reviewed.by}`;
    return `fact ${fact}: due for review since ${since}${which}; ${last}`;
  });
}
