import path from "node:path";
import { type Config, ConfigError } from "./config.js";

/** Where the knowledge comes from: a folder and the setting that named it, or the package's own. */
export interface KnowledgeSource {
  dir?: string;
  /** "KNOWLEDGE_DIR", or "--kb" for `ask --kb DIR`. */
  setting: string;
}

/** `--kb DIR` taken out of the arguments, or else KNOWLEDGE_DIR; a `--kb` without a folder is refused. */
export function knowledgeSource(config: Config, args: string[]): { source: KnowledgeSource; rest: string[] } {
  const i = args.indexOf("--kb");
  if (i === -1) {
    return {
      source: {
        setting: "KNOWLEDGE_DIR",
        ...(config.knowledgeDir === undefined ? {} : { dir: config.knowledgeDir }),
      },
      rest: args,
    };
  }
  const dir = args[i + 1];
  if (dir === undefined || dir.startsWith("--"))
    throw new ConfigError(["--kb: needs the knowledge folder to answer from"]);
  return {
    source: { dir: path.resolve(dir), setting: "--kb" },
    rest: [...args.slice(0, i), ...args.slice(i + 2)],
  };
}
