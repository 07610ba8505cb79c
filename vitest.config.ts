import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Tests wait for events, never for the clock; these timeouts only catch a hang. A test whose
    // work is seconds of CPU (a flood of 5,000 answers, a table of the whole lexicon) or set-up that
    // starts bot processes takes ten times as long on 2 cores shared with other runs: 20 s was a
    // wall-clock margin there, 60 s is not.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest runs one file at a time on 2 cores (cores - 1) by default. Most files wait on sockets
    // and child processes, not on the CPU, so two at a time finish sooner; tests wait for events,
    // never for the clock, so a busier machine makes them slower, not red.
    maxWorkers: 2,
  },
});
