import type { System, SystemName } from "./system.js";

export { isSystemName, SYSTEM_NAMES, type System, type SystemName } from "./system.js";

export type Loader = (knowledgeDir: string) => System;

/**
 * Imports one system's modules and returns its loader, importing nothing another system needs,
 * so that a cold start pays only for its own system.
 */
export async function importSystem(name: SystemName): Promise<Loader> {
  switch (name) {
    case "bot":
      return (await import("./bot.js")).loadBot;
    case "fuse.js":
      return (await import("./fuse.js")).loadFuse;
    case "minisearch":
      return (await import("./minisearch.js")).loadMiniSearch;
  }
}

export async function loadSystem(name: SystemName, knowledgeDir: string): Promise<System> {
  return (await importSystem(name))(knowledgeDir);
}
