import ask from "./ask.js";
import { parseArgs } from "./index.js";

/**
 * What a line asks, as the unanswered log records it: an /ask's question itself ("/ask question:
 * How many…" asks "How many…"); any other line as typed. The adapters pass it to the desk, which
 * knows no command syntax.
 */
export function askedText(line: string): string {
  const match = /^\s*\/(\S+)(.*)$/s.exec(line);
  if (match?.[1]?.toLowerCase() !== ask.name) return line;
  return Object.values(parseArgs(ask, match[2] ?? "")).join(" ");
}
