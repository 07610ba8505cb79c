// `npm run eval`: grades the bot against the project's own cases (or a file given as argument).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runLine } from "../../commands/index.js";
import { formatText } from "../../src/adapters/terminal/format.js";
import { Core } from "../../src/core/core.js";
import { judge, readCases } from "./grade.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? path.join(here, "../../../test/eval/cases.jsonl");
const core = Core.load();
const byTag = new Map<string, { pass: number; all: number }>();
let pass = 0;
const cases = readCases(file);
for (const c of cases) {
  const answer = runLine(c.input, core);
  const why = judge(c, { answered: answer.answered, text: formatText(answer), sources: answer.sources });
  const tag = byTag.get(c.tag) ?? { pass: 0, all: 0 };
  tag.all++;
  if (why === null) {
    pass++;
    tag.pass++;
  } else {
    console.log(`FAIL ${c.id} [${c.tag}] ${JSON.stringify(c.input)}: ${why}`);
    console.log(`     got: ${formatText(answer).replace(/\s+/g, " ").slice(0, 200)}`);
  }
  byTag.set(c.tag, tag);
}
const tags = [...byTag].map(([t, v]) => `${t} ${v.pass}/${v.all}`).join(", ");
console.log(`accuracy: ${((100 * pass) / cases.length).toFixed(1)}% (${pass}/${cases.length}); ${tags}`);
