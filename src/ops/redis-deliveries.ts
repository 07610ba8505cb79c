import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import { ANSWERED_MS, CLAIM_MS, MemoryDeliveries } from "./deliveries.js";
import type { Deliveries } from "./ports.js";
import { KEY_PREFIX, RedisFallback } from "./redis.js";

export const DELIVERY_PREFIX = `${KEY_PREFIX}delivery:`;

/** Deletes a claim only if it is still this one: never another instance's claim, never "answered". */
const RELEASE = `if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`;

/**
 * Deliveries claimed across instances: `SET NX` of a claim of this process's own with CLAIM_MS,
 * then `answered` once the reply is out, or the claim deleted if it was not. While Redis does not
 * answer (down, slow or full), this process's own memory decides, so a delivery is still answered,
 * perhaps twice (by two instances), never lost; that is warned once per outage.
 */
export class RedisDeliveries implements Deliveries {
  private readonly local = new MemoryDeliveries();
  private readonly claims = new Map<string, string>();
  private readonly fallback: RedisFallback;

  constructor(
    private readonly redis: Redis,
    logger: Logger,
  ) {
    this.fallback = new RedisFallback(
      logger,
      "Slack delivery claims",
      "an event Slack delivers again may be answered twice, by this instance and another",
    );
  }

  async claim(id: string): Promise<boolean> {
    const mine = await this.local.claim(id);
    const claim = randomUUID();
    try {
      const won = (await this.redis.set(DELIVERY_PREFIX + id, claim, "PX", CLAIM_MS, "NX")) === "OK";
      this.fallback.recovered();
      if (won) this.claims.set(id, claim);
      return won;
    } catch (error) {
      this.fallback.fellBack(error);
      return mine;
    }
  }

  async answered(id: string): Promise<void> {
    this.claims.delete(id);
    await this.local.answered(id);
    await this.redis
      .set(DELIVERY_PREFIX + id, "answered", "PX", ANSWERED_MS)
      .then(() => this.fallback.recovered())
      .catch((error: unknown) => this.fallback.fellBack(error));
  }

  async release(id: string): Promise<void> {
    const claim = this.claims.get(id);
    this.claims.delete(id);
    await this.local.release(id);
    if (claim === undefined) return;
    await this.redis
      .eval(RELEASE, 1, DELIVERY_PREFIX + id, claim)
      .then(() => this.fallback.recovered())
      .catch((error: unknown) => this.fallback.fellBack(error));
  }
}
