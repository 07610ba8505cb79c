import Fuse from "fuse.js";
import { type KnowledgeBase, loadKnowledge } from "../../src/core/knowledge/loader.js";
import { factDocuments, replyWith } from "./documents.js";
import type { System } from "./system.js";

/** Plain fuse.js over the fact texts with its default options; the index is built once. */
export function fuseSystem(kb: KnowledgeBase): System {
  const documents = factDocuments(kb);
  const fuse = new Fuse(documents.map((d) => d.text));
  return {
    name: "fuse.js",
    answer(line) {
      const [top] = fuse.search(line, { limit: 1 });
      return replyWith(top === undefined ? undefined : documents[top.refIndex]);
    },
  };
}

export function loadFuse(knowledgeDir: string): System {
  return fuseSystem(loadKnowledge(knowledgeDir));
}
