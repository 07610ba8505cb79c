import { StringDecoder } from "node:string_decoder";

/** Past this many bytes a line is cut: no question, record or JSON line of the bot comes near it. */
export const MAX_LINE_BYTES = 1024 * 1024;

/** One line of a stream, without its "\n": its text, or its first `maxBytes` bytes if it was longer. */
export interface Line {
  text: string;
  /** Whether the line was longer than `maxBytes` and `text` is only its start. */
  cut: boolean;
}

/**
 * The lines of a byte stream, split at "\n" in one pass over each chunk: a line costs time in
 * proportion to its length and memory up to `maxBytes` however long it is (the rest of a longer
 * line is read past, not kept). A last line without its "\n" still counts. A cut line ends on a
 * whole character.
 */
export async function* readLines(
  input: AsyncIterable<Buffer | string>,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let kept = 0;
  let cut = false;
  const take = (piece: Buffer) => {
    const room = maxBytes - kept;
    if (piece.length > room) cut = true;
    const taken = piece.subarray(0, room);
    if (taken.length === 0) return;
    parts.push(taken);
    kept += taken.length;
  };
  const line = (): Line => {
    const bytes = Buffer.concat(parts, kept);
    // A decoder holds back a character cut in two; the end of a whole line is decoded as it is.
    const text = cut ? new StringDecoder("utf8").write(bytes) : bytes.toString("utf8");
    const done = { text, cut };
    parts = [];
    kept = 0;
    cut = false;
    return done;
  };
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
      take(bytes.subarray(start, end));
      yield line();
      start = end + 1;
    }
    take(bytes.subarray(start));
  }
  if (kept > 0 || cut) yield line();
}
