import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";
import { waitForEvent } from "../wait.js";
import { Faults } from "./faults.js";

/** One call to the fake Web API, with its arguments decoded. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token it carried. */
  token: string | undefined;
}

/** One POST to a fake response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

/** A request the fake received: a Web API method ("chat.postMessage") or a response_url ("respond/<id>"). */
export interface Received {
  target: string;
  args: Record<string, unknown>;
}

export const BOT_USER_ID = "UBOT0001";
export const BOT_ID = "BBOT0001";
export const TEAM_ID = "T0000001";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The Web API sends form fields, with objects and arrays as JSON; JSON bodies are accepted too. */
function decode(body: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes("application/json")) return JSON.parse(body || "{}") as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/**
 * Slack's Web API and response_urls, as a real HTTP server on 127.0.0.1. It records every call and
 * answers `ok: true`; auth.test names the bot, apps.connections.open hands out `socketUrl`.
 * Reach it through SLACK_API_URL = `apiUrl`.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponsePost[] = [];
  private readonly responsesById = new Map<string, ResponsePost>();
  /** Faults to inject: an HTTP 5xx or 429 with Retry-After, or a request held open. */
  readonly faults = new Faults<Received>();
  /** Requests answered with an injected fault instead of being served. */
  readonly refused: Received[] = [];
  /** What apps.connections.open hands out. */
  socketUrl: string | undefined;
  /** Methods that answer `ok: false` with this error, when the predicate on their arguments holds. */
  private readonly failures: {
    method: string;
    error: string;
    when: (args: Record<string, unknown>) => boolean;
  }[] = [];
  // A load test waits on many requests at once.
  private readonly events = new EventEmitter().setMaxListeners(0);
  private readonly server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const gone = new Promise<void>((resolve) => res.once("close", resolve));
      const body = await readBody(req);
      const args = decode(body, req.headers["content-type"]);
      const received = { target: url.pathname.replace(/^\/(api\/)?/, ""), args };
      const fault = await this.faults.apply(received, gone);
      if (res.destroyed) return;
      if (fault !== undefined) {
        this.refused.push(received);
        res
          .writeHead(fault.status, { "Content-Type": "application/json", ...fault.headers })
          .end(JSON.stringify(fault.body ?? { ok: false, error: `http_${fault.status}` }));
        this.events.emit("change");
        return;
      }
      if (url.pathname.startsWith("/respond/")) {
        const post = { id: url.pathname.slice("/respond/".length), body: args };
        this.responses.push(post);
        if (!this.responsesById.has(post.id)) this.responsesById.set(post.id, post);
        res.writeHead(200, { "Content-Type": "text/plain" }).end("ok");
        this.events.emit("change");
        return;
      }
      const method = url.pathname.replace(/^\/api\//, "");
      const auth = req.headers.authorization;
      this.calls.push({ method, args, token: auth?.replace(/^Bearer /, "") });
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify(this.reply(method, args)));
      this.events.emit("change");
    })();
  });

  private reply(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const failure = this.failures.find((f) => f.method === method && f.when(args));
    if (failure !== undefined) return { ok: false, error: failure.error };
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: TEAM_ID, user: "returnee-bot" };
      case "apps.connections.open":
        return { ok: true, url: this.socketUrl };
      case "chat.postMessage":
        return { ok: true, channel: args.channel, ts: `${Date.now() / 1000}`, message: {} };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}/respond/${id}`;
  }

  /** Makes `method` answer `ok: false, error` whenever `when` holds for its arguments. */
  fail(method: string, error: string, when: (args: Record<string, unknown>) => boolean = () => true): void {
    this.failures.push({ method, error, when });
  }

  /** Calls of one method, optionally to one channel. */
  callsOf(method: string, channel?: string): ApiCall[] {
    return this.calls.filter(
      (c) => c.method === method && (channel === undefined || c.args.channel === channel),
    );
  }

  /** Resolves with the first recorded item that matches, waiting for it to arrive if need be. */
  waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    return waitForEvent(this.events, "change", find, () => `the fake Slack to see ${what}`);
  }

  /** The first call of `method` to `channel`, once it arrives. */
  waitForCall(method: string, channel: string): Promise<ApiCall> {
    return this.waitFor(() => this.callsOf(method, channel)[0], `${method} to ${channel}`);
  }

  /** The first POST to the response_url `id`, once it arrives. */
  waitForResponse(id: string): Promise<ResponsePost> {
    return this.waitFor(() => this.responsesById.get(id), `a POST to response_url ${id}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** One Socket Mode envelope as Slack sends it. */
export interface Envelope {
  envelope_id: string;
  type: "slash_commands" | "events_api" | "interactive";
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/**
 * Slack's Socket Mode WebSocket, on 127.0.0.1: it greets each connection with `hello`, sends the
 * envelopes it is given and records the acknowledgements that come back.
 */
export class FakeSocketMode {
  readonly acks: { envelope_id: string; payload?: unknown }[] = [];
  private readonly events = new EventEmitter();
  private readonly wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  private socket: WebSocket | undefined;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.wss.once("listening", resolve));
    this.wss.on("connection", (socket) => {
      this.socket = socket;
      socket.on("close", () => this.events.emit("disconnect"));
      socket.on("message", (data) => {
        this.acks.push(JSON.parse(String(data)) as { envelope_id: string });
        this.events.emit("ack");
      });
      socket.send(
        JSON.stringify({
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake", approximate_connection_time: 3600 },
          connection_info: { app_id: "A0000001" },
        }),
      );
    });
    return this;
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/link`;
  }

  send(envelope: Envelope): void {
    if (this.socket === undefined) throw new Error("no app is connected to the fake Socket Mode");
    this.socket.send(JSON.stringify(envelope));
  }

  /** Resolves once the app has closed its connection. */
  waitForDisconnect(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket === undefined || this.socket.readyState === this.socket.CLOSED) resolve();
      else this.events.once("disconnect", () => resolve());
    });
  }

  /** The acknowledgement of one envelope, once it arrives. */
  waitForAck(envelopeId: string): Promise<{ envelope_id: string; payload?: unknown }> {
    return waitForEvent(
      this.events,
      "ack",
      () => this.acks.find((a) => a.envelope_id === envelopeId),
      () => `an ack for envelope ${envelopeId}`,
    );
  }

  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
