import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { App, Logger as BoltLoggerInterface, Receiver } from "@slack/bolt";
import { defaultBodyLimit, HTTPModuleFunctions, HTTPReceiver, verifySlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";
import type { Desk } from "../../ops/index.js";
import { EVENTS_PATH } from "./manifest.js";

/** Slack's rule against replays: a request's timestamp is at most 5 minutes from now, either way. */
export const MAX_CLOCK_SKEW_S = 300;
/** Refused requests are logged at most this often, with how many there were. */
const REFUSALS_LOGGED_EVERY_MS = 60_000;

export interface GuardedReceiverOptions {
  signingSecret: string;
  desk: Desk;
  /** The project's logger, for refusals; Bolt's own lines go to `boltLogger`. */
  logger: Logger;
  boltLogger: BoltLoggerInterface;
}

/** Counts refused requests and logs them at most once a minute, so that nobody can fill the logs. */
class Refusals {
  private count = 0;
  private lastLogged = Number.NEGATIVE_INFINITY;

  constructor(private readonly logger: Logger) {}

  note(reason: string): void {
    this.count += 1;
    const now = Date.now();
    if (now - this.lastLogged < REFUSALS_LOGGED_EVERY_MS) return;
    this.logger.warn(
      { refused: this.count, reason },
      "Slack: refused requests without a valid signature and timestamp (one line a minute at most)",
    );
    this.count = 0;
    this.lastLogged = now;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function answer(res: ServerResponse, status: number, body?: string): void {
  if (res.headersSent) return;
  res.writeHead(status, body === undefined ? {} : { "Content-Type": "application/json" });
  res.end(body);
}

/**
 * Bolt's HTTPReceiver behind a gate of Slack's rules that Bolt leaves out. Before any work, a
 * request whose X-Slack-Request-Timestamp is more than 5 minutes from now, in the past or the
 * future, gets 401; so does a bad signature. A signed body that is not an object (`null`, a number)
 * gets 400 instead of reaching Bolt, which would fail on it and never answer. Refusals are logged
 * at most once a minute. It also serves GET /healthz: 200, or 503 once the bot is shutting down,
 * and it keeps answering until the process ends, so a balancer never meets a refused connection.
 */
export class GuardedReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private readonly refusals: Refusals;
  private server: Server | undefined;

  constructor(private readonly options: GuardedReceiverOptions) {
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: options.boltLogger,
    });
    this.refusals = new Refusals(options.logger);
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  start(listen: { port: number; host?: string }): Promise<Server> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        this.options.logger.error({ platform: "slack", err: error }, "Slack: a request failed");
        answer(res, 500);
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(listen, () => {
        server.off("error", reject);
        resolve(server);
      });
    });
  }

  /**
   * Stops taking Slack's requests in (they are answered with the restarting notice by the desk);
   * the port itself stays open, answering 503, without keeping the process alive.
   */
  async stop(): Promise<void> {
    this.server?.closeIdleConnections();
    this.server?.unref();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz" && req.method === "GET") {
      const closing = this.options.desk.closing;
      answer(res, closing ? 503 : 200, closing ? '{"ok":false,"shuttingDown":true}' : '{"ok":true}');
      return;
    }
    if (path !== EVENTS_PATH || req.method !== "POST") {
      answer(res, 404);
      return;
    }
    const stamp = header(req, "x-slack-request-timestamp") ?? "";
    if (!/^\d{1,12}$/.test(stamp) || Math.abs(Date.now() / 1000 - Number(stamp)) > MAX_CLOCK_SKEW_S) {
      this.refusals.note("timestamp missing or more than 5 minutes from now");
      answer(res, 401);
      return;
    }
    // Past Bolt's limit (4 MB) or cut off by the client: either way no body to read.
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, defaultBodyLimit).catch(() => {
      answer(res, 413);
      return undefined;
    });
    if (buffered === undefined) return;
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: buffered.rawBody.toString(),
        headers: {
          "x-slack-signature": header(req, "x-slack-signature") ?? "",
          "x-slack-request-timestamp": Number(stamp),
        },
      });
    } catch {
      this.refusals.note("signature missing or wrong");
      answer(res, 401);
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      body = undefined;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      answer(res, 400);
      return;
    }
    // Bolt reads the body buffered above, checks the signature again, and dispatches.
    this.bolt.requestListener(buffered, res);
  }
}
