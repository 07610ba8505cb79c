import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { App, Logger as BoltLoggerInterface, Receiver } from "@slack/bolt";
import { HTTPModuleFunctions, HTTPReceiver, verifySlackRequest } from "@slack/bolt";
import { z } from "zod";
import type { Logger } from "../../log.js";
import type { Desk } from "../../ops/index.js";
import { ThrottledWarning } from "../../ops/throttled-warning.js";
import { EVENTS_PATH } from "./manifest.js";

/** Slack's rule against replays: a request's timestamp is at most 5 minutes from now, either way. */
export const MAX_CLOCK_SKEW_S = 300;
/**
 * The largest body accepted: four times Slack's longest message (40,000 characters, in the text and
 * again in its blocks, up to 3 bytes each), a quarter of Bolt's own 4 MB.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Slack's v0 signature: an HMAC-SHA256 in hex. */
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
/**
 * What Bolt reads of a button click before any listener runs; without it Bolt fails with a 500 (or
 * a 404 three seconds later), so such a payload gets 400 instead.
 */
const BlockActions = z.object({
  user: z.object({ id: z.string() }),
  container: z.object({}),
  actions: z.array(z.object({})).min(1),
});

export interface GuardedReceiverOptions {
  signingSecret: string;
  desk: Desk;
  /** The project's logger, for refusals; Bolt's own lines go to `boltLogger`. */
  logger: Logger;
  boltLogger: BoltLoggerInterface;
  /** How long an idle connection is kept open. */
  keepAliveSeconds: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}

function answer(
  res: ServerResponse,
  status: number,
  body?: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, body === undefined ? headers : { ...headers, "Content-Type": "application/json" });
  res.end(body);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Bolt's HTTPReceiver behind a gate of Slack's rules that Bolt leaves out. From the headers alone,
 * before the body is read, a request whose X-Slack-Request-Timestamp is more than 5 minutes from
 * now, in the past or the future, or whose signature is missing or not of Slack's shape, gets 401,
 * and one declaring a body over MAX_BODY_BYTES gets 413; a body that grows past it gets 413 too,
 * and a wrong signature 401. A signed body that is not an object (`null`, a number), or a button
 * click Bolt could not read, gets 400 instead of reaching Bolt, which would fail on it. While the
 * bot shuts down, an event gets 503, so that Slack delivers it again elsewhere. Refusals are logged
 * at most once a minute. It also serves GET /healthz: 200, or 503 once the bot is shutting down,
 * and it keeps answering until the process ends, so a balancer never meets a refused connection.
 */
export class GuardedReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private readonly refusals: ThrottledWarning;
  private server: Server | undefined;

  constructor(private readonly options: GuardedReceiverOptions) {
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: options.boltLogger,
    });
    this.refusals = new ThrottledWarning(
      options.logger,
      "refused",
      "Slack: refused requests without a valid signature and timestamp, or too big (one line a minute at most)",
    );
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
    // Longer than a balancer keeps an idle connection, so that the balancer, not the bot, closes it;
    // headers get a second more, so that a request arriving as the timeout ends is not cut off.
    server.keepAliveTimeout = this.options.keepAliveSeconds * 1000;
    server.headersTimeout = server.keepAliveTimeout + 1000;
    server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout);
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

  /**
   * Why a request is refused from its headers alone, before its body is read: a timestamp more
   * than 5 minutes from now, a signature missing or not of Slack's shape, or a body declared too big.
   */
  private refusalBeforeBody(req: IncomingMessage): { status: number; reason: string } | undefined {
    const stamp = header(req, "x-slack-request-timestamp") ?? "";
    if (!/^\d{1,12}$/.test(stamp) || Math.abs(Date.now() / 1000 - Number(stamp)) > MAX_CLOCK_SKEW_S) {
      return { status: 401, reason: "timestamp missing or more than 5 minutes from now" };
    }
    if (!SIGNATURE.test(header(req, "x-slack-signature") ?? "")) {
      return { status: 401, reason: "signature missing or malformed" };
    }
    if (Number(header(req, "content-length") ?? 0) > MAX_BODY_BYTES) {
      return { status: 413, reason: `body over ${MAX_BODY_BYTES} bytes` };
    }
    return undefined;
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
    const refusal = this.refusalBeforeBody(req);
    if (refusal !== undefined) {
      this.refusals.note({ reason: refusal.reason });
      // The body is never read: the connection closes rather than take it in.
      answer(res, refusal.status, undefined, { Connection: "close" });
      return;
    }
    // Past the limit, or cut off by the client: either way no body to read.
    const buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, MAX_BODY_BYTES).catch(() => {
      this.refusals.note({ reason: `body over ${MAX_BODY_BYTES} bytes, or cut off` });
      answer(res, 413, undefined, { Connection: "close" });
      return undefined;
    });
    if (buffered === undefined) return;
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: buffered.rawBody.toString(),
        headers: {
          "x-slack-signature": header(req, "x-slack-signature") ?? "",
          "x-slack-request-timestamp": Number(header(req, "x-slack-request-timestamp")),
        },
      });
    } catch {
      this.refusals.note({ reason: "signature wrong" });
      answer(res, 401);
      return;
    }
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
    } catch {
      body = undefined;
    }
    if (!isObject(body) || (body.type === "block_actions" && !BlockActions.safeParse(body).success)) {
      answer(res, 400);
      return;
    }
    // Shutting down: an event is refused so that Slack delivers it again, to an instance that is up.
    if (this.options.desk.closing && body.type === "event_callback") {
      answer(res, 503);
      return;
    }
    // Bolt reads the body buffered above, checks the signature again, and dispatches.
    this.bolt.requestListener(buffered, res);
  }
}
