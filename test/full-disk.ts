/**
 * A disk that is full, for tests: a 64 KiB tmpfs filled to the last byte, mounted in a temporary
 * folder and unmounted lazily (a file a test left open does not hold it). Mounting needs root;
 * where the machine cannot mount one, the suites that need it are reported as skipped, with the
 * reason in their name, never passed. `/dev/full`, where every write fails with ENOSPC, stands in
 * where a file path is enough.
 */
import { execFileSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe } from "vitest";
import { tempDir } from "./helpers.js";

export interface FullDisk {
  /** The mounted folder, full. */
  dir: string;
  /** Frees the space the filler took: the disk has room again. */
  free(): void;
  unmount(): void;
}

/** Mounts and fills a small tmpfs; undefined where the machine does not let this process mount one. */
export function mountFullDisk(): FullDisk | undefined {
  const dir = tempDir("returnee-full-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const filler = path.join(dir, "filler");
  try {
    writeFileSync(filler, Buffer.alloc(1024 * 1024));
  } catch {
    // ENOSPC: the filler took every byte there was.
  }
  return {
    dir,
    free: () => rmSync(filler, { force: true }),
    unmount: () => execFileSync("umount", ["--lazy", dir]),
  };
}

function canMount(): boolean {
  const disk = mountFullDisk();
  disk?.unmount();
  return disk !== undefined;
}

export const CAN_MOUNT = canMount();
const WHY_NO_MOUNT = "skipped: this process cannot mount a tmpfs (it needs root)";

/** A suite that needs a real full disk: skipped, saying why, where none can be mounted. */
export function describeWithFullDisk(name: string, suite: () => void): void {
  describe.skipIf(!CAN_MOUNT)(CAN_MOUNT ? name : `${name} [${WHY_NO_MOUNT}]`, suite);
}

export const HAVE_DEV_FULL = existsSync("/dev/full");
const WHY_NO_DEV_FULL = "skipped: this system has no /dev/full";

/** A suite that writes to /dev/full: skipped, saying why, where there is none. */
export function describeWithDevFull(name: string, suite: () => void): void {
  describe.skipIf(!HAVE_DEV_FULL)(HAVE_DEV_FULL ? name : `${name} [${WHY_NO_DEV_FULL}]`, suite);
}
