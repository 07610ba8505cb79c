const ELLIPSIS = "…";

/**
 * Cuts text to at most max UTF-16 units, ending with an ellipsis, never splitting a character nor an
 * entity such as `&amp;` (Slack's escaped mrkdwn: half an entity shows as raw text).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  let out = "";
  for (const ch of text) {
    if (out.length + ch.length > max - ELLIPSIS.length) break;
    out += ch;
  }
  const entity = /&#?\w*$/.exec(out);
  if (entity !== null && /^&#?\w+;/.test(text.slice(entity.index))) out = out.slice(0, entity.index);
  return `${out.trimEnd()}${ELLIPSIS}`;
}
