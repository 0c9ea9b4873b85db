/**
 * Reads what the CLI asks git for the history of one checklist: `git log` in `LOG_FORMAT` with
 * `-z --name-only` (one entry per commit, with the file's path at that commit, so renames are
 * followed), and `git cat-file --batch` (every version's bytes from one process).
 */

/** Record separator before each commit, unit separator between its fields. */
const RS = '\x1e';
const US = '\x1f';

/** The `--format` of `git log`: hash, author name, ISO 8601 author date, subject. */
export const LOG_FORMAT = `%x1e%H%x1f%an%x1f%aI%x1f%s`;

/** One commit of `git log --follow -- <path>`: who, when, and the file's path in that commit (repository-relative). */
export interface LogEntry {
  commit: string;
  author: string;
  date: string;
  subject: string;
  /** The path the file had in this commit; null when git listed none (the file is then not read). */
  path: string | null;
}

/** Parses `git log -z --name-only --format=LOG_FORMAT` output, in git's order (newest first). */
export function parseGitLog(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of output.split(RS)) {
    if (record === '') continue;
    // `fields\0\npath\0` (-z ends the header with NUL; the name list follows a newline).
    const end = record.indexOf('\0');
    const header = end < 0 ? record : record.slice(0, end);
    const [commit, author = '', date = '', subject = ''] = header.split(US);
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    const names =
      end < 0
        ? []
        : record
            .slice(end + 1)
            .replace(/^\n/, '')
            .split('\0')
            .filter((n) => n !== '');
    // With --follow, a commit lists the one path it followed; the last name is that path after a rename.
    entries.push({ commit, author, date, subject, path: names.at(-1) ?? null });
  }
  return entries;
}

/**
 * Splits `git cat-file --batch` output into the objects asked for, in order: each one's bytes,
 * or null when git answered `missing` (or anything else that is not a blob).
 */
export function parseCatFileBatch(output: Uint8Array): (Uint8Array | null)[] {
  const objects: (Uint8Array | null)[] = [];
  let at = 0;
  while (at < output.length) {
    const eol = output.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = latin1(output.subarray(at, eol));
    at = eol + 1;
    // `<oid> <type> <size>` then the bytes and a newline; `<name> missing` (or `ambiguous`) alone.
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      objects.push(null);
      continue;
    }
    const size = Number(m[2]);
    objects.push(m[1] === 'blob' ? output.subarray(at, at + size) : null);
    at += size + 1;
  }
  return objects;
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return text;
}
