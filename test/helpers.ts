import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Core } from "../src/core/core.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** A small knowledge base made for tests, independent of the curated one. */
export const FIXTURE_KNOWLEDGE = path.join(here, "fixtures", "knowledge");

/** The day tests pretend it is, so that ages in answers are fixed. */
export const TODAY = new Date("2026-11-21T12:00:00Z");

export function fixtureCore(): Core {
  return Core.load({ knowledgeDir: FIXTURE_KNOWLEDGE, now: () => TODAY });
}

/** The curated knowledge base, with the clock fixed. */
export function realCore(): Core {
  return Core.load({ now: () => TODAY });
}

/** A writable copy of the fixture knowledge base, to break in a test. */
export function copyOfFixture(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "returnee-kb-")), "knowledge");
  cpSync(FIXTURE_KNOWLEDGE, dir, { recursive: true });
  return dir;
}
