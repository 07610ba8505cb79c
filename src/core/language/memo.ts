/** Enough for any vocabulary a chat sees; a server fed random strings starts a memo afresh past it. */
const MEMO_LIMIT = 50_000;

/** What `make` gives for a key: made on the key's first use, then remembered. */
export function remembered<K, V>(memo: Map<K, V>, key: K, make: (key: K) => V): V {
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as V;
  const value = make(key);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}
