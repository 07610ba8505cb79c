import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackService, startSlack } from "../../../src/adapters/slack/index.js";
import { shutdown } from "../../../src/ops/shutdown.js";
import { BOT_USER_ID, FakeSlack, FakeSocketMode, type Received, TEAM_ID } from "../../fakes/slack.js";
import { fixtureCore, live, testDesk } from "../../helpers.js";
import { APP_TOKEN, BOT_TOKEN, directMessage, eventCallback, mention, slashCommand } from "./requests.js";

let fake: FakeSlack;
let socket: FakeSocketMode;
let service: SlackService;

beforeAll(async () => {
  fake = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  fake.socketUrl = socket.url;
  service = await startSlack(
    live(fixtureCore()),
    { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 3000 },
    testDesk().desk,
  );
});

afterAll(async () => {
  await service?.stop();
  await socket?.close();
  await fake?.close();
});

const json = (value: unknown) => JSON.stringify(value);

function eventsApi(
  id: string,
  event: Record<string, unknown>,
  retryAttempt = 0,
  payload = eventCallback(event),
) {
  socket.send({
    envelope_id: id,
    type: "events_api",
    accepts_response_payload: false,
    retry_attempt: retryAttempt,
    retry_reason: retryAttempt === 0 ? "" : "timeout",
    payload,
  });
}

describe("Slack in Socket Mode", () => {
  it("opens the connection with the app token through SLACK_API_URL", () => {
    const opens = fake.callsOf("apps.connections.open");
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(APP_TOKEN);
    expect(service.mode).toBe("socket");
  });

  it("acknowledges a slash command envelope and answers at the response_url", async () => {
    socket.send({
      envelope_id: "env-command-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: { ...slashCommand("/city", "Guangzhou", fake.responseUrl("socket-city")), team_id: TEAM_ID },
    });
    const ack = await socket.waitForAck("env-command-1");
    expect(ack.envelope_id).toBe("env-command-1");
    const { body } = await fake.waitForResponse("socket-city");
    expect(body.response_type).toBe("in_channel");
    expect(body.text).toContain("Guangzhou");
    expect(json(body.blocks)).toContain("Alpha City courts returning scholars");
  });

  it("acknowledges an app_mention envelope and answers in a thread under the message", async () => {
    eventsApi("env-mention-1", mention(`<@${BOT_USER_ID}> gz green cards`, "CSOCKET1", "1700000100.000100"));
    await socket.waitForAck("env-mention-1");
    const call = await fake.waitForCall("chat.postMessage", "CSOCKET1");
    expect(call.token).toBe(BOT_TOKEN);
    expect(call.args.thread_ts).toBe("1700000100.000100");
    expect(call.args.text).toContain("2,515");
  });

  it("acknowledges a redelivered envelope without answering it again", async () => {
    const event = mention(`<@${BOT_USER_ID}> gz green cards`, "CSOCKET2", "1700000101.000100");
    const delivery = eventCallback(event);
    eventsApi("env-retry-0", event, 0, delivery);
    await fake.waitForCall("chat.postMessage", "CSOCKET2");
    eventsApi("env-retry-1", event, 1, delivery);
    await socket.waitForAck("env-retry-1");
    eventsApi("env-after-retry", directMessage("/help", "DSOCKETAFTER", "1700000101.000200"));
    await fake.waitForCall("chat.postMessage", "DSOCKETAFTER");
    expect(fake.callsOf("chat.postMessage", "CSOCKET2")).toHaveLength(1);
  });
});

describe("Slack in Socket Mode, shutting down", () => {
  it("closes the connection before draining, so that Slack hands new events to another, and finishes the answer in flight", async () => {
    const api = await new FakeSlack().start();
    const ws = await new FakeSocketMode().start();
    api.socketUrl = ws.url;
    const { desk, log } = testDesk();
    const app = await startSlack(
      live(fixtureCore()),
      { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: api.apiUrl, port: 3000 },
      desk,
    );
    try {
      const held = api.faults.hold((r: Received) => r.target === "respond/socket-in-flight");
      ws.send({
        envelope_id: "env-in-flight",
        type: "slash_commands",
        accepts_response_payload: true,
        payload: {
          ...slashCommand("/ask", "gz green cards", api.responseUrl("socket-in-flight")),
          team_id: TEAM_ID,
        },
      });
      await held.arrived;
      const stopping = shutdown(desk, [app], log.logger);
      await ws.waitForDisconnect();
      expect(desk.pending).toBe(1);
      held.release();
      await stopping;
      expect((await api.waitForResponse("socket-in-flight")).body.text).toContain("2,515");
      expect(log.entries().some((e) => String(e.msg).includes("gave up"))).toBe(false);
    } finally {
      await ws.close();
      await api.close();
    }
  });
});
