#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import dotenv from "dotenv";
import { main } from "../dist/src/cli.js";

dotenv.config({ quiet: true });
process.exitCode = await main(process.argv.slice(2));
