import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { type DecodedText, decodeText, DEFAULT_LIMITS } from './coreLite';
import { CliError } from './cliError';
import { isInside } from './discover';

/** Short, stable wording for the file system errors users meet. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'path too long',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
};

/** The one-line reason of a file system error (`no such file`, `permission denied`, …). */
export function fsErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERROR_TEXT[code]) return ERROR_TEXT[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a file was not read: `missing` (no such file), `denied` (permissions), `not-regular` (a
 * folder, FIFO, device or socket), `outside` (a symbolic link resolving outside the workspace),
 * `too-large` (more bytes than the cap), `error` (anything else).
 */
export type ReadFailureKind = 'missing' | 'denied' | 'not-regular' | 'outside' | 'too-large' | 'error';

/** The outcome of `readFileSafe`: the bytes, or why there are none (`reason` is one line, for users). */
export type SafeRead =
  { ok: true; bytes: Uint8Array; stats: Stats } | { ok: false; kind: ReadFailureKind; reason: string; error?: unknown };

/** Options of `readFileSafe`. */
export interface SafeReadOptions {
  /** Most bytes read; a file with more is `too-large` and only `maxBytes + 1` bytes are ever read. */
  maxBytes?: number;
  /** The workspace root: a path inside it that resolves (through symbolic links) outside it is `outside`, and not opened. */
  root?: string;
}

/** The byte cap that matches a character limit: no file with more bytes can have fewer characters (UTF-8 needs at most 3 bytes per UTF-16 unit, plus a BOM). */
export function maxBytesForChars(maxChars: number): number {
  return maxChars * 3 + 3;
}

/** The default byte cap: the default character limit's. */
export const DEFAULT_MAX_BYTES = maxBytesForChars(DEFAULT_LIMITS.maxChars);

/**
 * Reads a regular file without ever blocking or reading past the cap: the file is opened
 * non-blocking (a FIFO does not wait for a writer), checked with `fstat` on the open descriptor
 * (FIFOs, devices, sockets and folders are refused before any read), and read in chunks that stop
 * at `maxBytes + 1`. Never throws.
 */
export function readFileSafe(path: string, options: SafeReadOptions = {}): SafeRead {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let fd: number | undefined;
  try {
    if (options.root !== undefined && isInside(path, options.root) && !isInside(realpathSync(path), realpathSync(options.root))) {
      return { ok: false, kind: 'outside', reason: 'symbolic link to a file outside the workspace' };
    }
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. No effect on regular files.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { ok: false, kind: 'not-regular', reason: ERROR_TEXT.EISDIR };
    if (!stats.isFile()) return { ok: false, kind: 'not-regular', reason: `not a regular file (${fileKind(stats)})` };
    const bytes = readBounded(fd, Math.min(stats.size, maxBytes + 1), maxBytes + 1);
    if (bytes.length > maxBytes) {
      return { ok: false, kind: 'too-large', reason: `larger than ${maxBytes.toLocaleString('en-US')} bytes (the size limit)` };
    }
    return { ok: true, bytes, stats };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const kind: ReadFailureKind =
      code === 'ENOENT' ? 'missing' : code === 'EACCES' || code === 'EPERM' ? 'denied' : code === 'EISDIR' ? 'not-regular' : 'error';
    return { ok: false, kind, reason: fsErrorText(error), error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads and decodes a text file with `readFileSafe`. Throws `CliError` (`cannot read <shown>:
 * <reason>`) when the file cannot be read, is not a regular file, resolves outside `root`, is over
 * the size cap (`maxChars`, default the `--max-size` default) or is binary. `shown` is the path as
 * the user should see it.
 */
export function readTextFile(path: string, shown: string, options: { maxChars?: number; root?: string } = {}): DecodedText {
  const read = readFileSafe(path, { maxBytes: maxBytesForChars(options.maxChars ?? DEFAULT_LIMITS.maxChars), root: options.root });
  if (!read.ok) throw new CliError(`cannot read ${shown}: ${read.reason}`);
  const decoded = decodeText(read.bytes);
  if (decoded.binary) throw new CliError(`cannot read ${shown}: binary file`);
  return decoded;
}

/** Reads into a buffer that starts at the size `fstat` gave and grows (the file may be growing) up to `limit` bytes. */
function readBounded(fd: number, expected: number, limit: number): Uint8Array {
  let buffer = new Uint8Array(Math.max(expected, 1));
  let length = 0;
  while (length < limit) {
    if (length === buffer.length) {
      const grown = new Uint8Array(Math.min(limit, buffer.length * 2));
      grown.set(buffer);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

function fileKind(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}
