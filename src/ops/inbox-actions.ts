import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { INBOX_FILE, loadInbox, loadKnowledge } from "../core/knowledge/loader.js";
import type { Faq, InboxState } from "../core/knowledge/schema.js";
import { isCjk, normalise } from "../core/language/text.js";
import { appendItem, appendKey, appendToArray, knowledgeJson } from "./knowledge-json.js";
import type { Group } from "./report.js";
import { reportMessages as say } from "./report-messages.js";

/** A request the inbox cannot carry out as given (an unknown group or id): the CLI exits with 2. */
export class InboxUsageError extends Error {}

/** New texts of knowledge files, by path relative to the folder. */
type Edits = Map<string, string>;

function write(dir: string, edits: Edits): void {
  for (const [file, text] of edits) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/**
 * Writes the edits, after loading the folder with them as the bot would (and the inbox's states)
 * from a temporary copy: an edit that would break the knowledge base throws the KnowledgeError
 * naming the file and the path inside it, and nothing is written.
 */
function applyEdits(dir: string, edits: Edits): void {
  const scratch = mkdtempSync(path.join(tmpdir(), "returnee-inbox-"));
  try {
    const copy = path.join(scratch, path.basename(dir));
    cpSync(dir, copy, { recursive: true });
    write(copy, edits);
    loadKnowledge(copy);
    loadInbox(copy);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  write(dir, edits);
}

/** The edit of inbox.json that gives a group a state. */
function stateEdit(dir: string, group: Group, state: InboxState, on: Date, to?: string): [string, string] {
  const states = loadInbox(dir);
  states.groups[group.id] = {
    state,
    questions: [group.text, ...group.variants],
    on: on.toISOString().slice(0, 10),
    ...(to === undefined ? {} : { to }),
  };
  return [INBOX_FILE, knowledgeJson(states)];
}

/** `report ignore|pending GROUP`: the group's state, written to the knowledge folder's inbox.json. */
export function markGroup(dir: string, group: Group, state: "pending" | "ignored", on: Date): string {
  applyEdits(dir, new Map([stateEdit(dir, group, state, on)]));
  return say.marked(group.id, state, path.join(path.basename(dir), INBOX_FILE));
}

/** The JSON files of a sub-folder, each with its text, in name order. */
function filesOf(dir: string, sub: string): { file: string; text: string }[] {
  const folder = path.join(dir, sub);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.endsWith(".json"))
    .sort()
    .map((n) => ({ file: path.join(sub, n), text: readFileSync(path.join(folder, n), "utf8") }));
}

/** Where an FAQ is: its file and index; undefined for one not written yet. */
function findFaq(dir: string, id: string): { file: string; text: string; index: number } | undefined {
  for (const { file, text } of filesOf(dir, "faq")) {
    const index = (JSON.parse(text) as Faq[]).findIndex((faq) => faq.id === id);
    if (index !== -1) return { file, text, index };
  }
  return undefined;
}

/** The FAQ a group's phrasings go to: the one named, the one that leads with (or cites) the fact named, or a new one. */
function targetFaq(dir: string, to: string): { faq: Faq; isNew: boolean } {
  const kb = loadKnowledge(dir);
  const named = kb.faqs.find((f) => f.id === to);
  if (named !== undefined) return { faq: named, isNew: false };
  if (!kb.facts.has(to)) throw new InboxUsageError(say.unknownTarget(to));
  const citing = kb.faqs.find((f) => f.facts[0] === to) ?? kb.faqs.find((f) => f.facts.includes(to));
  if (citing !== undefined) return { faq: citing, isNew: false };
  return { faq: { id: `faq-${to}`, questions: [], facts: [to] }, isNew: true };
}

/** The file of the facts folder that holds a fact, by name ("gz-hotspot.json"). */
function factFileName(dir: string, id: string): string {
  const found = filesOf(dir, "facts").find(({ text }) =>
    (JSON.parse(text) as { id: string }[]).some((f) => f.id === id),
  );
  return path.basename(found?.file ?? `${id}.json`);
}

/**
 * The edit that adds Chinese phrasings of an FAQ: to its list where the Chinese side already has
 * one, else under a new key of the Chinese file named as its English FAQ file (made if need be).
 */
function chineseEdit(
  dir: string,
  home: { file: string; text: string } | undefined,
  faqFile: string,
  id: string,
  phrasings: string[],
): [string, string] {
  if (home !== undefined) return [home.file, appendToArray(home.text, [id], phrasings)];
  const file = path.join("zh", "faq", path.basename(faqFile));
  const existing = path.join(dir, file);
  return [
    file,
    existsSync(existing)
      ? appendKey(readFileSync(existing, "utf8"), id, phrasings)
      : knowledgeJson({ [id]: phrasings }),
  ];
}

/**
 * `report amend GROUP --to FAQ_OR_FACT`: the group's phrasings become phrasings of an FAQ (English
 * ones in knowledge/faq, Chinese ones in knowledge/zh/faq), each file edited in place, and the
 * group is marked done; all validated before anything is written.
 */
export function amendGroup(dir: string, group: Group, to: string, on: Date): string {
  if (group.followed !== undefined) throw new InboxUsageError(say.followUp(group.id));
  const { faq, isNew } = targetFaq(dir, to);
  const zhFiles = filesOf(dir, "zh/faq");
  const zhHome = zhFiles.find(({ text }) => Object.hasOwn(JSON.parse(text) as object, faq.id));
  const known = new Set(
    [
      ...faq.questions,
      ...((zhHome && (JSON.parse(zhHome.text) as Record<string, string[]>)[faq.id]) ?? []),
    ].map(normalise),
  );
  const fresh = [...new Set([group.text, ...group.variants])].filter(
    (q) => q !== "" && !known.has(normalise(q)),
  );
  const english = fresh.filter((q) => !isCjk(q));
  const chinese = fresh.filter((q) => isCjk(q));
  const edits: Edits = new Map();
  const home = findFaq(dir, faq.id);
  const faqFile = home?.file ?? path.join("faq", factFileName(dir, faq.facts[0] ?? ""));
  if (home !== undefined) edits.set(home.file, appendToArray(home.text, [home.index, "questions"], english));
  else if (isNew) {
    const existing = path.join(dir, faqFile);
    const entry = { ...faq, questions: english };
    edits.set(
      faqFile,
      existsSync(existing) ? appendItem(readFileSync(existing, "utf8"), entry) : knowledgeJson([entry]),
    );
  }
  if (chinese.length > 0) edits.set(...chineseEdit(dir, zhHome, faqFile, faq.id, chinese));
  const [stateFile, stateText] = stateEdit(dir, group, "done", on, faq.id);
  edits.set(stateFile, stateText);
  applyEdits(dir, edits);
  const files = [...edits.keys()].map((f) => path.join(path.basename(dir), f));
  return say.amended(group.id, fresh.length, faq.id, files);
}
