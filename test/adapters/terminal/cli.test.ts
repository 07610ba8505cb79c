import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { PassThrough, Readable, Writable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { answerLines } from "../../../src/adapters/terminal/chat.js";
import { messages } from "../../../src/core/compose/messages.js";
import { MAX_LINE_BYTES } from "../../../src/ops/lines.js";
import { CONVERSATION_PREFIX } from "../../../src/ops/redis-conversations.js";
import { compile } from "../../compiled.js";
import { copyOfFixture, eventually, FIXTURE_KNOWLEDGE, fixtureCore } from "../../helpers.js";
import { describeWithRedis, redisForSuite } from "../../redis.js";
import { ALONE, CONVERSATIONS, expectTurn } from "../conversations.js";
import { cli } from "./run-cli.js";

/** The bundled knowledge base, nothing logged. */
const BUNDLED = { UNANSWERED_LOG: "off" };

interface JsonLine {
  input: string;
  answered: boolean;
  text: string;
}

const jsonLines = (out: string): JsonLine[] =>
  out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as JsonLine);

describe("returnee-bot ask --jsonl", () => {
  it("writes one JSON line per input line, in order, blank lines included", async () => {
    const { code, out } = await cli(["ask", "--jsonl"], "/city gz\n\nHow do I cook fried rice?\n");
    const lines = out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(code).toBe(0);
    expect(lines.map((l) => [l.input, l.answered])).toEqual([
      ["/city gz", true],
      ["", false],
      ["How do I cook fried rice?", false],
    ]);
  });
});

describe("returnee-bot ask --jsonl --conversation", () => {
  it.each(CONVERSATIONS.map((c) => [c.name, c] as const))(
    "reads the lines as one conversation: %s",
    async (_name, conversation) => {
      const input = conversation.turns.map((t) => `${t.ask}\n`).join("");
      const { code, out } = await cli(["ask", "--jsonl", "--conversation"], input, BUNDLED);
      expect(code).toBe(0);
      const lines = jsonLines(out);
      expect(lines.map((l) => l.input)).toEqual(conversation.turns.map((t) => t.ask));
      conversation.turns.forEach((turn, i) => {
        const line = lines[i] as JsonLine;
        expectTurn(turn, { answered: line.answered, title: line.text.split("\n")[0] ?? "", text: line.text });
      });
    },
  );

  it("reads all of issue 10's conversations as one, each opening question starting afresh", async () => {
    const turns = CONVERSATIONS.flatMap((c) => c.turns);
    const input = turns.map((t) => `${t.ask}\n`).join("");
    const lines = jsonLines((await cli(["ask", "--jsonl", "--conversation"], input, BUNDLED)).out);
    turns.forEach((turn, i) => {
      const line = lines[i] as JsonLine;
      expectTurn(turn, { answered: line.answered, title: line.text.split("\n")[0] ?? "", text: line.text });
    });
  });

  it("keeps the lines independent without the flag, as the contract says", async () => {
    const input = CONVERSATIONS.flatMap((c) => c.turns.map((t) => `${t.ask}\n`)).join("");
    const together = jsonLines((await cli(["ask", "--jsonl", "--conversation"], input, BUNDLED)).out);
    const apart = jsonLines((await cli(["ask", "--jsonl"], input, BUNDLED)).out);
    // Each line alone gives what it gives as a one-line input of its own.
    for (const line of apart) {
      const [alone] = jsonLines((await cli(["ask", "--jsonl"], `${line.input}\n`, BUNDLED)).out);
      expect(line).toEqual(alone);
    }
    // ...and so the follow-ups are not understood, whereas in one conversation they are.
    for (const { ask, saysNot } of ALONE) {
      const follow = apart.find((l) => l.input === ask);
      expect(follow?.text).not.toMatch(saysNot);
      expect(together.find((l) => l.input === ask)?.text).toMatch(saysNot);
    }
  });
});

describeWithRedis("returnee-bot ask --jsonl --conversation with REDIS_URL", () => {
  const server = redisForSuite();

  it("keeps the conversation where the desk keeps them, in Redis, under a key of the run's own", async () => {
    const conversation = CONVERSATIONS[0];
    if (conversation === undefined) throw new Error("issue 10's conversations are missing");
    const input = conversation.turns.map((t) => `${t.ask}\n`).join("");
    const env = { ...BUNDLED, REDIS_URL: server().url };
    const { code, out } = await cli(["ask", "--jsonl", "--conversation"], input, env);
    expect(code).toBe(0);
    jsonLines(out).forEach((line, i) => {
      const turn = conversation.turns[i];
      if (turn === undefined) throw new Error(`no turn ${i}`);
      expectTurn(turn, { answered: line.answered, title: line.text.split("\n")[0] ?? "", text: line.text });
    });
    await cli(["ask", "--jsonl", "--conversation"], input, env);
    const redis = await server().connect();
    expect(await redis.keys(`${CONVERSATION_PREFIX}terminal:jsonl:*`)).toHaveLength(2);
  });
});

describe("returnee-bot ask --jsonl: the lines of the contract", () => {
  it("ends a line at \\n only: a trailing \\r is dropped and a lone \\r becomes a space", async () => {
    const { out } = await cli(["ask", "--jsonl"], "first\rsecond\n/city Hangzhou\r\ncrlf line\nx\r\ry\n");
    const lines = out.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l).input)).toEqual([
      "first second",
      "/city Hangzhou",
      "crlf line",
      "x  y",
    ]);
  });

  it("writes no raw U+2028 or U+2029, which some readers take for line ends", async () => {
    const { out } = await cli(["ask", "--jsonl"], "/city Atlantis\u2028Lemuria\u2029\n");
    expect(out).not.toMatch(/[\u2028\u2029]/);
    expect(out).toContain("\\u2028");
    expect(JSON.parse(out).input).toBe("/city Atlantis\u2028Lemuria\u2029");
  });
});

describe("returnee-bot ask --jsonl under pressure", () => {
  it("reads no further while a slow reader is behind: the output's buffer never holds more than its high-water mark and a line", async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `How do I cook fried rice number ${i}?\n`);
    let longest = 0;
    let most = 0;
    let received = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        received++;
        longest = Math.max(longest, chunk.length);
        // What waits behind this chunk, the chunk included.
        most = Math.max(most, this.writableLength);
        setImmediate(done);
      },
    });
    await answerLines(fixtureCore(), Readable.from(lines), slow);
    await eventually(() => (received === 2000 ? true : undefined), "every line written");
    expect(most).toBeLessThanOrEqual(16 * 1024 + longest);
  });

  it("reads a 40 MB line in small pieces as one line, declines it as too long and echoes only its first MiB", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = "";
    output.on("data", (d) => (out += d));
    const piece = "x".repeat(64 * 1024);
    const done = answerLines(fixtureCore(), input, output);
    for (let i = 0; i < 640; i++) if (!input.write(piece)) await once(input, "drain");
    input.end("\n/city gz\n");
    await done;
    const [long, next] = out
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as JsonLine);
    expect(long?.input).toBe("x".repeat(MAX_LINE_BYTES));
    expect(long?.text).toContain(messages.tooLong(500));
    expect(next?.input).toBe("/city gz");
  });

  it("ends quietly, exit code 0, when its reader goes away after the first line (| head -1)", async () => {
    const { cli: script } = compile("returnee-bot-jsonl");
    const child = spawn(process.execPath, [script, "ask", "--jsonl"], {
      env: { PATH: process.env.PATH, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE, UNANSWERED_LOG: "off" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdin.on("error", () => undefined);
    child.stdin.end("/city gz\n".repeat(20_000));
    await once(child.stdout, "data");
    child.stdout.destroy();
    const [code] = await once(child, "exit");
    // Nothing but, on a first start of this build, the one line saying it indexes the knowledge.
    expect(err.replace(/^returnee-bot: indexing .*\n/, "")).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});

describe("returnee-bot ask", () => {
  it("answers one question in readable form", async () => {
    const { code, out } = await cli(["ask", "guangzhou", "green", "cards"]);
    expect(code).toBe(0);
    expect(out).toContain("2,515");
  });
});

describe("returnee-bot chat", () => {
  it("reads each line in the light of the ones before: the chat is one conversation", async () => {
    const turns = CONVERSATIONS.flatMap((c) => c.turns);
    const { out } = await cli(["chat"], turns.map((t) => `${t.ask}\n`).join(""), BUNDLED);
    // After the greeting, each answer follows its prompt.
    const answers = out.split("> ").slice(1, turns.length + 1);
    turns.forEach((turn, i) => {
      const text = (answers[i] ?? "").trim();
      const title = text.split("\n")[0] ?? "";
      expectTurn(turn, { answered: !title.startsWith("Not in my sources"), title, text });
    });
  });

  it("answers each line until exit", async () => {
    const { code, out } = await cli(["chat"], "/city Shenzhen\nexit\n/city gz\n");
    expect(code).toBe(0);
    expect(out).toContain("Shenzhen is named as a rising destination");
    expect(out).not.toContain("67,000");
  });
});

describe("start-up checks", () => {
  it("stops with the file and problem when the knowledge is malformed", async () => {
    const dir = copyOfFixture();
    const { writeFileSync } = await import("node:fs");
    writeFileSync(`${dir}/sources.json`, "{}");
    const { code, err } = await cli(["kb-check"], "", { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(err).toMatch(/cannot start[\s\S]*knowledge\/sources\.json/);
  });

  it("fails kb-check when a fact's Chinese text is given in two files", async () => {
    const dir = copyOfFixture();
    const { mkdirSync, writeFileSync } = await import("node:fs");
    mkdirSync(`${dir}/zh/facts`, { recursive: true });
    writeFileSync(`${dir}/zh/facts/a.json`, JSON.stringify({ "a-returnees": "海归" }));
    writeFileSync(`${dir}/zh/facts/b.json`, JSON.stringify({ "a-returnees": "留学归国人员" }));
    const { code, err } = await cli(["kb-check"], "", { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(err).toContain('"a-returnees" is also given in knowledge/zh/facts/a.json');
  });

  it("stops naming KNOWLEDGE_DIR when it is no knowledge folder, a long value cut short", async () => {
    for (const dir of [
      "/nonexistent/knowledge",
      `/tmp/${"k".repeat(5000)}`,
      `${FIXTURE_KNOWLEDGE}/sources.json`,
    ]) {
      const { code, err } = await cli(["ask", "/sources"], "", { KNOWLEDGE_DIR: dir });
      expect(code).toBe(1);
      expect(err).toContain("KNOWLEDGE_DIR: is not a knowledge folder (it has no sources.json)");
      expect(err.length).toBeLessThan(300);
    }
  });

  it("stops naming LOG_FILE when it is a folder", async () => {
    const { code, err } = await cli(["chat"], "", {
      KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE,
      LOG_FILE: FIXTURE_KNOWLEDGE,
    });
    expect(code).toBe(1);
    expect(err).toContain(
      "returnee-bot cannot start. Configuration problem:\n  - LOG_FILE: cannot be opened for appending (EISDIR)",
    );
  });

  it("stops naming the variable, never its value, when a variable is malformed", async () => {
    const { code, err } = await cli(["chat"], "", { SLACK_BOT_TOKEN: "secret-value-123" });
    expect(code).toBe(1);
    expect(err).toContain("SLACK_BOT_TOKEN");
    expect(err).not.toContain("secret-value-123");
  });

  it("asks for the application id when only the Discord token is set", async () => {
    const { code, err } = await cli(["serve"], "", { DISCORD_TOKEN: "abc.def.ghi" });
    expect(code).toBe(1);
    expect(err).toMatch(/DISCORD_APPLICATION_ID: is required/);
    expect(err).not.toContain("abc.def.ghi");
  });

  it("prints usage for an unknown command", async () => {
    const { code, err } = await cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: returnee-bot/);
  });
});

describe("the installed bin", () => {
  it("runs through npx-style invocation of bin/returnee-bot.js", async () => {
    const { stdout } = await promisify(execFile)("node", ["bin/returnee-bot.js", "ask", "/sources"], {
      env: { ...process.env, KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE },
    });
    expect(stdout).toContain("Alpha City courts returning scholars");
  });
});
