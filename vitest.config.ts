import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    // Set-up starts servers, bots and bot processes: on a busy machine that takes what it takes.
    // A hook's own deadline (10 s by default) would be a wall-clock margin; this one only catches a hang.
    hookTimeout: 60_000,
    // Vitest runs one file at a time on 2 cores (cores - 1) by default. Most files wait on sockets
    // and child processes, not on the CPU, so two at a time finish sooner; tests wait for events,
    // never for the clock, so a busier machine makes them slower, not red.
    maxWorkers: 2,
  },
});
