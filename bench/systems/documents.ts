import type { KnowledgeBase } from "../../src/core/knowledge/loader.js";
import type { Reply } from "../../test/eval/grade.js";

/** What a baseline searches: one fact's text, with the title of the article it comes from. */
export interface FactDocument {
  id: number;
  text: string;
  sourceTitle: string;
}

export function factDocuments(kb: KnowledgeBase): FactDocument[] {
  return [...kb.facts.values()].map((fact, id) => ({
    id,
    text: fact.text,
    sourceTitle: kb.sources.get(fact.source)?.title ?? fact.source,
  }));
}

/** A baseline answers with its top hit's text and source title, and declines when it has no hit. */
export function replyWith(hit: FactDocument | undefined): Reply {
  if (hit === undefined) return { answered: false, text: "", sources: [] };
  return { answered: true, text: `${hit.text}\n${hit.sourceTitle}`, sources: [{ title: hit.sourceTitle }] };
}
