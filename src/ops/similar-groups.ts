/** Two questions belong together when they share at least this share of their words (Jaccard). */
const SIMILARITY = 0.5;

/**
 * Groups of similar phrasings, each led by the key words of its first. A phrasing joins the
 * earliest group whose key shares at least SIMILARITY of their words together, or starts a group.
 * The groups sharing a word with it are found, and their shared words counted, through an index
 * of words: a phrasing costs the groups that share its words, not a look at every group.
 */
export class SimilarGroups<T> {
  readonly groups: { key: ReadonlySet<string>; members: T[] }[] = [];
  private readonly byWord = new Map<string, number[]>();
  /** The group of phrasings with no key words at all, which are alike. */
  private empty: number | undefined;

  add(key: ReadonlySet<string>, member: T): void {
    const home = key.size === 0 ? this.empty : this.firstSimilar(key);
    const group = home === undefined ? undefined : this.groups[home];
    if (group !== undefined) {
      group.members.push(member);
      return;
    }
    const index = this.groups.push({ key, members: [member] }) - 1;
    if (key.size === 0) this.empty = index;
    for (const word of key) {
      const list = this.byWord.get(word);
      if (list === undefined) this.byWord.set(word, [index]);
      else list.push(index);
    }
  }

  private firstSimilar(key: ReadonlySet<string>): number | undefined {
    const shared = new Map<number, number>();
    for (const word of key) {
      for (const index of this.byWord.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    let first: number | undefined;
    for (const [index, n] of shared) {
      const size = this.groups[index]?.key.size ?? 0;
      if ((first === undefined || index < first) && n / (key.size + size - n) >= SIMILARITY) first = index;
    }
    return first;
  }
}
