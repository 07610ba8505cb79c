import { describe, expect, it } from "vitest";
import { CONVERSATION_TTL_MS, MemoryConversations } from "../../src/ops/conversations.js";
import { ANSWERED_MS, CLAIM_MS, MemoryDeliveries } from "../../src/ops/deliveries.js";
import { CONTEXT } from "../helpers.js";

describe("conversations in one process's memory", () => {
  it("forgets a conversation half an hour after its last answer", async () => {
    const clock = { now: 0 };
    const store = new MemoryConversations(10, () => clock.now);
    await store.set("slack:D1", CONTEXT);
    clock.now += CONVERSATION_TTL_MS - 1;
    expect(await store.get("slack:D1")).toEqual(CONTEXT);
    clock.now += 1;
    expect(await store.get("slack:D1")).toBeUndefined();
  });

  it("keeps at most so many conversations, forgetting the one answered longest ago", async () => {
    const store = new MemoryConversations(2);
    await store.set("a", CONTEXT);
    await store.set("b", CONTEXT);
    await store.set("a", CONTEXT);
    await store.set("c", CONTEXT);
    expect(store.size).toBe(2);
    expect([await store.get("a"), await store.get("b"), await store.get("c")]).toEqual([
      CONTEXT,
      undefined,
      CONTEXT,
    ]);
  });
});

describe("deliveries in one process's memory", () => {
  it("lets the first delivery claim it, and a redelivery only once the claim lapsed unanswered", async () => {
    const clock = { now: 0 };
    const deliveries = new MemoryDeliveries(10, () => clock.now);
    expect(await deliveries.claim("Ev1")).toBe(true);
    expect(await deliveries.claim("Ev1")).toBe(false);
    clock.now += CLAIM_MS;
    expect(await deliveries.claim("Ev1")).toBe(true);
    await deliveries.answered("Ev1");
    clock.now += ANSWERED_MS - 1;
    expect(await deliveries.claim("Ev1")).toBe(false);
  });
});
