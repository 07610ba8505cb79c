import { PassThrough } from "node:stream";
import { main } from "../../../src/cli.js";
import { FIXTURE_KNOWLEDGE } from "../../helpers.js";

/** Runs the CLI in-process with the given standard input; returns its exit code and output. */
export async function cli(
  argv: string[],
  input = "",
  env: NodeJS.ProcessEnv = { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, UNANSWERED_LOG: "off" },
) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (d) => (out += d));
  stderr.on("data", (d) => (err += d));
  stdin.end(input);
  const code = await main(argv, { stdin, stdout, stderr, env });
  return { code, out, err };
}
