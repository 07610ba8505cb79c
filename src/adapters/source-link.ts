import type { CitedSource } from "../core/types.js";

/**
 * The address a source line links to: the article's own URL, normalised, when it is a web page
 * (http or https); undefined for a source without one, or with any other scheme.
 */
export function linkOf(source: CitedSource): string | undefined {
  if (source.url === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(source.url);
  } catch {
    return undefined;
  }
  return url.protocol === "https:" || url.protocol === "http:" ? url.href : undefined;
}
