import type { System, SystemName } from "./system.js";

export { isSystemName, SYSTEM_NAMES, type System, type SystemName } from "./system.js";

/**
 * Loads one system over a knowledge folder, importing only that system's modules, so that a
 * cold start pays for nothing another system needs.
 */
export async function loadSystem(name: SystemName, knowledgeDir: string): Promise<System> {
  switch (name) {
    case "bot":
      return (await import("./bot.js")).loadBot(knowledgeDir);
    case "fuse.js":
      return (await import("./fuse.js")).loadFuse(knowledgeDir);
    case "minisearch":
      return (await import("./minisearch.js")).loadMiniSearch(knowledgeDir);
  }
}
