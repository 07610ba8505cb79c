import { loadKnowledge } from "./core/loader.js";

export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  if (command === "kb-check") {
    const kb = loadKnowledge();
    console.log(
      `knowledge OK: ${kb.sources.size} sources, ${kb.entities.size} entities, ${kb.facts.size} facts, ${kb.faqs.length} FAQ entries`,
    );
    return 0;
  }
  console.error(`unknown command: ${command ?? "(none)"}`);
  return 2;
}
