// Child entry: loads one system, answers one question, and reports the time since process start.
import { isSystemName, loadSystem } from "./systems/index.js";

const [name, knowledgeDir, question] = process.argv.slice(2);
if (!isSystemName(name) || knowledgeDir === undefined || question === undefined) {
  throw new Error("usage: cold.js <system> <knowledgeDir> <question>");
}
const system = await loadSystem(name, knowledgeDir);
const reply = system.answer(question);
const firstAnswerMs = performance.now();
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  `${JSON.stringify({ system: name, firstAnswerMs, maxRssMiB, answered: reply.answered })}\n`,
);
