/**
 * A fake Discord on 127.0.0.1: a real HTTP server for the REST API (version 10, under /api) and a
 * real WebSocket gateway speaking version 10 with JSON encoding. It records every request the bot
 * makes and lets a test dispatch gateway events; the test builds every payload itself.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { waitForEvent } from "../wait.js";
import { Faults } from "./faults.js";

export interface RecordedRequest {
  method: string;
  /** The route below /api/v10, e.g. /channels/123/messages. */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  authorization: string | undefined;
}

export interface Identify {
  token: string;
  intents: number;
  shard: [number, number];
  properties: Record<string, string>;
}

export interface Resume {
  token: string;
  session_id: string;
  seq: number;
}

/** A guild as GUILD_CREATE carries it; the fake needs only its id and channels. */
export interface GuildPayload {
  id: string;
  channels: { id: string }[];
  [key: string]: unknown;
}

export interface FakeDiscordOptions {
  /** The bot token the fake accepts. */
  token: string;
  applicationId: string;
  /** The bot's user, as READY and GET /users/@me give it. */
  user: { id: string; username: string; bot: true; [key: string]: unknown };
  /** Guilds announced in READY and sent as GUILD_CREATE right after it. */
  guilds?: GuildPayload[];
  /** Channels GET /channels/:id knows besides the guilds' own, e.g. DM channels. */
  channels?: { id: string; [key: string]: unknown }[];
  /** The shard count GET /gateway/bot recommends. */
  shards?: number;
  heartbeatInterval?: number;
}

interface Session {
  id: string;
  seq: number;
  shard: [number, number];
  socket: WebSocket | undefined;
}

const DISCORD_EPOCH = 1_420_070_400_000n;
const GATEWAY_PATH = "/gateway";

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly identifies: Identify[] = [];
  readonly resumes: Resume[] = [];
  /** The query strings the gateway was opened with, e.g. {v: "10", encoding: "json"}. */
  readonly gatewayQueries: Record<string, string>[] = [];
  /** Faults to inject into the REST API: a 5xx, a 429 with Retry-After, a request held open. */
  readonly faults = new Faults<RecordedRequest>();
  private readonly sessions = new Map<string, Session>();
  private readonly commands = new Map<string, unknown[]>();
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private counter = 0n;

  private constructor(
    private readonly options: FakeDiscordOptions,
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    private readonly port: number,
  ) {
    this.events.setMaxListeners(100);
  }

  static async start(options: FakeDiscordOptions): Promise<FakeDiscord> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, path: GATEWAY_PATH });
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    const fake = new FakeDiscord(options, http, wss, (http.address() as AddressInfo).port);
    http.on("request", (req, res) => void fake.onRequest(req, res));
    wss.on("connection", (socket, req) => fake.onConnection(socket, req));
    return fake;
  }

  /** The base URL to give the client as DISCORD_API_URL. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}${GATEWAY_PATH}`;
  }

  /** The first request, already made or still to come, that matches. */
  waitForRequest(
    match: (r: RecordedRequest) => boolean,
    what = "a matching request",
  ): Promise<RecordedRequest> {
    return this.waitFor(
      "request",
      () => this.requests.find(match),
      () => `${what}; got ${this.describe()}`,
    );
  }

  /** Resolves once the gateway has sent READY or RESUMED to this many connections in all. */
  waitForSessions(count: number): Promise<void> {
    return this.waitFor(
      "ready",
      () => (this.readyCount >= count ? true : undefined),
      () => `${count} ready gateway connections; got ${this.readyCount}`,
    ).then(() => undefined);
  }

  /** Resolves once no gateway connection is open, e.g. after the bot stopped. */
  waitForNoConnections(): Promise<void> {
    return this.waitFor(
      "closed",
      () => (this.sockets.size === 0 ? true : undefined),
      () => `every gateway connection to close; ${this.sockets.size} open`,
    ).then(() => undefined);
  }

  /** Sends a dispatch (op 0) on the shard that owns its guild (shard 0 for DMs), once that shard is connected. */
  async dispatch(t: string, d: object): Promise<void> {
    const guildId = "guild_id" in d && typeof d.guild_id === "string" ? d.guild_id : undefined;
    const session = await this.waitFor(
      "ready",
      () => this.openSession(guildId),
      () => `a connected shard for ${t}`,
    );
    session.seq += 1;
    session.socket?.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /**
   * Ends every gateway connection: with a close frame and this code, as Discord does when it
   * restarts a gateway node, or "terminate" to cut the TCP connection as a network failure does.
   */
  dropConnections(how: number | "terminate" = 4000): void {
    for (const session of this.sessions.values()) session.socket = undefined;
    for (const socket of this.sockets) {
      if (how === "terminate") socket.terminate();
      else socket.close(how, "fake Discord dropped the connection");
    }
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** A fresh snowflake, later than every one before it. */
  snowflake(): string {
    this.counter += 1n;
    return String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) + (this.counter % 4096n));
  }

  private readyCount = 0;

  private openSession(guildId: string | undefined): Session | undefined {
    for (const session of this.sessions.values()) {
      const [id, count] = session.shard;
      const owner = guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
      if (session.socket?.readyState === WebSocket.OPEN && owner === id) return session;
    }
    return undefined;
  }

  private waitFor<T>(event: string, check: () => T | undefined, what: () => string): Promise<T> {
    return waitForEvent(this.events, event, check, () => `fake Discord: ${what()}`);
  }

  private describe(): string {
    return this.requests.length === 0
      ? "no requests"
      : this.requests.map((r) => `${r.method} ${r.path}`).join(", ");
  }

  // --- REST ---

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const gone = new Promise<void>((resolve) => res.once("close", resolve));
    const raw = await readBody(req);
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, "");
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path,
      query: Object.fromEntries(url.searchParams),
      body: parseJson(raw, req.headers["content-type"]),
      authorization: req.headers.authorization,
    };
    this.requests.push(recorded);
    const fault = await this.faults.apply(recorded, gone);
    if (res.destroyed) return;
    const [status, body] =
      fault === undefined
        ? this.route(recorded, /^\/api\/v10\//.test(url.pathname))
        : [fault.status, fault.body ?? { message: `fake Discord failed with ${fault.status}`, code: 0 }];
    res.writeHead(status, {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...fault?.headers,
    });
    res.end(body === undefined ? undefined : JSON.stringify(body));
    this.events.emit("request", recorded);
  }

  private route(r: RecordedRequest, v10: boolean): [number, unknown] {
    if (!v10) return [404, { message: "404: Not Found (the fake serves /api/v10 only)", code: 0 }];
    const { user, applicationId } = this.options;
    const parts = r.path.split("/").slice(1);
    const is = (method: string, pattern: RegExp) => r.method === method && pattern.test(r.path);

    // Interaction callbacks and webhooks authenticate with the interaction token in the path.
    if (is("POST", /^\/interactions\/\d+\/[^/]+\/callback$/)) return [204, undefined];
    if (is("PATCH", /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/))
      return [200, this.message(r.body, "0", user)];
    if (is("POST", /^\/webhooks\/\d+\/[^/]+$/)) return [200, this.message(r.body, "0", user)];

    if (r.authorization !== `Bot ${this.options.token}`)
      return [401, { message: "401: Unauthorized", code: 0 }];
    if (is("GET", /^\/gateway\/bot$/)) {
      return [
        200,
        {
          url: this.gatewayUrl,
          shards: this.options.shards ?? 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (is("GET", /^\/gateway$/)) return [200, { url: this.gatewayUrl }];
    if (is("GET", /^\/users\/@me$/)) return [200, user];
    if (is("GET", /^\/applications\/@me$/))
      return [200, { id: applicationId, name: user.username, flags: 0 }];
    if (is("PUT", /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/) && parts[1] === applicationId) {
      const guildId = parts[2] === "guilds" ? parts[3] : undefined;
      const saved = (Array.isArray(r.body) ? r.body : []).map((command) => ({
        ...(command as object),
        id: this.snowflake(),
        application_id: applicationId,
        version: this.snowflake(),
        ...(guildId === undefined ? {} : { guild_id: guildId }),
      }));
      this.commands.set(guildId ?? "global", saved);
      return [200, saved];
    }
    if (is("GET", /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/)) {
      return [200, this.commands.get(parts[2] === "guilds" ? (parts[3] ?? "") : "global") ?? []];
    }
    if (is("POST", /^\/channels\/\d+\/messages$/)) return [200, this.message(r.body, parts[1] ?? "", user)];
    if (is("GET", /^\/channels\/\d+$/)) {
      const channel = this.channel(parts[1] ?? "");
      return channel === undefined ? [404, { message: "Unknown Channel", code: 10003 }] : [200, channel];
    }
    return [404, { message: `404: the fake does not serve ${r.method} ${r.path}`, code: 0 }];
  }

  private channel(id: string): unknown {
    const inGuild = (this.options.guilds ?? []).flatMap((g) =>
      g.channels.filter((c) => c.id === id).map((c) => ({ ...c, guild_id: g.id })),
    );
    return inGuild[0] ?? (this.options.channels ?? []).find((c) => c.id === id);
  }

  /** The message Discord would create from a message body. */
  private message(body: unknown, channelId: string, author: unknown): Record<string, unknown> {
    const b = (body ?? {}) as Record<string, unknown>;
    const reference = b.message_reference as Record<string, unknown> | undefined;
    return {
      id: this.snowflake(),
      channel_id: channelId,
      author,
      content: b.content ?? "",
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      pinned: false,
      type: reference === undefined ? 0 : 19,
      flags: b.flags ?? 0,
      ...(reference === undefined ? {} : { message_reference: { ...reference, channel_id: channelId } }),
    };
  }

  // --- Gateway ---

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://127.0.0.1").searchParams);
    this.gatewayQueries.push(query);
    this.sockets.add(socket);
    socket.on("close", () => {
      this.sockets.delete(socket);
      this.events.emit("closed");
    });
    if (query.v !== "10") {
      socket.close(4012, "Invalid API version");
      return;
    }
    if (query.encoding !== "json" || query.compress !== undefined) {
      socket.close(4002, "Decode error");
      return;
    }
    const send = (payload: unknown) => socket.send(JSON.stringify(payload));
    send({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval ?? 41_250 }, s: null, t: null });
    socket.on("message", (data) => this.onFrame(socket, data, send));
  }

  private onFrame(socket: WebSocket, data: RawData, send: (payload: unknown) => void): void {
    const frame = JSON.parse(String(data)) as { op: number; d: unknown };
    switch (frame.op) {
      case 1:
        send({ op: 11, d: null, s: null, t: null });
        return;
      case 2:
        this.onIdentify(socket, frame.d as Identify, send);
        return;
      case 6:
        this.onResume(socket, frame.d as Resume, send);
        return;
      default:
        return;
    }
  }

  private onIdentify(socket: WebSocket, identify: Identify, send: (payload: unknown) => void): void {
    this.identifies.push(identify);
    if (identify.token !== this.options.token) {
      socket.close(4004, "Authentication failed");
      return;
    }
    const shard = identify.shard ?? [0, 1];
    const session: Session = { id: randomUUID().replaceAll("-", ""), seq: 0, shard, socket };
    this.sessions.set(session.id, session);
    const [shardId, count] = shard;
    const guilds = (this.options.guilds ?? []).filter(
      (g) => Number((BigInt(g.id) >> 22n) % BigInt(count)) === shardId,
    );
    const dispatch = (t: string, d: unknown) => {
      session.seq += 1;
      send({ op: 0, t, s: session.seq, d });
    };
    dispatch("READY", {
      v: 10,
      user: this.options.user,
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard,
      application: { id: this.options.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      user_settings: {},
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    for (const guild of guilds) dispatch("GUILD_CREATE", guild);
    this.readyCount += 1;
    this.events.emit("ready");
  }

  private onResume(socket: WebSocket, resume: Resume, send: (payload: unknown) => void): void {
    this.resumes.push(resume);
    const session = this.sessions.get(resume.session_id);
    if (session === undefined || resume.token !== this.options.token) {
      send({ op: 9, d: false, s: null, t: null });
      return;
    }
    session.socket = socket;
    session.seq += 1;
    send({ op: 0, t: "RESUMED", s: session.seq, d: {} });
    this.readyCount += 1;
    this.events.emit("ready");
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseJson(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (!contentType?.includes("application/json")) return raw;
  return JSON.parse(raw);
}
