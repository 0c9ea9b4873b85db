/**
 * Reads `git blame` output into one `BlameLine` per line of the file: `--porcelain` (what the CLI
 * asks git for) and the default format (what VS Code's Git extension returns).
 */
import type { BlameLine } from './types';

/** Git's hash for lines that are not committed yet (`Not Committed Yet`). */
const UNCOMMITTED = /^0+$/;

/** Parses `git blame --porcelain` (or `--line-porcelain`): index i holds line i + 1. */
export function parseBlamePorcelain(output: string): BlameLine[] {
  const lines: BlameLine[] = [];
  const commits = new Map<string, { author: string; time: number; tz: string; subject: string }>();
  const rows = output.split('\n');
  for (let i = 0; i < rows.length; i++) {
    // A header: `<40-hex> <orig line> <final line> [<group size>]`, then `key value` lines, then `\t<content>`.
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(rows[i]);
    if (!header) continue;
    const hash = header[1];
    const finalLine = Number(header[2]);
    const info = commits.get(hash) ?? { author: '', time: 0, tz: '+0000', subject: '' };
    for (i++; i < rows.length && !rows[i].startsWith('\t'); i++) {
      const space = rows[i].indexOf(' ');
      const key = space < 0 ? rows[i] : rows[i].slice(0, space);
      const value = space < 0 ? '' : rows[i].slice(space + 1);
      if (key === 'author') info.author = value;
      else if (key === 'author-time') info.time = Number(value);
      else if (key === 'author-tz') info.tz = value;
      else if (key === 'summary') info.subject = value;
    }
    commits.set(hash, info);
    const committed = !UNCOMMITTED.test(hash);
    lines[finalLine - 1] = {
      commit: committed ? hash : null,
      author: info.author,
      date: isoDate(info.time, info.tz),
      subject: info.subject,
      content: i < rows.length ? withoutCr(rows[i].slice(1)) : undefined,
    };
  }
  return lines;
}

/**
 * Parses git's default blame format, `^?<hash> [<path>] (<author> <yyyy-mm-dd> <hh:mm:ss> <±hhmm> <line>) <text>`.
 * The author may hold spaces and parentheses: the date, time, zone and line number anchor the end.
 */
export function parseBlameDefault(output: string): BlameLine[] {
  const lines: BlameLine[] = [];
  for (const row of output.split('\n')) {
    const m = /^\^?([0-9a-f]+) (?:[^(]*? )?\((.*?) +(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{4}) +(\d+)\) ?/.exec(row);
    if (!m) continue;
    const [whole, hash, author, day, time, tz, line] = m;
    lines[Number(line) - 1] = {
      commit: UNCOMMITTED.test(hash) ? null : hash,
      author,
      date: `${day}T${time}${tz.slice(0, 3)}:${tz.slice(3)}`,
      content: withoutCr(row.slice(whole.length)),
    };
  }
  return lines;
}

// Git prints a CRLF file's lines with their CR; the text's lines are compared without it.
function withoutCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Seconds since the epoch and a `+hhmm` zone as ISO 8601 in that zone: `2026-11-20T14:03:00+01:00`. */
function isoDate(seconds: number, tz: string): string {
  const sign = tz.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(3, 5)));
  const local = new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 19);
  return `${local}${tz.slice(0, 3)}:${tz.slice(3, 5)}`;
}
