#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script): bundled into one
// file for a fast start (dist/bundle/cli.js), or as tsc emits it when there is no bundle.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/bundle/cli.js", import.meta.url);
const { main } = existsSync(bundle) ? await import(bundle.href) : await import("../dist/src/cli.js");

// dotenv reads .env in the working directory; without one there is nothing for it to do, so it
// (and node:crypto, which it loads) stays off the start path.
if (existsSync(".env")) (await import("dotenv")).default.config({ quiet: true });
const argv = process.argv.slice(2);
process.exitCode = await main(argv);
// `serve` has shut down within its budget; a socket a platform library still holds must not keep
// the process past the 5 s a supervisor is promised. Every other command is done once its output
// is out: it exits then, rather than wait for Node to tear down a heap it no longer needs.
if (argv[0] === "serve") setTimeout(() => process.exit(), 500).unref();
else process.stdout.write("", () => process.exit());
