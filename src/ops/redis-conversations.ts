import type { Redis } from "ioredis";
import type { ConversationContext } from "../core/types.js";
import { CONVERSATION_TTL_MS, MemoryConversations } from "./conversations.js";
import type { Conversations } from "./ports.js";
import { KEY_PREFIX } from "./redis.js";

export const CONVERSATION_PREFIX = `${KEY_PREFIX}conversation:`;

/**
 * Conversations in Redis, as JSON that expires CONVERSATION_TTL_MS after the last answer, so that a
 * thread's next message is understood on any instance or shard. Each context is also kept in this
 * process's memory, which answers while Redis cannot be reached.
 */
export class RedisConversations implements Conversations {
  private readonly local = new MemoryConversations();

  constructor(private readonly redis: Redis) {}

  async get(key: string): Promise<ConversationContext | undefined> {
    try {
      const json = await this.redis.get(CONVERSATION_PREFIX + key);
      return json === null ? undefined : (JSON.parse(json) as ConversationContext);
    } catch {
      return this.local.get(key);
    }
  }

  async set(key: string, context: ConversationContext): Promise<void> {
    await this.local.set(key, context);
    await this.redis
      .set(CONVERSATION_PREFIX + key, JSON.stringify(context), "PX", CONVERSATION_TTL_MS)
      .catch(() => undefined);
  }
}
