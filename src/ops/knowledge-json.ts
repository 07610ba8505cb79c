/**
 * Edits of knowledge files that keep their layout: curators format them by hand, so a value is
 * added in place, laid out as its neighbours are, and the rest of the file is left byte for byte.
 */

/** The line width the knowledge files keep to, as the project's formatter does for code. */
const WIDTH = 110;

/** Columns a string takes on screen: a CJK character (or a full-width sign) takes two. */
function columns(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/u.test(ch) ? 2 : 1;
  return n;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const isScalar = (value: Json): value is string | number | boolean | null =>
  value === null || typeof value !== "object";

/**
 * A value laid out as the knowledge files lay out new values: two spaces of indent, objects open,
 * an array of plain values on one line when it fits, else a value a line. `lead` comes before the
 * value on its line (indent and key), `tail` after it (a comma).
 */
function formatted(value: Json, indent: string, lead: string, tail: string): string {
  if (isScalar(value)) return `${lead}${JSON.stringify(value)}${tail}`;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const flat = `${lead}[${value.map((v) => JSON.stringify(v)).join(", ")}]${tail}`;
    if (value.every(isScalar) && columns(flat) <= WIDTH) return flat;
    const items = value.map((v, i) => formatted(v, inner, inner, i < value.length - 1 ? "," : ""));
    return [`${lead}[`, ...items, `${indent}]${tail}`].join("\n");
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return `${lead}{}${tail}`;
  const items = entries.map(([key, v], i) =>
    formatted(v, inner, `${inner}${JSON.stringify(key)}: `, i < entries.length - 1 ? "," : ""),
  );
  return [`${lead}{`, ...items, `${indent}}${tail}`].join("\n");
}

/** The text of a new knowledge file holding this value, ending with a newline. */
export function knowledgeJson(value: unknown): string {
  return `${formatted(value as Json, "", "", "")}\n`;
}

/** Where a value of a JSON text sits: from its first character to just after its last. */
interface Span {
  start: number;
  end: number;
  items?: Span[];
  keys?: Map<string, Span>;
}

/** The spans of a JSON text's values, for a text JSON.parse has accepted. */
function spans(text: string): Span {
  let i = 0;
  const skip = () => {
    while (/\s/.test(text[i] ?? "")) i++;
  };
  const string = (): string => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): Span => {
    skip();
    const start = i;
    const open = text[i];
    if (open === '"') string();
    else if (open === "[" || open === "{") {
      i++;
      const items: Span[] = [];
      const keys = new Map<string, Span>();
      skip();
      while (text[i] !== "]" && text[i] !== "}") {
        if (open === "{") {
          const key = string();
          skip();
          i++; // the colon
          keys.set(key, value());
        } else items.push(value());
        skip();
        if (text[i] === ",") i++;
        skip();
      }
      i++;
      return open === "[" ? { start, end: i, items } : { start, end: i, keys };
    } else while (/[^\s,\]}]/.test(text[i] ?? "")) i++;
    return { start, end: i };
  };
  return value();
}

/** The span at a path of keys and indexes, if there is one. */
function at(root: Span, path: readonly (string | number)[]): Span | undefined {
  let span: Span | undefined = root;
  for (const step of path) span = typeof step === "number" ? span?.items?.[step] : span?.keys?.get(step);
  return span;
}

/** The indent of the line a position is on. */
function indentAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf("\n", position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? "";
}

/**
 * Appends values to the array at this path of a JSON text, in the array's own layout: on its line
 * when it is written on one line (and still fits), else a value a line at its items' indent.
 */
export function appendToArray(
  text: string,
  path: readonly (string | number)[],
  values: readonly unknown[],
): string {
  const array = at(spans(text), path);
  const last = array?.items?.at(-1);
  if (array?.items === undefined) throw new Error(`no array at ${path.join(".")}`);
  if (values.length === 0) return text;
  const close = array.end - 1;
  const oneLine = !text.slice(array.start, array.end).includes("\n");
  const newValues = values.map((v) => JSON.stringify(v));
  if (oneLine) {
    const added = `${last === undefined ? "" : ", "}${newValues.join(", ")}`;
    const lineEnd = text.indexOf("\n", array.end);
    const line = text.slice(text.lastIndexOf("\n", array.start) + 1, lineEnd === -1 ? text.length : lineEnd);
    if (columns(line) + columns(added) <= WIDTH) return `${text.slice(0, close)}${added}${text.slice(close)}`;
    const indent = indentAt(text, array.start);
    const all = [...(array.items ?? []).map((s) => text.slice(s.start, s.end)), ...newValues];
    return `${text.slice(0, array.start)}[\n${all.map((v) => `${indent}  ${v}`).join(",\n")}\n${indent}]${text.slice(array.end)}`;
  }
  const indent = last === undefined ? `${indentAt(text, close)}  ` : indentAt(text, last.start);
  const after = last?.end ?? array.start + 1;
  const lines = newValues.map((v) => `\n${indent}${v}`).join(",");
  return `${text.slice(0, after)}${last === undefined ? "" : ","}${lines}${text.slice(after)}`;
}

/** Adds a value at the end of the top-level array of a JSON text, laid out at its items' indent. */
export function appendItem(text: string, value: unknown): string {
  const root = spans(text);
  const last = root.items?.at(-1);
  if (last === undefined) return knowledgeJson([value]);
  const indent = indentAt(text, last.start);
  return `${text.slice(0, last.end)},\n${formatted(value as Json, indent, indent, "")}${text.slice(last.end)}`;
}

/** Adds a key at the end of the top-level object of a JSON text, laid out as its other keys. */
export function appendKey(text: string, key: string, value: unknown): string {
  const root = spans(text);
  const last = [...(root.keys?.values() ?? [])].at(-1);
  if (last === undefined) return knowledgeJson({ [key]: value });
  const indent = indentAt(text, last.start);
  return `${text.slice(0, last.end)},\n${formatted(value as Json, indent, `${indent}${JSON.stringify(key)}: `, "")}${text.slice(last.end)}`;
}
