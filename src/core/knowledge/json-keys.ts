/**
 * The keys given more than once in the top-level object of a JSON text, which JSON.parse would
 * silently collapse into the last. The text must be valid JSON (parse it first); one pass over it.
 */
export function repeatedKeys(json: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === '"') {
      const start = i;
      for (i++; i < json.length && json[i] !== '"'; i++) if (json[i] === "\\") i++;
      if (depth !== 1) continue;
      let next = i + 1;
      while (next < json.length && " \t\n\r".includes(json[next] as string)) next++;
      if (json[next] !== ":") continue;
      const key = JSON.parse(json.slice(start, i + 1)) as string;
      if (seen.has(key)) repeated.add(key);
      seen.add(key);
    }
  }
  return [...repeated];
}
