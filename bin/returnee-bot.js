#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import dotenv from "dotenv";
import { main } from "../dist/src/cli.js";

dotenv.config({ quiet: true });
const argv = process.argv.slice(2);
process.exitCode = await main(argv);
// `serve` has shut down within its budget; a socket a platform library still holds must not keep
// the process past the 5 s a supervisor is promised. Other commands end when their output is out.
if (argv[0] === "serve") setTimeout(() => process.exit(), 500).unref();
