import type { Core } from "../core/core.js";
import { changesBetween, type KnowledgeChanges } from "./knowledge-changes.js";

/** A reload's outcome: what changed, or the problem that kept the old knowledge serving. */
export type Reloaded = { ok: true; changes: KnowledgeChanges } | { ok: false; problem: string };

/** A core over the knowledge folder as it is on disk, or the problem that stops it loading. */
export type Candidate = { ok: true; core: Core } | { ok: false; problem: string };

/** Where a reload was asked for: on this instance (a signal, a curator), or on another one. */
export type ReloadOrigin = "here" | "elsewhere";

export type ReloadListener = (result: Reloaded, origin: ReloadOrigin) => void;

/**
 * The core every surface answers from, read afresh for each question, and swapped at once by a
 * reload that has loaded and validated the whole knowledge folder; a folder that fails to load
 * leaves the core that was serving in place. The core itself stays platform-neutral: this is
 * the only thing that knows answers can change under a running bot.
 */
export class LiveCore {
  private live: Core;
  private readonly listeners: ReloadListener[] = [];

  /** `load` reads and validates the configured knowledge folder afresh (Core.load); it throws on a bad one. */
  constructor(
    core: Core,
    private readonly load: () => Core,
  ) {
    this.live = core;
  }

  /** The core answering now. */
  get core(): Core {
    return this.live;
  }

  /** A core over the folder as it is on disk now, without making it live. */
  candidate(): Candidate {
    try {
      return { ok: true, core: this.load() };
    } catch (error) {
      // A KnowledgeError names the file and the path in it; anything else (a folder gone) its cause.
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Loads the folder and, if it is sound, makes it live at once; every listener hears the outcome. */
  reload(origin: ReloadOrigin = "here"): Reloaded {
    const candidate = this.candidate();
    const result: Reloaded = candidate.ok
      ? { ok: true, changes: changesBetween(this.live.kb, candidate.core.kb) }
      : candidate;
    if (candidate.ok) this.live = candidate.core;
    for (const listener of this.listeners) listener(result, origin);
    return result;
  }

  /** Hears every reload's outcome from now on. */
  onReload(listener: ReloadListener): void {
    this.listeners.push(listener);
  }
}
