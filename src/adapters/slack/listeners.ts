import type {
  AckFn,
  AllMiddlewareArgs,
  App,
  BlockButtonAction,
  RespondArguments,
  RespondFn,
  types,
} from "@slack/bolt";
import { askedText } from "../../../commands/asked.js";
import {
  commandLine,
  findCommand,
  parseArgs,
  runCommand,
  runLine,
  runSuggestion,
  suggestionLine,
} from "../../../commands/index.js";
import type { Desk, Reply, Run, Send } from "../../ops/index.js";
import type { LiveCore } from "../../ops/live-core.js";
import { carriedOver } from "../carried-over.js";
import { decodeSuggestion } from "../follow-ups.js";
import { BUTTON_ACTION, isShareable, renderAnswer, renderNotice, type SlackMessage } from "./format.js";
import { slackMessages } from "./messages.js";
import { registerVotes } from "./votes.js";

type Client = AllMiddlewareArgs["client"];

/** Where a reply goes: a conversation, maybe a thread in it, and who asked. */
interface Place {
  channel: string;
  threadTs?: string;
  user: string;
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

/** An answer rendered as Block Kit, and whether everyone should see it; notices only the asker. */
function rendered(reply: Reply): { message: SlackMessage; shareable: boolean } {
  if (reply.kind === "answer") {
    return { message: renderAnswer(reply.answer, reply.ballot), shareable: isShareable(reply.answer) };
  }
  const text = reply.kind === "busy" ? slackMessages[reply.language].busy : reply.text;
  return { message: renderNotice(text), shareable: false };
}

/** Posts in the conversation, or only for the asker when the reply is not worth sharing. */
function postTo(client: Client, place: Place): Send {
  return (reply) => {
    const { message, shareable } = rendered(reply);
    const thread = place.threadTs === undefined ? {} : { thread_ts: place.threadTs };
    if (!shareable && !place.direct) {
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

/**
 * Replies to a slash command. A notice that comes first (a rate limit, a restart, busy, an apology)
 * goes in the acknowledgement itself, which costs no call to Slack; an answer is acknowledged at once
 * and then sent to the response_url. `settle` acknowledges if nothing has been sent.
 */
function commandReplies(ack: AckFn<string | RespondArguments>, respond: RespondFn) {
  let acked = false;
  const acknowledge = async (message?: RespondArguments) => {
    if (acked) return;
    acked = true;
    await (message === undefined ? ack() : ack(message));
  };
  const send: Send = async (reply) => {
    const { message, shareable } = rendered(reply);
    if (reply.kind !== "answer" && !acked) return acknowledge({ response_type: "ephemeral", ...message });
    await acknowledge();
    return respond({ response_type: shareable ? "in_channel" : "ephemeral", ...message });
  };
  return { send, settle: () => acknowledge() };
}

/**
 * What a slash command asks, its options parsed once from the command's text, as Discord passes
 * them; a command the registry does not have is explained as if typed. An admin command comes
 * with the live knowledge to curate when `admin`, the asker is one of SLACK_ADMIN_USER_IDS.
 */
function slashRequest(
  name: string,
  text: string,
  live: LiveCore,
  admin: boolean,
): { line: string; run: Run } {
  const command = findCommand(name.replace(/^\//, ""));
  if (command === undefined) {
    const line = `${name} ${text}`.trim();
    return { line, run: (context) => runLine(line, live.core, carriedOver(context)) };
  }
  const args = parseArgs(command, text);
  const curator = command.admin === true && admin ? { curate: live } : {};
  return {
    line: commandLine(command, args),
    run: (context) => runCommand(command, args, live.core, { ...carriedOver(context), ...curator }),
  };
}

/**
 * The id Slack gives a delivery and keeps on a redelivery: an event's event_id, a command's or
 * button's trigger_id; as the desk's `delivery`, so that it is answered once.
 */
function deliveryOf(body: object): { delivery: string } | Record<string, never> {
  const { event_id, trigger_id } = body as { event_id?: unknown; trigger_id?: unknown };
  const id = event_id ?? trigger_id;
  return typeof id === "string" ? { delivery: id } : {};
}

/**
 * The thread a clicked button's message sits in, if any: the container says so for every message,
 * an ephemeral one included, which comes without `message`.
 */
function clickedThread(body: BlockButtonAction): string | undefined {
  const fromContainer: unknown = body.container.thread_ts;
  const fromMessage: unknown = body.message?.thread_ts;
  const ts = fromContainer ?? fromMessage;
  return typeof ts === "string" && ts !== "" ? ts : undefined;
}

/**
 * The conversation a click continues, keyed as the message it sits under was: a DM, a thread (a
 * mention's), or else the channel's slash commands of the person clicking.
 */
function buttonConversation(
  channel: string | undefined,
  threadTs: string | undefined,
  user: string,
): string | undefined {
  if (channel === undefined) return undefined;
  if (channel.startsWith("D")) return channel;
  return threadTs === undefined ? `${channel}:${user}` : `${channel}:${threadTs}`;
}

/** A message a person wrote, as opposed to a bot's message, an edit, a join or a topic change. */
function byPerson(event: { subtype?: string | undefined; bot_id?: string | undefined }): boolean {
  return event.subtype === undefined && event.bot_id === undefined;
}

/**
 * Routes Slack's requests to the core through the desk: every command of the registry as a slash
 * command, suggestion and vote buttons, mentions (answered in a thread) and direct messages. Each delivery is answered once:
 * Slack redelivers an event when it thinks the first delivery was lost, and it may have been, so
 * the desk answers a redelivery unless some instance (through Redis, when configured) answered it
 * or is answering it; a dropped command still gets its acknowledgement.
 * Conversations: a DM, a thread (a mention starts one under its message), and a channel's slash
 * commands per person; a button continues the conversation of the message it sits under.
 * Each question reads the live core afresh; `admins` (user ids) may use the admin commands.
 */
export function registerListeners(app: App, live: LiveCore, desk: Desk, admins: ReadonlySet<string>): void {
  // One listener serves the whole registry.
  app.command(/^\/[\w-]+$/, async ({ command, body, ack, respond }) => {
    const admin = admins.has(command.user_id);
    const { line, run } = slashRequest(command.command, plainText(command.text), live, admin);
    const replies = commandReplies(ack, respond);
    await desk.serve(
      {
        platform: "slack",
        user: command.user_id,
        text: askedText(line),
        mustReply: true,
        surface: "slash command",
        conversation: `${command.channel_id}:${command.user_id}`,
        ...deliveryOf(body),
      },
      run,
      replies.send,
    );
    await replies.settle();
  });

  // A button runs the suggestion its value carries, and the answer goes where the button was.
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: BUTTON_ACTION },
    async ({ action, body, ack, respond }) => {
      await ack();
      const suggestion = decodeSuggestion(action.value ?? "");
      if (suggestion === undefined) return;
      const threadTs = clickedThread(body);
      const conversation = buttonConversation(body.channel?.id, threadTs, body.user.id);
      await desk.serve(
        {
          platform: "slack",
          user: body.user.id,
          text: askedText(suggestionLine(suggestion)),
          mustReply: true,
          surface: "button",
          ...(conversation === undefined ? {} : { conversation }),
          ...deliveryOf(body),
        },
        (context) => runSuggestion(suggestion, live.core, carriedOver(context)),
        (reply) => {
          const { message, shareable } = rendered(reply);
          return respond({
            response_type: shareable ? "in_channel" : "ephemeral",
            replace_original: false,
            ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
            ...message,
          });
        },
      );
    },
  );

  registerVotes(app, desk);

  app.event("app_mention", async ({ event, body, client, context }) => {
    // A mention in a direct message is answered as the direct message it also is.
    if (!byPerson(event) || event.channel.startsWith("D") || event.user === undefined) return;
    const place: Place = {
      channel: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      user: event.user,
      direct: false,
    };
    const text = questionIn(event.text, context.botUserId);
    await desk.serve(
      {
        platform: "slack",
        user: event.user,
        text: askedText(text),
        mustReply: false,
        surface: "mention",
        conversation: `${place.channel}:${place.threadTs}`,
        ...deliveryOf(body),
      },
      (context) => runLine(text, live.core, carriedOver(context)),
      postTo(client, place),
    );
  });

  app.message(async ({ message, body, client, context }) => {
    const event = message as types.MessageEvent;
    if (event.subtype !== undefined || event.channel_type !== "im" || !byPerson(event)) return;
    const place: Place = {
      channel: event.channel,
      ...(event.thread_ts === undefined ? {} : { threadTs: event.thread_ts }),
      user: event.user,
      direct: true,
    };
    const text = questionIn(event.text ?? "", context.botUserId);
    await desk.serve(
      {
        platform: "slack",
        user: event.user,
        text: askedText(text),
        mustReply: false,
        surface: "direct message",
        conversation: event.channel,
        ...deliveryOf(body),
      },
      (context) => runLine(text, live.core, carriedOver(context)),
      postTo(client, place),
    );
  });

  // Whatever still fails (authorisation, a middleware) is logged, and the app keeps serving.
  app.error(async (error) => {
    desk.logger.error({ platform: "slack", err: error }, "unhandled error in a Slack handler");
  });
}
