import type { AllMiddlewareArgs, App, RespondFn, types } from "@slack/bolt";
import { runLine } from "../../../commands/index.js";
import type { Core } from "../../core/core.js";
import { messages } from "../../core/messages.js";
import type { Answer } from "../../core/types.js";
import { isShareable, renderAnswer, renderNotice, type SlackMessage } from "./format.js";
import { logError } from "./log.js";

type Client = AllMiddlewareArgs["client"];

/** Where a reply goes: a conversation, maybe a thread in it, and who asked. */
interface Place {
  channel: string;
  threadTs?: string;
  user?: string;
  /** A direct message: every reply is a plain message there, since only the asker sees it anyway. */
  direct: boolean;
}

/** Slack's own escaping in incoming text, undone: the core reads plain words. */
export function plainText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The question in a message: its text without mentions of the bot. */
export function questionIn(text: string, botUserId: string | undefined): string {
  const mention = botUserId === undefined ? undefined : new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g");
  return plainText(mention === undefined ? text : text.replace(mention, " ")).trim();
}

/**
 * Answers without letting a failure escape: any exception is logged (never with a secret) and the
 * asker gets a short apology instead; a failed apology is logged too, and the app carries on.
 */
async function answerSafely(
  where: string,
  secrets: readonly string[],
  answer: () => Answer,
  send: (message: SlackMessage, shareable: boolean) => Promise<unknown>,
): Promise<void> {
  try {
    const value = answer();
    await send(renderAnswer(value), isShareable(value));
  } catch (error) {
    logError(where, error, secrets);
    try {
      await send(renderNotice(messages.apology), false);
    } catch (again) {
      logError(`${where}, apologising`, again, secrets);
    }
  }
}

/** Posts in the conversation, or only for the asker when the reply is not worth sharing. */
function postTo(client: Client, place: Place) {
  return (message: SlackMessage, shareable: boolean) => {
    const thread = place.threadTs === undefined ? {} : { thread_ts: place.threadTs };
    if (!shareable && !place.direct && place.user !== undefined) {
      return client.chat.postEphemeral({ channel: place.channel, user: place.user, ...thread, ...message });
    }
    return client.chat.postMessage({
      channel: place.channel,
      ...thread,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
    });
  };
}

function respondWith(respond: RespondFn) {
  return (message: SlackMessage, shareable: boolean) =>
    respond({ response_type: shareable ? "in_channel" : "ephemeral", ...message });
}

/** A message a person wrote, as opposed to a bot's message, an edit, a join or a topic change. */
function byPerson(event: { subtype?: string | undefined; bot_id?: string | undefined }): boolean {
  return event.subtype === undefined && event.bot_id === undefined;
}

/**
 * Routes Slack's requests to the core: every command of the registry as a slash command, mentions
 * (answered in a thread) and direct messages. Redelivered events are acknowledged and dropped.
 */
export function registerListeners(app: App, core: Core, secrets: readonly string[]): void {
  // Slack redelivers an event when it thinks the first delivery was lost. Bolt acknowledges events
  // before any listener runs, so the first delivery is being answered already: drop the copy. This
  // needs no memory of earlier requests, so any instance behind a load balancer can decide it.
  app.use(async ({ context, next }) => {
    if ((context.retryNum ?? 0) > 0) return;
    await next();
  });

  // One listener serves the whole registry: runLine finds the command and parses its options.
  app.command(/^\/[\w-]+$/, async ({ command, ack, respond }) => {
    await ack();
    await answerSafely(
      `command ${command.command}`,
      secrets,
      () => runLine(`${command.command} ${plainText(command.text)}`, core),
      respondWith(respond),
    );
  });

  app.event("app_mention", async ({ event, client, context }) => {
    // A mention in a direct message is answered as the direct message it also is.
    if (!byPerson(event) || event.channel.startsWith("D")) return;
    const place: Place = {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      ...(event.user === undefined ? {} : { user: event.user }),
      direct: false,
    };
    await answerSafely(
      "app_mention",
      secrets,
      () => runLine(questionIn(event.text, context.botUserId), core),
      postTo(client, place),
    );
  });

  app.message(async ({ message, client, context }) => {
    const event = message as types.MessageEvent;
    if (event.subtype !== undefined || event.channel_type !== "im" || !byPerson(event)) return;
    const place: Place = {
      channel: event.channel,
      ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }),
      user: event.user,
      direct: true,
    };
    await answerSafely(
      "direct message",
      secrets,
      () => runLine(questionIn(event.text ?? "", context.botUserId), core),
      postTo(client, place),
    );
  });

  // Whatever still fails (authorisation, a middleware) is logged, and the app keeps serving.
  app.error(async (error) => {
    logError("unhandled", error, secrets);
  });
}
