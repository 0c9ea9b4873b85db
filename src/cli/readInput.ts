import { readFileSync } from 'node:fs';
import { type DecodedText, decodeText } from '../core';
import { CliError } from './cliError';

/** Short, stable wording for the file system errors users meet. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many symbolic links',
};

/** The one-line reason of a file system error (`no such file`, `permission denied`, …). */
export function fsErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERROR_TEXT[code]) return ERROR_TEXT[code];
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads and decodes a text file. Throws `CliError` (`cannot read <shown>: <reason>`) when the file
 * cannot be read or is binary. `shown` is the path as the user should see it.
 */
export function readTextFile(path: string, shown: string): DecodedText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`cannot read ${shown}: ${fsErrorText(error)}`);
  }
  const decoded = decodeText(bytes);
  if (decoded.binary) throw new CliError(`cannot read ${shown}: binary file`);
  return decoded;
}
