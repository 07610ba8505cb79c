/**
 * What the Discord tests share besides payloads: a core over the fixture knowledge with a fixed
 * clock, a fake Discord with the real client connected to it, and readers for the bot's replies.
 */
import { fileURLToPath } from "node:url";
import { type DiscordStartOptions, startDiscord } from "../../../src/adapters/discord/index.js";
import type { DiscordConfig } from "../../../src/config.js";
import { Core } from "../../../src/core/core.js";
import type { LiveCore } from "../../../src/ops/live-core.js";
import type { Service } from "../../../src/ops/ports.js";
import { FakeDiscord, type RecordedRequest } from "../../fakes/discord.js";
import { live, type TestDesk, testDesk } from "../../helpers.js";
import { botUser, dmChannel, guildPayload, type InteractionPayload, ids } from "./payloads.js";

export const KNOWLEDGE_DIR = fileURLToPath(new URL("./fixtures/knowledge", import.meta.url));
export const NOW = new Date("2026-03-01T00:00:00Z");
export const TOKEN = "fake-discord-bot-token.for-tests.only";

export function fixtureCore(): Core {
  return Core.load({ knowledgeDir: KNOWLEDGE_DIR, now: () => NOW });
}

export function discordConfig(fake: FakeDiscord, extra: Partial<DiscordConfig> = {}): DiscordConfig {
  return { token: TOKEN, applicationId: ids.app, apiUrl: fake.apiUrl, ...extra };
}

export interface RunningBot extends TestDesk {
  fake: FakeDiscord;
  service: Service;
  stop(): Promise<void>;
}

/**
 * A fake Discord and the real client connected to it through DISCORD_API_URL, serving through a
 * desk whose logs the test can read (no rate limit unless the desk given has one), answering from
 * the core given, or from a live one the test reloads.
 */
export async function startBot(
  core: Core | LiveCore = fixtureCore(),
  ops: TestDesk = testDesk(),
  options: DiscordStartOptions = {},
): Promise<RunningBot> {
  const fake = await FakeDiscord.start({
    token: TOKEN,
    applicationId: ids.app,
    user: botUser,
    guilds: [guildPayload()],
    channels: [dmChannel],
  });
  const service = await startDiscord(
    core instanceof Core ? live(core) : core,
    discordConfig(fake),
    ops.desk,
    options,
  );
  return {
    ...ops,
    fake,
    service,
    stop: async () => {
      await service.stop();
      await fake.close();
    },
  };
}

/** Sends an interaction and returns the bot's callback to it. */
export async function interact(fake: FakeDiscord, payload: InteractionPayload): Promise<RecordedRequest> {
  await fake.dispatch("INTERACTION_CREATE", payload);
  return fake.waitForRequest(
    (r) => r.method === "POST" && r.path === `/interactions/${payload.id}/${payload.token}/callback`,
    `the callback to interaction ${payload.id}`,
  );
}

export interface MessageBody {
  content?: string;
  /** 64: only the person who used the interaction sees it. */
  flags?: number;
  embeds?: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components?: { type: number; components: { custom_id?: string; label?: string }[] }[];
  allowed_mentions?: { parse?: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
}

/** The message a callback replies with (type 4: a channel message). */
export function replyOf(callback: RecordedRequest): MessageBody {
  const body = callback.body as { type: number; data: MessageBody };
  if (body.type !== 4) throw new Error(`expected a message reply (type 4), got type ${body.type}`);
  return body.data;
}

/** Every word a user sees in a message: content, titles, descriptions, fields, footers. */
export function visibleText(message: MessageBody): string {
  return [
    message.content ?? "",
    ...(message.embeds ?? []).flatMap((e) => [
      e.title ?? "",
      e.description ?? "",
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text ?? "",
    ]),
  ].join("\n");
}
