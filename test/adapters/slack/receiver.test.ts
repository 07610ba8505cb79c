/**
 * The gate in front of Bolt (src/adapters/slack/receiver.ts), over real HTTP on loopback: what is
 * refused before a body is read, what a malformed signed payload gets, what an event gets while
 * the bot shuts down, and how long an idle connection is kept.
 */
import { createHmac } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../src/adapters/slack/receiver.js";
import { DEFAULT_KEEP_ALIVE_SECONDS } from "../../../src/config.js";
import { messages } from "../../../src/core/compose/messages.js";
import { Desk } from "../../../src/ops/desk.js";
import { notices } from "../../../src/ops/notices.js";
import { DELIVERY_PREFIX, RedisDeliveries } from "../../../src/ops/redis-deliveries.js";
import { BOT_USER_ID } from "../../fakes/slack.js";
import { captureLogs, eventuallyAsync } from "../../helpers.js";
import { describeWithRedis, redisForSuite } from "../../redis.js";
import { type RunningSlack, startSlackApp } from "./harness.js";
import {
  buttonClick,
  directMessage,
  eventCallback,
  mention,
  postSigned,
  SIGNING_SECRET,
} from "./requests.js";

let slack: RunningSlack;

beforeAll(async () => {
  slack = await startSlackApp();
});

afterAll(async () => {
  await slack?.stop();
});

const now = () => String(Math.floor(Date.now() / 1000));
const WELL_FORMED_BUT_WRONG = `v0=${"0".repeat(64)}`;

/**
 * Sends a POST's headers and only the first bytes of its body, and resolves with the status the
 * app answers while the rest has not been sent: an app that waited for the whole body never would.
 */
function answerBeforeBody(headers: Record<string, string>, first = Buffer.alloc(1024, "a")): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(slack.url, { method: "POST", headers, agent: false }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      req.destroy();
    });
    req.on("error", reject);
    req.write(first);
  });
}

/** Sends a whole body, signed, in chunks and without a Content-Length, as chunked encoding does. */
function postChunked(body: string): Promise<number> {
  const timestamp = now();
  const signature = createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex");
  return new Promise((resolve) => {
    const req = request(
      slack.url,
      {
        method: "POST",
        agent: false,
        headers: {
          "Content-Type": "application/json",
          "X-Slack-Request-Timestamp": timestamp,
          "X-Slack-Signature": `v0=${signature}`,
        },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
      },
    );
    req.on("error", () => undefined);
    for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.slice(at, at + 64 * 1024));
    req.end();
  });
}

/** An event delivery whose text makes the body about `bytes` long. */
const paddedDelivery = (bytes: number, channel: string) =>
  JSON.stringify(eventCallback(directMessage("x".repeat(bytes), channel, "1700000300.000100")));

describe("Slack's HTTP gate: before a body is read", () => {
  it("refuses a body declared larger than the limit with 413, without reading it", async () => {
    const status = await answerBeforeBody({
      "Content-Type": "application/json",
      "Content-Length": String(MAX_BODY_BYTES + 1),
      "X-Slack-Request-Timestamp": now(),
      "X-Slack-Signature": WELL_FORMED_BUT_WRONG,
    });
    expect(status).toBe(413);
  });

  it("refuses a request with no signature with 401, without reading its body", async () => {
    const status = await answerBeforeBody({
      "Content-Type": "application/json",
      "Content-Length": String(MAX_BODY_BYTES),
      "X-Slack-Request-Timestamp": now(),
    });
    expect(status).toBe(401);
  });

  it("refuses a signature that is not of Slack's v0 shape with 401, without reading the body", async () => {
    const status = await answerBeforeBody({
      "Content-Type": "application/json",
      "Content-Length": String(MAX_BODY_BYTES),
      "X-Slack-Request-Timestamp": now(),
      "X-Slack-Signature": "v0=not-hex",
    });
    expect(status).toBe(401);
  });

  it("refuses a chunked body that grows past the limit with 413, even correctly signed", async () => {
    expect(await postChunked(paddedDelivery(MAX_BODY_BYTES + 1024, "DHUGE"))).toBe(413);
  });

  it("accepts a signed body as long as Slack's longest messages (256 KiB) and answers it", async () => {
    const body = paddedDelivery(256 * 1024, "DLONG");
    expect((await postSigned(slack.url, body, "application/json")).status).toBe(200);
    const call = await slack.fake.waitForCall("chat.postMessage", "DLONG");
    expect(call.args.text).toContain(messages.tooLongTitle);
  });
});

describe("Slack's HTTP gate: malformed signed payloads", () => {
  const click = (change: (payload: Record<string, unknown>) => void) => {
    const payload = buttonClick({ text: { text: "More" }, value: "x" }, slack.fake.responseUrl("malformed"));
    change(payload as unknown as Record<string, unknown>);
    return postSigned(
      slack.url,
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      "application/x-www-form-urlencoded",
    );
  };

  it("answers a signed block_actions with no user with 400, not 500", async () => {
    expect((await click((p) => delete p.user)).status).toBe(400);
  });

  it("answers a signed block_actions with no container with 400, not 500", async () => {
    expect((await click((p) => delete p.container)).status).toBe(400);
  });

  it("answers a signed block_actions whose user has no id with 400", async () => {
    expect((await click((p) => (p.user = { name: "someone" }))).status).toBe(400);
  });
});

describe("Slack's HTTP gate: idle connections", () => {
  it("keeps an idle connection longer than common balancers do (65 s), and says so", async () => {
    const response = await fetch(slack.url.replace("/slack/events", "/healthz"));
    expect(DEFAULT_KEEP_ALIVE_SECONDS).toBe(65);
    expect(response.headers.get("keep-alive")).toBe("timeout=65");
  });

  it("keeps an idle connection as long as HTTP_KEEP_ALIVE_SECONDS says", async () => {
    const other = await startSlackApp({ config: { keepAliveSeconds: 350 } });
    try {
      const response = await fetch(other.url.replace("/slack/events", "/healthz"));
      expect(response.headers.get("keep-alive")).toBe("timeout=350");
    } finally {
      await other.stop();
    }
  });
});

describe("Slack's HTTP gate: shutting down", () => {
  it("answers an event 503 once the desk closes, so that Slack delivers it again, and answers nothing", async () => {
    const closing = await startSlackApp({ fake: slack.fake });
    closing.desk.close();
    const delivery = eventCallback(
      mention(`<@${BOT_USER_ID}> gz green cards`, "CCLOSING", "1700000301.000100"),
    );
    expect((await closing.deliver({}, delivery)).status).toBe(503);
    // A slash command cannot be delivered again: it hears that the bot is restarting.
    const late = await closing.command("/ask", "gz green cards", "closing-command");
    expect(JSON.parse(late.body)).toMatchObject({ text: notices.en.restarting });
    // The redelivery, sent to an instance that is up, is answered.
    expect((await slack.deliver({}, delivery)).status).toBe(200);
    expect((await slack.fake.waitForCall("chat.postMessage", "CCLOSING")).args.text).toContain("2,515");
    expect(slack.fake.callsOf("chat.postMessage", "CCLOSING")).toHaveLength(1);
    await closing.stop();
  });
});

describeWithRedis("Slack's HTTP gate: shutting down, with deliveries shared through Redis", () => {
  const server = redisForSuite();

  const instance = async () => {
    const logger = captureLogs("silent").logger;
    const deliveries = new RedisDeliveries(await server().connect(), logger);
    return startSlackApp({ fake: slack.fake, desk: new Desk({ logger, deliveries }) });
  };

  it("never marks an event that arrived during shutdown answered: the redelivery elsewhere is answered", async () => {
    const [stopping, healthy] = [await instance(), await instance()];
    stopping.desk.close();
    const delivery = eventCallback(
      mention(`<@${BOT_USER_ID}> gz green cards`, "CREDIS", "1700000302.000100"),
    );
    expect((await stopping.deliver({}, delivery)).status).toBe(503);
    const redis = await server().connect();
    expect(await redis.get(`${DELIVERY_PREFIX}${delivery.event_id}`)).toBeNull();
    expect((await healthy.deliver({}, delivery)).status).toBe(200);
    expect((await slack.fake.waitForCall("chat.postMessage", "CREDIS")).args.text).toContain("2,515");
    const key = `${DELIVERY_PREFIX}${delivery.event_id}`;
    await eventuallyAsync(
      async () => ((await redis.get(key)) === "answered" ? true : undefined),
      "marked answered",
    );
    await Promise.all([stopping.stop(), healthy.stop()]);
  });
});
