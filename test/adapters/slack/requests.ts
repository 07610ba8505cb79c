import { createHmac } from "node:crypto";
import { TEAM_ID } from "../../fakes/slack.js";

/** Test credentials: shaped like Slack's, valid nowhere. */
export const SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-0000000000-test-bot-token";
export const APP_TOKEN = "xapp-1-A0000001-test-app-token";

export interface Signed {
  secret?: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  retryNum?: number;
}

/** The headers Slack signs a body with: v0 HMAC-SHA256 of `v0:timestamp:body`. */
export function signedHeaders(
  body: string,
  contentType: string,
  options: Signed = {},
): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest("hex");
  return {
    "Content-Type": contentType,
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": `v0=${signature}`,
    ...(options.retryNum === undefined
      ? {}
      : { "X-Slack-Retry-Num": String(options.retryNum), "X-Slack-Retry-Reason": "http_timeout" }),
  };
}

/** POSTs a body to the app as Slack does, signed. */
export async function postSigned(url: string, body: string, contentType: string, options: Signed = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: signedHeaders(body, contentType, options),
    body,
  });
  return { status: response.status, body: await response.text() };
}

let triggers = 0;

/** The form fields of a slash command; each has its own trigger_id, as each invocation does on Slack. */
export function slashCommand(command: string, text: string, responseUrl: string, channel = "C0000001") {
  triggers += 1;
  return {
    token: "verification-token",
    team_id: TEAM_ID,
    team_domain: "example",
    channel_id: channel,
    channel_name: "general",
    user_id: "U0000001",
    user_name: "asker",
    command,
    text,
    api_app_id: "A0000001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: `${triggers}.${process.pid}.2.3`,
  };
}

let events = 0;

/** An Events API `event_callback` wrapping one event. */
export function eventCallback(event: Record<string, unknown>) {
  events += 1;
  return {
    token: "verification-token",
    team_id: TEAM_ID,
    api_app_id: "A0000001",
    event: { event_ts: event.ts, ...event },
    type: "event_callback",
    event_id: `Ev${events}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: "UBOT0001", is_bot: true }],
  };
}

/** An app_mention of the bot in a channel. */
export function mention(text: string, channel: string, ts: string, threadTs?: string) {
  return {
    type: "app_mention",
    user: "U0000001",
    text,
    ts,
    channel,
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

/** A message a person sends the bot directly. */
export function directMessage(
  text: string,
  channel: string,
  ts: string,
  extra: Record<string, unknown> = {},
) {
  return { type: "message", channel_type: "im", user: "U0000001", text, ts, channel, ...extra };
}

/** Where a clicked button's message sits: its channel, and the thread it was posted in, if any. */
export interface ClickedIn {
  channel?: string;
  threadTs?: string;
  /** A message only the asker sees (a decline): Slack sends no `message` then, only the container. */
  ephemeral?: boolean;
}

/**
 * A click on a button of a message the bot sent, as Slack posts it: a `block_actions` payload with
 * a trigger_id of its own, as every click has on Slack.
 */
export function buttonClick(
  button: { action_id?: string | undefined; value?: string | undefined; text: { text: string } },
  responseUrl: string,
  where: ClickedIn = {},
) {
  const channel = where.channel ?? "C0000001";
  const thread = where.threadTs === undefined ? {} : { thread_ts: where.threadTs };
  triggers += 1;
  return {
    type: "block_actions",
    user: { id: "U0000001", username: "asker", team_id: TEAM_ID },
    api_app_id: "A0000001",
    token: "verification-token",
    container: {
      type: "message",
      message_ts: "1700000000.000900",
      channel_id: channel,
      is_ephemeral: where.ephemeral === true,
      ...thread,
    },
    trigger_id: `${triggers}.${process.pid}.2.4`,
    team: { id: TEAM_ID, domain: "example" },
    channel: { id: channel, name: "general" },
    ...(where.ephemeral === true
      ? {}
      : { message: { type: "message", ts: "1700000000.000900", text: "", blocks: [], ...thread } }),
    response_url: responseUrl,
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: "b1",
        text: { type: "plain_text", text: button.text.text },
        value: button.value,
        action_ts: "1700000001.000200",
      },
    ],
  };
}
