import { describe, expect, it } from "vitest";
import { bounded, Gate } from "../../src/adapters/outgoing.js";

/** A call that stays open until released, as a server that accepts a request and never answers. */
function hangingCalls() {
  const open: { url: string; release: () => void }[] = [];
  const request = (url: string, init: { signal?: AbortSignal | null }) =>
    new Promise<string>((resolve, reject) => {
      const call = {
        url,
        release: () => {
          open.splice(open.indexOf(call), 1);
          resolve(url);
        },
      };
      open.push(call);
      init.signal?.addEventListener("abort", () => {
        open.splice(open.indexOf(call), 1);
        reject(init.signal?.reason);
      });
    });
  return { open, request };
}

describe("outgoing calls, bounded", () => {
  it("keeps at most the bound open and lets the others in, in order, as calls finish", async () => {
    const calls = hangingCalls();
    const send = bounded(calls.request, { maxOpen: 2, timeoutMs: 60_000 });
    const results = ["a", "b", "c", "d"].map((url) => send(url, {}));
    await Promise.resolve();
    expect(calls.open.map((c) => c.url)).toEqual(["a", "b"]);
    calls.open[0]?.release();
    expect(await results[0]).toBe("a");
    expect(calls.open.map((c) => c.url)).toEqual(["b", "c"]);
    calls.open[1]?.release();
    expect(await results[2]).toBe("c");
    expect(calls.open.map((c) => c.url)).toEqual(["b", "d"]);
    for (const call of [...calls.open]) call.release();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
  });

  it("gives a call up with a TimeoutError after its timeout, whether open or still waiting for a slot", async () => {
    const calls = hangingCalls();
    const send = bounded(calls.request, { maxOpen: 1, timeoutMs: 50 });
    const [open, waiting] = [send("open", {}), send("waiting", {})];
    await expect(open).rejects.toMatchObject({ name: "TimeoutError" });
    await expect(waiting).rejects.toMatchObject({ name: "TimeoutError" });
    expect(calls.open).toEqual([]);
  });

  it("drops a call whose caller gives up while it waits, and lets the next one in", async () => {
    const gate = new Gate(1);
    let finish: () => void = () => undefined;
    const first = gate.run(
      () => new Promise<string>((resolve) => (finish = () => resolve("first"))),
      new AbortController().signal,
    );
    const caller = new AbortController();
    const second = gate.run(async () => "second", caller.signal);
    const third = gate.run(async () => "third", new AbortController().signal);
    caller.abort(new Error("the caller gave up"));
    await expect(second).rejects.toThrow("the caller gave up");
    finish();
    expect([await first, await third]).toEqual(["first", "third"]);
  });
});
