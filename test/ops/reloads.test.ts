import { EventEmitter } from "node:events";
import { expect, it } from "vitest";
import { watchReloads } from "../../src/ops/reloads.js";
import type { ProcessEvents } from "../../src/ops/shutdown.js";
import { captureLogs, eventually, FIXTURE_KNOWLEDGE, liveOver } from "../helpers.js";
import { describeWithRedis, redisForSuite } from "../redis.js";

describeWithRedis("reloads shared through Redis", () => {
  const redis = redisForSuite();

  it("subscribes again when the server refuses the first subscription on a live connection", async () => {
    const admin = await redis().connect();
    await admin.call("ACL", "SETUSER", "default", "-subscribe");
    const log = captureLogs();
    const watching = watchReloads(
      liveOver(FIXTURE_KNOWLEDGE),
      new EventEmitter() as ProcessEvents,
      log.logger,
      redis().url,
    );
    const said = (msg: string) => log.entries().find((e) => e.msg === msg);
    await eventually(
      () => said("could not listen for reloads on other instances: trying again"),
      "a refused subscription",
    );
    expect(said("listening for reloads on other instances")).toBeUndefined();
    await admin.call("ACL", "SETUSER", "default", "+subscribe");
    await eventually(() => said("listening for reloads on other instances"), "the subscription tried again");
    await watching.stop();
  });
});
