import {
  closeSync,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import path from "node:path";

/**
 * Writes `length` bytes of `data` from `offset` at the end of an open file and returns how many it
 * wrote, which may be fewer; throws when it can write none (ENOSPC, EIO). The file layer's one
 * seam: tests pass a write that fails part-way, as a full disk does.
 */
export type WriteFn = (fd: number, data: Buffer, offset: number, length: number) => number;

/** When a file is rotated, and how many rotated files are kept. */
export interface Rotation {
  maxBytes: number;
  keep: number;
}

const writeToDisk: WriteFn = (fd, data, offset, length) => writeSync(fd, data, offset, length);

/** The rotated files of `file` (`file.1`, `file.2`, …), oldest first. */
export function rotatedFiles(file: string): string[] {
  const dir = path.dirname(file);
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((name) => (name.startsWith(`${base}.`) ? name.slice(base.length + 1) : ""))
    .filter((suffix) => /^[1-9]\d*$/.test(suffix))
    .map(Number)
    .sort((a, b) => a - b)
    .map((n) => `${file}.${n}`);
}

/**
 * A file that grows by whole lines, written synchronously: when `append` returns, the line is in
 * the file (in the operating system's hands, as any write). A write that fails part-way is cut back
 * to the last whole line before anything more is written, so no line is ever torn or doubled.
 *
 * Past `rotation.maxBytes` the file is renamed to the next free `file.N` and a new one is started;
 * past `rotation.keep` rotated files, the oldest are removed. Several processes may share the file
 * (shards, instances on one machine): each line is one append, a rename moves the file with every
 * line in it, and the name `file.N` is claimed by creating it exclusively before the file is
 * renamed onto it, so no two processes take one name and no rename replaces a rotated file. Moving
 * the file away is safe too: the next line starts a new one.
 */
export class LineFile {
  private fd: number | undefined;
  private inode = 0;
  /** Bytes of a failed line still at the end of the file, to cut off before the next write. */
  private torn = 0;

  /** Without `rotation`, the file only grows. */
  constructor(
    readonly file: string,
    private readonly rotation?: Rotation,
    private readonly write: WriteFn = writeToDisk,
  ) {}

  /** Appends one line, which must end in "\n", whole; throws if it cannot. */
  append(line: string): void {
    const data = Buffer.from(line, "utf8");
    let fd = this.open();
    this.cutTorn(fd);
    const maxBytes = this.rotation?.maxBytes ?? Number.POSITIVE_INFINITY;
    for (
      let size = fstatSync(fd).size;
      size > 0 && size + data.length > maxBytes;
      size = fstatSync(fd).size
    ) {
      fd = this.rotate();
    }
    this.writeWhole(fd, data);
  }

  close(): void {
    if (this.fd === undefined) return;
    closeSync(this.fd);
    this.fd = undefined;
  }

  /** The open file, reopened when it was moved away or rotated by someone else. */
  private open(): number {
    if (this.fd !== undefined) {
      const current = this.fd;
      const moved = (() => {
        try {
          return statSync(this.file).ino !== this.inode;
        } catch {
          return true;
        }
      })();
      if (!moved) return current;
      // What is still torn belongs to the file that was moved; try to mend it on the way out.
      try {
        this.cutTorn(current);
      } catch {
        this.torn = 0;
      }
      this.close();
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = openSync(this.file, "a+");
    this.fd = fd;
    const { ino, size } = fstatSync(fd);
    this.inode = ino;
    // A file that does not end in a whole line (edited by hand, or cut by a crash elsewhere) gets one.
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) this.writeWhole(fd, Buffer.from("\n"));
    }
    return fd;
  }

  /**
   * Moves the file this process writes to `file.N`, unless another process has already moved it,
   * removes rotated files past the number kept, and opens the file anew.
   */
  private rotate(): number {
    if (statSync(this.file, { throwIfNoEntry: false })?.ino === this.inode) {
      const name = this.claimRotatedName();
      try {
        renameSync(this.file, name);
      } catch (error) {
        rmSync(name, { force: true });
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      // A name another process has claimed but not yet renamed onto is still empty: it holds no
      // records yet and is not counted (its rename may fail, and the claim go).
      const holding = rotatedFiles(this.file).filter(
        (name) => (statSync(name, { throwIfNoEntry: false })?.size ?? 0) > 0,
      );
      for (const old of holding.slice(0, -(this.rotation?.keep ?? 1))) rmSync(old, { force: true });
    }
    this.close();
    return this.open();
  }

  /**
   * The next free `file.N`, claimed by creating it empty and exclusively: another process trying
   * the same N finds it taken and tries the next. The rename then replaces only this empty claim.
   */
  private claimRotatedName(): string {
    const last = rotatedFiles(this.file).at(-1);
    for (let n = last === undefined ? 1 : Number(last.slice(this.file.length + 1)) + 1; ; n++) {
      const name = `${this.file}.${n}`;
      try {
        closeSync(openSync(name, "wx"));
        return name;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
  }

  private writeWhole(fd: number, data: Buffer): void {
    let written = 0;
    try {
      while (written < data.length) {
        const n = this.write(fd, data, written, data.length - written);
        if (n <= 0) throw Object.assign(new Error("the write wrote nothing"), { code: "EIO" });
        written += n;
      }
    } catch (error) {
      this.torn = written;
      try {
        this.cutTorn(fd);
      } catch {
        // Cut before the next write instead.
      }
      throw error;
    }
  }

  private cutTorn(fd: number): void {
    if (this.torn === 0) return;
    ftruncateSync(fd, fstatSync(fd).size - this.torn);
    this.torn = 0;
  }
}
