/**
 * zod as the project uses it: zod/mini, zod's functional API, whose schemas cost a fraction of the
 * classic API's to build and to load on every start (the configuration, the commands, the knowledge
 * files), with zod's English messages, which zod/mini leaves out unless asked for.
 */
import { en } from "zod/locales";
import * as z from "zod/mini";

z.config(en());

export { z };
