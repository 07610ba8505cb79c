/**
 * Writes dist/generated/english.json, the lemmas and parts of speech start-up reads instead of
 * loading wink-lemmatizer and wink-lexicon (see src/core/language/english/table.ts). Run by `npm run build`,
 * with the words of knowledge/: a rare word a curator adds (one wink-lexicon does not list) reads as
 * its own lemma until the next build.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultKnowledgeDir } from "../src/core/knowledge/loader.js";
import { generatedDir } from "../src/core/knowledge/package-root.js";
import { buildEnglishTable, ENGLISH_TABLE_FILE } from "../src/core/language/english/table.js";
import { normalise } from "../src/core/language/text.js";

/** Every key and string of every JSON file under a folder, as normalised words. */
function wordsUnder(dir: string, into: Set<string>): Set<string> {
  const visit = (value: unknown): void => {
    if (typeof value === "string") for (const w of normalise(value).split(" ")) into.add(w);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        visit(key);
        visit(inner);
      }
    }
  };
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) wordsUnder(file, into);
    else if (entry.name.endsWith(".json"))
      visit(JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")));
  }
  return into;
}

const table = buildEnglishTable(wordsUnder(defaultKnowledgeDir(), new Set()));
mkdirSync(generatedDir(), { recursive: true });
writeFileSync(path.join(generatedDir(), ENGLISH_TABLE_FILE), JSON.stringify(table));
