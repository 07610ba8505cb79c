import type { Redis } from "ioredis";
import type { Logger } from "../log.js";
import { BALLOT_MS, ballotToken, MemoryBallots } from "./ballots.js";
import type { Ballot, Ballots } from "./ports.js";
import { KEY_PREFIX, RedisFallback } from "./redis.js";

export const BALLOT_PREFIX = `${KEY_PREFIX}ballot:`;
export const VOTED_PREFIX = `${KEY_PREFIX}voted:`;

/**
 * Ballots shared by every instance, as JSON that expires BALLOT_MS after the answer, so that a
 * button clicked on any instance or shard finds its answer; a vote is taken once by `SET NX`. Each
 * ballot is also kept in this process's memory, which answers while Redis does not (a vote may then
 * be taken twice, on two instances); that is warned once per outage.
 */
export class RedisBallots implements Ballots {
  private readonly local = new MemoryBallots();
  private readonly fallback: RedisFallback;

  constructor(
    private readonly redis: Redis,
    logger: Logger,
  ) {
    this.fallback = new RedisFallback(
      logger,
      "the answers votes are taken on",
      "a vote button clicked on another instance may not find its answer, or take a second vote",
    );
  }

  async keep(ballot: Ballot): Promise<string> {
    const token = ballotToken();
    this.local.remember(token, ballot);
    await this.redis
      .set(BALLOT_PREFIX + token, JSON.stringify(ballot), "PX", BALLOT_MS)
      .then(() => this.fallback.recovered())
      .catch((error: unknown) => this.fallback.fellBack(error));
    return token;
  }

  async find(token: string): Promise<Ballot | undefined> {
    try {
      const json = await this.redis.get(BALLOT_PREFIX + token);
      this.fallback.recovered();
      return json === null ? this.local.find(token) : (JSON.parse(json) as Ballot);
    } catch (error) {
      this.fallback.fellBack(error);
      return this.local.find(token);
    }
  }

  async once(key: string): Promise<boolean> {
    const mine = await this.local.once(key);
    try {
      const won = (await this.redis.set(VOTED_PREFIX + key, "1", "PX", BALLOT_MS, "NX")) === "OK";
      this.fallback.recovered();
      return won;
    } catch (error) {
      this.fallback.fellBack(error);
      return mine;
    }
  }
}
