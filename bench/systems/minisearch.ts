import MiniSearch from "minisearch";
import { type KnowledgeBase, loadKnowledge } from "../../src/core/knowledge/loader.js";
import { type FactDocument, factDocuments, replyWith } from "./documents.js";
import type { System } from "./system.js";

/** MiniSearch (BM25) over the same fact texts with its default search options; indexed once. */
export function miniSearchSystem(kb: KnowledgeBase): System {
  const documents = factDocuments(kb);
  const index = new MiniSearch<FactDocument>({ fields: ["text"] });
  index.addAll(documents);
  return {
    name: "minisearch",
    answer(line) {
      const [top] = index.search(line);
      return replyWith(top === undefined ? undefined : documents[top.id as number]);
    },
  };
}

export function loadMiniSearch(knowledgeDir: string): System {
  return miniSearchSystem(loadKnowledge(knowledgeDir));
}
