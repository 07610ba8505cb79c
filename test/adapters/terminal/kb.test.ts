import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../../../src/cli.js";
import {
  addShenzhenGreenCards,
  copyOfFixture,
  eventually,
  NEW_FACT_FIGURE,
  NEW_FACT_QUESTION,
} from "../../helpers.js";
import { cli } from "./run-cli.js";

describe("returnee-bot chat: the person at the keyboard curates", () => {
  it("makes an edit live with /kb reload, and answers from it from then on", async () => {
    const dir = copyOfFixture();
    const [stdin, stdout] = [new PassThrough(), new PassThrough()];
    let out = "";
    stdout.on("data", (d) => (out += d));
    const env = { KNOWLEDGE_DIR: dir, UNANSWERED_LOG: "off" };
    const exited = main(["chat"], { stdin, stdout, stderr: new PassThrough(), env });
    /** Types a line and waits for the answer (the prompt after it). */
    const type = async (line: string) => {
      const from = out.length;
      stdin.write(`${line}\n`);
      return eventually(() => {
        const shown = out.slice(from);
        return shown.endsWith("> ") ? shown : undefined;
      }, `the answer to ${line}`);
    };
    expect(await type(NEW_FACT_QUESTION)).not.toContain(NEW_FACT_FIGURE);
    addShenzhenGreenCards(dir);
    expect(await type(NEW_FACT_QUESTION)).not.toContain(NEW_FACT_FIGURE);
    expect(await type("/kb reload")).toContain("Facts: 1 added (b-shenzhen-green-cards)");
    expect(await type(NEW_FACT_QUESTION)).toContain(NEW_FACT_FIGURE);
    stdin.end();
    expect(await exited).toBe(0);
  });
});

describe("returnee-bot ask --kb DIR", () => {
  it("answers from the folder given, not the configured one, one question or JSON lines", async () => {
    const dir = copyOfFixture();
    addShenzhenGreenCards(dir);
    expect((await cli(["ask", NEW_FACT_QUESTION])).out).not.toContain(NEW_FACT_FIGURE);
    expect((await cli(["ask", "--kb", dir, NEW_FACT_QUESTION])).out).toContain(NEW_FACT_FIGURE);
    const { out } = await cli(["ask", "--kb", dir, "--jsonl"], `${NEW_FACT_QUESTION}\n`);
    expect(JSON.parse(out)).toMatchObject({ input: NEW_FACT_QUESTION, answered: true });
    expect(JSON.parse(out).text).toContain(NEW_FACT_FIGURE);
  });

  it("stops naming --kb when the folder is missing or is not a knowledge folder", async () => {
    const missing = await cli(["ask", "--kb"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("--kb: needs the knowledge folder");
    const notKnowledge = await cli(["ask", "--kb", copyOfFixture().replace(/knowledge$/, ""), "hi"]);
    expect(notKnowledge.code).toBe(1);
    expect(notKnowledge.err).toContain("--kb: is not a knowledge folder");
  });
});
