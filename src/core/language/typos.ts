import { createRequire } from "node:module";
import type Fuse from "fuse.js";
import type { IFuseOptions } from "fuse.js";
import { editDistance, isCjk, isNumber } from "./text.js";

/** Frozen fuse.js options for matching one mistyped word against the words the knowledge base uses. */
const FUZZY_OPTIONS: Readonly<IFuseOptions<string>> = Object.freeze({
  includeScore: true,
  threshold: 0.45,
  ignoreLocation: true,
  minMatchCharLength: 3,
});
/** fuse.js (its CommonJS build) is loaded on the first word that may be a typo, not at start-up. */
const loadFuse = () => createRequire(import.meta.url)("fuse.js") as typeof Fuse;
/** How many fuse.js matches are checked by edit distance. */
const FUZZY_CANDIDATES = 8;
/** Shorter words are too easily another real word to be corrected. */
const MIN_FUZZY_LENGTH = 5;

/** Edit distance a word of this length may have from the known word it is taken for. */
function allowedTypos(length: number): number {
  return length >= 8 ? 2 : 1;
}

/**
 * The group a known word is searched in: its first letter and its length. A typo is looked for only
 * among words that begin alike and are within the allowed edits in length, never the whole vocabulary.
 */
function groupKey(word: string, length = word.length): string {
  return `${word[0]}${length}`;
}

/**
 * Whether two words end in the same letter. Between known words as close to a typo, the one that
 * ends as it does is taken: a word's last letter is seldom the one mistyped ("foundr" is "founder",
 * not "found").
 */
function endsAlike(typed: string, known: string): boolean {
  return typed.at(-1) === known.at(-1);
}

/** Corrects mistyped words to the words the knowledge base uses: fuse.js, then edit distance to decide. */
export class TypoCorrector {
  private readonly known: ReadonlySet<string>;
  /** Known words by group; each group's fuse.js index is made when a typo is first looked for in it. */
  private readonly grouped = new Map<string, string[]>();
  private readonly groups = new Map<string, Fuse<string> | undefined>();

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    for (const word of this.known) {
      if (word.length < MIN_FUZZY_LENGTH - 1 || isCjk(word) || isNumber(word)) continue;
      const key = groupKey(word);
      const list = this.grouped.get(key);
      if (list === undefined) this.grouped.set(key, [word]);
      else list.push(word);
    }
  }

  private group(key: string): Fuse<string> | undefined {
    if (!this.groups.has(key)) {
      const list = this.grouped.get(key);
      const FuseClass = loadFuse();
      this.groups.set(key, list === undefined ? undefined : new FuseClass(list, FUZZY_OPTIONS));
    }
    return this.groups.get(key);
  }

  /** Whether a word is one the knowledge base uses, as it is written. */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  /** The known word a mistyped word most likely stands for, if it is close enough (the vocabulary remembers each word's spelling). */
  correct(word: string): string | undefined {
    if (word.length < MIN_FUZZY_LENGTH || isCjk(word) || isNumber(word) || this.known.has(word))
      return undefined;
    const limit = allowedTypos(word.length);
    let best: { word: string; distance: number } | undefined;
    for (let length = word.length - limit; length <= word.length + limit; length++) {
      for (const { item } of this.group(groupKey(word, length))?.search(word, { limit: FUZZY_CANDIDATES }) ??
        []) {
        const distance = editDistance(word, item, limit);
        if (distance > limit) continue;
        if (
          best === undefined ||
          distance < best.distance ||
          (distance === best.distance && endsAlike(word, item) && !endsAlike(word, best.word))
        )
          best = { word: item, distance };
      }
    }
    return best?.word;
  }
}
