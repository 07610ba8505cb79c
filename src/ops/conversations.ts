import type { ConversationContext } from "../core/types.js";
import type { Conversations } from "./ports.js";

/** A conversation is forgotten this long after its last answer. */
export const CONVERSATION_TTL_MS = 30 * 60_000;
/** Conversations one process remembers at most; past this the oldest is forgotten. */
const MAX_CONVERSATIONS = 10_000;

/** The conversations of one process: each expires after CONVERSATION_TTL_MS, the oldest go first. */
export class MemoryConversations implements Conversations {
  private readonly entries = new Map<string, { context: ConversationContext; expires: number }>();

  constructor(
    private readonly max = MAX_CONVERSATIONS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<ConversationContext | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires > this.now()) return entry.context;
    this.entries.delete(key);
    return undefined;
  }

  async set(key: string, context: ConversationContext): Promise<void> {
    // Deleting first moves the key to the end: the map's order is the order of last answers.
    this.entries.delete(key);
    this.entries.set(key, { context, expires: this.now() + CONVERSATION_TTL_MS });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.max) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
