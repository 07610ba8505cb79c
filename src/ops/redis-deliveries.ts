import type { Redis } from "ioredis";
import { ANSWERED_MS, CLAIM_MS, type Deliveries, MemoryDeliveries } from "./deliveries.js";
import { KEY_PREFIX } from "./redis.js";

export const DELIVERY_PREFIX = `${KEY_PREFIX}delivery:`;

/**
 * Deliveries claimed across instances: `SET NX` with CLAIM_MS, then `answered` once the reply is
 * out. While Redis cannot be reached, this process's own memory decides, so a delivery is still
 * answered (perhaps twice, by two instances), never lost.
 */
export class RedisDeliveries implements Deliveries {
  private readonly local = new MemoryDeliveries();

  constructor(private readonly redis: Redis) {}

  async claim(id: string): Promise<boolean> {
    const mine = await this.local.claim(id);
    try {
      return (await this.redis.set(DELIVERY_PREFIX + id, "claimed", "PX", CLAIM_MS, "NX")) === "OK";
    } catch {
      return mine;
    }
  }

  async answered(id: string): Promise<void> {
    await this.local.answered(id);
    await this.redis.set(DELIVERY_PREFIX + id, "answered", "PX", ANSWERED_MS).catch(() => undefined);
  }
}
