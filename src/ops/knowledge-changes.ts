import type { KnowledgeBase } from "../core/knowledge/loader.js";

/** What a reload did to one kind of item, by id. */
export interface Changed {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What a reload changed: facts, FAQs and entities, each with their Chinese text. */
export interface KnowledgeChanges {
  facts: Changed;
  faqs: Changed;
  entities: Changed;
}

/** Items by id, each as the JSON of what a reader of it sees: its own fields and its Chinese text. */
type Shown = ReadonlyMap<string, string>;

function changed(before: Shown, after: Shown): Changed {
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    changed: [...after].filter(([id, text]) => before.has(id) && before.get(id) !== text).map(([id]) => id),
    removed: [...before.keys()].filter((id) => !after.has(id)),
  };
}

function shown<T extends { id: string }>(items: Iterable<T>, chinese: ReadonlyMap<string, unknown>): Shown {
  return new Map([...items].map((item) => [item.id, JSON.stringify([item, chinese.get(item.id)])]));
}

/** The facts, FAQs and entities one knowledge base adds, changes and removes from another. */
export function changesBetween(before: KnowledgeBase, after: KnowledgeBase): KnowledgeChanges {
  return {
    facts: changed(
      shown(before.facts.values(), before.zh.facts),
      shown(after.facts.values(), after.zh.facts),
    ),
    faqs: changed(shown(before.faqs, before.zh.faqs), shown(after.faqs, after.zh.faqs)),
    entities: changed(
      shown(before.entities.values(), before.zh.entities),
      shown(after.entities.values(), after.zh.entities),
    ),
  };
}

/** The counts alone, for a log line: `{ facts: { added: 1, changed: 0, removed: 0 }, … }`. */
export function changeCounts(
  changes: KnowledgeChanges,
): Record<keyof KnowledgeChanges, Record<keyof Changed, number>> {
  const count = (c: Changed) => ({
    added: c.added.length,
    changed: c.changed.length,
    removed: c.removed.length,
  });
  return { facts: count(changes.facts), faqs: count(changes.faqs), entities: count(changes.entities) };
}
