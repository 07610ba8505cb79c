import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { Desk } from "./desk.js";
import { RateLimiter } from "./rate-limit.js";
import { UnansweredLog } from "./unanswered.js";

export type { Reply, Request, Send } from "./desk.js";
export { Desk } from "./desk.js";

/** The desk every adapter serves through, set up as the configuration says. */
export function createDesk(
  config: Pick<Config, "rateLimit" | "unansweredLog" | "unansweredMaxBytes">,
  logger: Logger,
): Desk {
  return new Desk({
    logger,
    ...(config.rateLimit === undefined ? {} : { limiter: new RateLimiter(config.rateLimit) }),
    ...(config.unansweredLog === undefined
      ? {}
      : {
          unanswered: new UnansweredLog(config.unansweredLog, logger, {
            maxBytes: config.unansweredMaxBytes,
          }),
        }),
  });
}
