/**
 * A real redis-server for tests: each test file starts its own on a free loopback port, with no
 * persistence, and stops it. Where redis-server is not installed (Debian: `apt-get install
 * redis-server`), the suites that need it are reported as skipped, with the reason in their name.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe } from "vitest";
import { connectRedis } from "../src/ops/redis.js";
import { captureLogs, eventually } from "./helpers.js";

function installed(): boolean {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export const HAVE_REDIS = installed();
const WHY_SKIPPED = "skipped: redis-server is not on PATH (apt-get install redis-server)";
if (!HAVE_REDIS) process.stderr.write(`Redis tests ${WHY_SKIPPED}\n`);

/** A suite that needs redis-server: skipped, saying why, where there is none. */
export function describeWithRedis(name: string, suite: () => void): void {
  describe.skipIf(!HAVE_REDIS)(HAVE_REDIS ? name : `${name} [${WHY_SKIPPED}]`, suite);
}

/**
 * A redis-server of the calling suite's own, started before its tests and stopped after them: call
 * it in the suite's body, and the server in its tests.
 */
export function redisForSuite(): () => RedisServer {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await RedisServer.start();
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => server as RedisServer;
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, "close");
  return port;
}

export class RedisServer {
  private process: ChildProcess | undefined;
  private readonly clients: Redis[] = [];

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a redis-server on a free port; resolves once it accepts connections. */
  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.restart();
    return server;
  }

  /** Starts it again on the same port (empty: nothing is saved), after `kill`. */
  async restart(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.process = child;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
    });
  }

  /** A connection as the bot makes it (logs discarded), once it is ready; closed by `stop`. */
  async connect(): Promise<Redis> {
    const redis = connectRedis(this.url, captureLogs("silent").logger);
    this.clients.push(redis);
    await eventually(() => (redis.status === "ready" ? true : undefined), "a Redis connection");
    return redis;
  }

  /** Kills it at once, as a crash would. */
  async kill(): Promise<void> {
    const child = this.process;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGKILL");
    await exited;
    this.process = undefined;
  }

  async stop(): Promise<void> {
    for (const redis of this.clients) redis.disconnect();
    await this.kill();
  }
}
