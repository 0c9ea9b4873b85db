/**
 * Reads a checklist's history and blame from git for the core's history stage: one `git log`
 * and one `git cat-file --batch` per checklist (not a `git show` per version), one `git blame`
 * per checklist for `--blame`.
 */
import { statSync } from 'node:fs';
import { dirname, basename } from 'node:path';
import {
  type BlameLine,
  type ChecklistVersion,
  decodeText,
  type HistoryFile,
  LOG_FORMAT,
  type LastChange,
  lastChangesOfText,
  parseBlamePorcelain,
  parseCatFileBatch,
  parseGitLog,
  pointOf,
  progressHistory,
  type ReportSource,
} from '../core';
import { CliError } from './cliError';
import { sourceOrigin } from './collect';
import { firstLine, GitFailed, repoOf, runGit } from './git';

type Env = Readonly<Record<string, string | undefined>>;

/** `history`'s filters: git's `--since` and `--max-count`. */
export interface HistoryFilter {
  since?: string;
  maxCount?: number;
}

/**
 * The history of one analysed checklist: a point per commit that changed it (following renames,
 * merges by their first parent: a merged branch shows as its merge commit), oldest first, and a
 * last point with `commit: null` when the working-tree file differs from HEAD's.
 * Throws `CliError` when the file is not in a repository, the clone is shallow, or it was never committed.
 */
export function readHistory(source: ReportSource, filter: HistoryFilter, env: Env, warn: (text: string) => void): HistoryFile {
  const origin = sourceOrigin(source);
  const checklist = source.analysis.checklist;
  if (!origin || !checklist) return { path: source.path, points: [] };
  const repo = repoOf(origin.file, source.path, env);
  // Literal pathspecs: a checklist named `[draft].md` is that file, not a glob.
  const args = ['--literal-pathspecs', 'log', '-z', '--follow', '--first-parent', '--diff-merges=first-parent', '--name-only'];
  args.push(`--format=${LOG_FORMAT}`);
  if (filter.since !== undefined) args.push(`--since=${filter.since}`);
  if (filter.maxCount !== undefined) args.push(`--max-count=${filter.maxCount}`);
  args.push('--', repo.path);
  const entries = parseGitLog(gitText(args, repo.root, env, source.path)).filter((e) => e.path !== null && !e.path.includes('\n'));
  // One process reads every version and HEAD's: `<commit>:<path at that commit>` per line.
  const names = [...entries.reverse().map((e) => `${e.commit}:${e.path}`), `HEAD:${repo.path}`];
  const blobs = parseCatFileBatch(gitBytes(['cat-file', '--batch'], repo.root, env, source.path, `${names.join('\n')}\n`));
  const head = blobs.pop() ?? null;
  if (entries.length === 0 && head === null) {
    throw new CliError(
      `${source.path} has never been committed: there is no history to show`,
      'Commit it first, or leave it out of the paths.',
    );
  }
  const versions: ChecklistVersion[] = [];
  entries.forEach((e, i) => {
    const decoded = blobs[i] ? decodeText(blobs[i]) : undefined;
    if (!decoded || decoded.binary) {
      warn(`${source.path}: the version of ${e.commit.slice(0, 7)} could not be read as text; it is left out`);
      return;
    }
    versions.push({ commit: e.commit, date: e.date, author: e.author, subject: e.subject, text: decoded.text });
  });
  const points = progressHistory(versions, { config: origin.job.config, path: origin.job.path, limits: origin.job.limits });
  const headText = head === null ? null : decodeText(head).text;
  if (headText === null || normalize(headText) !== normalize(origin.job.text)) {
    const date = localIsoDateTime(statSync(origin.file).mtime);
    points.push(pointOf({ commit: null, date, author: '', subject: '', text: origin.job.text }, checklist));
  }
  return { path: source.path, points };
}

/**
 * Each item's last change of its marker line (by id), from `git blame --porcelain -M` of the
 * working-tree file: null for lines not committed yet, and for every item of a file never committed.
 */
export function readLastChanges(source: ReportSource, env: Env): Map<string, LastChange | null> | undefined {
  const origin = sourceOrigin(source);
  const checklist = source.analysis.checklist;
  if (!origin || !checklist) return undefined;
  repoOf(origin.file, source.path, env);
  let blame: BlameLine[] = [];
  try {
    blame = parseBlamePorcelain(
      runGit(['blame', '--porcelain', '-M', '--', basename(origin.file)], dirname(origin.file), env).toString('utf8'),
    );
  } catch (error) {
    // Never committed (or no commit at all yet): nothing is signed off, which is no error.
    const stderr = error instanceof GitFailed ? error.stderr : '';
    if (!/no such path|no such ref|does not have any commits|bad revision 'HEAD'/i.test(stderr)) {
      if (error instanceof GitFailed) throw new CliError(`cannot blame ${source.path}: ${firstLine(stderr)}`);
      throw error;
    }
  }
  return lastChangesOfText(checklist, origin.job.text, blame);
}

function gitBytes(args: string[], cwd: string, env: Env, shown: string, input?: string): Buffer {
  try {
    return runGit(args, cwd, env, input);
  } catch (error) {
    if (error instanceof GitFailed) throw new CliError(`cannot read the history of ${shown}: ${firstLine(error.stderr)}`);
    throw error;
  }
}

function gitText(args: string[], cwd: string, env: Env, shown: string): string {
  try {
    return runGit(args, cwd, env).toString('utf8');
  } catch (error) {
    // A repository without any commit yet: nothing in it was ever committed.
    if (error instanceof GitFailed && /does not have any commits/i.test(error.stderr)) return '';
    if (error instanceof GitFailed) throw new CliError(`cannot read the history of ${shown}: ${firstLine(error.stderr)}`);
    throw error;
  }
}

/** Line endings aside: a checkout that converts them (core.autocrlf) does not make an uncommitted version. */
function normalize(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A local time as ISO 8601 with its offset (`2026-11-20T14:03:00+01:00`), as git writes author dates. */
export function localIsoDateTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
