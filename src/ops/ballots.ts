import { randomBytes } from "node:crypto";
import type { Ballot, Ballots } from "./ports.js";

/** A ballot, and who voted on it, is kept this long: a month of buttons that still work. */
export const BALLOT_MS = 30 * 24 * 60 * 60 * 1000;

/** A short token that no one can guess: 12 characters of base64url, 72 random bits. */
export function ballotToken(): string {
  return randomBytes(9).toString("base64url");
}

/** Deletes the oldest keys of a map past `max`. */
function bound<K, V>(map: Map<K, V>, max: number): void {
  for (const oldest of map.keys()) {
    if (map.size <= max) return;
    map.delete(oldest);
  }
}

/** Ballots in this process's memory: past `max`, the oldest ballots and votes are forgotten. */
export class MemoryBallots implements Ballots {
  private readonly ballots = new Map<string, Ballot>();
  private readonly voted = new Map<string, true>();

  constructor(private readonly max = 10_000) {}

  async keep(ballot: Ballot): Promise<string> {
    const token = ballotToken();
    this.remember(token, ballot);
    return token;
  }

  /** Keeps a ballot under a token given elsewhere (Redis's, while it does not answer). */
  remember(token: string, ballot: Ballot): void {
    this.ballots.set(token, ballot);
    bound(this.ballots, this.max);
  }

  async find(token: string): Promise<Ballot | undefined> {
    return this.ballots.get(token);
  }

  async once(key: string): Promise<boolean> {
    if (this.voted.has(key)) return false;
    this.voted.set(key, true);
    bound(this.voted, this.max * 4);
    return true;
  }
}
