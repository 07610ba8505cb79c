// Child entry: imports one system, loads the knowledge, answers one question, and reports
// performance.now() at each step: milliseconds since the process started.
import { importSystem, isSystemName } from "./systems/index.js";

const entryMs = performance.now();
const [name, knowledgeDir, question] = process.argv.slice(2);
if (!isSystemName(name) || knowledgeDir === undefined || question === undefined) {
  throw new Error("usage: cold.js <system> <knowledgeDir> <question>");
}
const load = await importSystem(name);
const importedMs = performance.now();
const system = load(knowledgeDir);
const loadedMs = performance.now();
const reply = system.answer(question);
const firstAnswerMs = performance.now();
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
const report = {
  system: name,
  entryMs,
  importedMs,
  loadedMs,
  firstAnswerMs,
  maxRssMiB,
  answered: reply.answered,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
