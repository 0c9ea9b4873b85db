import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readFileSafe, DEFAULT_MAX_BYTES } from './readInput';

/**
 * The file system calls a write goes through. Tests replace them (e.g. a `writeSync` failing with
 * ENOSPC) to prove that a failed write leaves the original intact and no temporary file behind.
 */
export const writeSeam = {
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number): number => fs.writeSync(fd, data, offset, length),
  fsyncSync: (fd: number): void => fs.fsyncSync(fd),
  renameSync: (from: string, to: string): void => fs.renameSync(from, to),
  /** Called after the new content is on disk and checked, just before the rename (tests simulate another writer here). */
  beforeRename: (_target: string): void => undefined,
};

/** An error of the safe-write layer; `code` is `ELOCKED` (another writer holds the lock) or `ECHANGED` (the file kept changing). */
export class SafeWriteError extends Error {
  constructor(
    message: string,
    readonly code: 'ELOCKED' | 'ECHANGED' | 'ETOOLARGE' | 'ENOTREG',
  ) {
    super(message);
    this.name = 'SafeWriteError';
  }
}

/** Options of `updateFile`. */
export interface UpdateOptions {
  /** How long to wait for another process's lock, ms (default 30 s). */
  lockTimeoutMs?: number;
  /** A lock older than this, ms, is stale even if its process seems alive (default 60 s; a `set` holds it for milliseconds). */
  staleLockMs?: number;
  /** How many times the change is recomputed when the file changes under it before giving up (default 5). */
  attempts?: number;
  /** Largest current file read, bytes. */
  maxBytes?: number;
}

/**
 * Changes a file safely. Under an advisory lock (`<file>.lock`, created exclusively), reads the
 * file (undefined when missing), asks `change` for the new bytes (undefined: nothing to write),
 * writes them to a temporary file in the same folder (same mode, same owner when run as root),
 * fsyncs it, checks that the file still holds the bytes `change` saw, and renames the temporary
 * file over it. When another program changed the file meanwhile, `change` runs again on the new
 * bytes; after `attempts` tries it fails without writing. A symbolic link is written through: its
 * target is replaced, the link stays. On any error the original is untouched and the temporary
 * file is removed. Returns true when the file was written.
 */
export function updateFile(
  path: string,
  change: (current: Uint8Array | undefined) => Uint8Array | undefined,
  options: UpdateOptions = {},
): boolean {
  const target = linkTarget(path);
  const release = acquireLock(target, options.lockTimeoutMs ?? 30_000, options.staleLockMs ?? 60_000);
  try {
    const attempts = options.attempts ?? 5;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const current = readCurrent(target, options.maxBytes);
      const next = change(current?.bytes);
      if (next === undefined) return false;
      const temp = writeTemp(target, next, current?.stats);
      try {
        writeSeam.beforeRename(target);
        if (!sameBytes(current?.bytes, readCurrent(target, options.maxBytes)?.bytes)) {
          fs.rmSync(temp, { force: true });
          continue;
        }
        writeSeam.renameSync(temp, target);
      } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
      }
      syncFolder(dirname(target));
      return true;
    }
    throw new SafeWriteError(`the file kept changing while it was being written (${attempts} tries); nothing was written`, 'ECHANGED');
  } finally {
    release();
  }
}

/**
 * Replaces a file's content with `bytes` through a temporary file and a rename (mode and owner
 * kept), so a reader sees the old file or the new one, never a part. A symbolic link is written
 * through unless `followLinks` is false (then the link itself is replaced). A target that exists
 * and is not a regular file (`/dev/stdout`, a FIFO) is written directly.
 */
export function replaceFile(path: string, bytes: Uint8Array, options: { followLinks?: boolean } = {}): void {
  const target = options.followLinks === false ? resolve(path) : linkTarget(path);
  // Not following links, a link is just an entry to replace: neither its target's kind nor mode matters.
  const entry = options.followLinks === false ? lstatOrUndefined(target) : statOrUndefined(target);
  const stats = entry?.isSymbolicLink() ? undefined : entry;
  if (stats && !stats.isFile()) {
    if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fs.writeFileSync(target, bytes);
    return;
  }
  const temp = writeTemp(target, bytes, stats);
  try {
    writeSeam.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(target));
}

/**
 * Creates a new file with `bytes`, never replacing anything at `path` (a dangling symbolic link
 * included): the content is written to a temporary file, then hard-linked into place, which fails
 * if any entry exists. Throws an error with code `EEXIST` then.
 */
export function createFile(path: string, bytes: Uint8Array): void {
  const temp = writeTemp(path, bytes, undefined);
  try {
    fs.linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    // No hard links here (some network or FAT file systems): O_EXCL also refuses any existing entry, links included.
    writeExclusive(path, bytes);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  syncFolder(dirname(path));
}

/** The file a path names after following symbolic links (the last one may dangle), so writes replace the target, not the link. */
export function linkTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      if (!fs.lstatSync(current).isSymbolicLink()) return current;
      link = fs.readlinkSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    current = resolve(dirname(current), link);
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function readCurrent(target: string, maxBytes = DEFAULT_MAX_BYTES): { bytes: Uint8Array; stats: fs.Stats } | undefined {
  const read = readFileSafe(target, { maxBytes });
  if (read.ok) return read;
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'too-large') throw new SafeWriteError(read.reason, 'ETOOLARGE');
  if (read.kind === 'not-regular') throw new SafeWriteError(read.reason, 'ENOTREG');
  throw read.error ?? new Error(read.reason);
}

/** Writes `bytes` to a new hidden temporary file next to `target` and fsyncs it; removes it on any error. */
function writeTemp(target: string, bytes: Uint8Array, like: fs.Stats | undefined): string {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o666);
  try {
    if (like) {
      // The umask would narrow the mode; the file keeps the one it had.
      fs.fchmodSync(fd, like.mode & 0o7777);
      if (process.getuid?.() === 0) fs.fchownSync(fd, like.uid, like.gid);
    }
    writeAll(fd, bytes);
    writeSeam.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return temp;
}

function writeExclusive(path: string, bytes: Uint8Array): void {
  const fd = fs.openSync(path, 'wx', 0o666);
  try {
    writeAll(fd, bytes);
    writeSeam.fsyncSync(fd);
    fs.closeSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(path, { force: true });
    throw error;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += writeSeam.writeSync(fd, bytes, written, bytes.length - written);
}

/** Makes the rename durable; some platforms cannot open a folder, which is fine. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort (Windows cannot fsync a folder).
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Takes `<target>.lock` (created with O_EXCL, holding pid, host and time), waiting for other
 * holders; a lock whose process is gone (same host) or that is older than `staleMs` is removed.
 * Returns the release function, which removes the lock only while it is still this one.
 */
function acquireLock(target: string, timeoutMs: number, staleMs: number): () => void {
  const lock = `${target}.lock`;
  const mine = `${process.pid}\n${hostname()}\n${Date.now()}\n${randomBytes(4).toString('hex')}\n`;
  const deadline = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    let fd: number | undefined;
    try {
      fd = fs.openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        fs.writeFileSync(fd, mine);
      } catch (error) {
        // A lock this process created but could not fill (a full disk) must not block the next writer.
        fs.rmSync(lock, { force: true });
        throw error;
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        if (readOrEmpty(lock) === mine) fs.rmSync(lock, { force: true });
      };
    }
    // Empty while its holder is between creating and filling it; then only its age can make it stale.
    const held = readOrEmpty(lock);
    if (isStale(lock, held, staleMs)) {
      // Only the lock just judged stale is removed; a fresh one taken meanwhile is left alone.
      if (readOrEmpty(lock) === held) fs.rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      const pid = held.split('\n')[0];
      throw new SafeWriteError(
        `locked by another process${pid ? ` (pid ${pid})` : ''} for ${Math.round(timeoutMs / 1000)} s; remove ${basename(lock)} if no readiness command is running`,
        'ELOCKED',
      );
    }
    sleep(wait + Math.floor(Math.random() * wait));
  }
}

function isStale(lock: string, held: string, staleMs: number): boolean {
  const [pidText, host] = held.split('\n');
  const pid = Number(pidText);
  if (host === hostname() && Number.isInteger(pid) && pid > 0 && !isAlive(pid)) return true;
  const stats = statOrUndefined(lock);
  return stats !== undefined && Date.now() - stats.mtimeMs > staleMs;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOrEmpty(path: string): string {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function statOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.statSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(path);
  } catch {
    return undefined;
  }
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
