/**
 * The CLI's one door to git: `git` run with `execFileSync` (no shell, arguments as an array),
 * errors turned into `CliError`s a user can act on. `check` without `--blame` never comes here.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { CliError } from './cliError';
import { toPosix } from './discover';

/** Big enough for `git cat-file --batch` of hundreds of versions of a large checklist. */
const MAX_BUFFER = 1024 * 1024 * 1024;

/** Where `readiness` says to look when history is incomplete in CI. */
export const SHALLOW_HINT =
  'In CI, fetch the whole history: with actions/checkout, set `fetch-depth: 0`; elsewhere run `git fetch --unshallow`.';

/** A git command that ran and failed (exit code other than 0); its stderr names why. */
export class GitFailed extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args[0]} failed: ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitFailed';
  }
}

/** Runs git in `cwd` and returns its stdout bytes. Throws `CliError` when git is missing, `GitFailed` when it fails. */
export function runGit(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, input?: string): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      input,
      maxBuffer: MAX_BUFFER,
      stdio: ['pipe', 'pipe', 'pipe'],
      // Messages in English (they are matched below), never a pager or a password prompt.
      env: { ...env, LC_ALL: 'C', LANGUAGE: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' },
      windowsHide: true,
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: Buffer | string; status?: number | null };
    if (e.code === 'ENOENT' && (e.status === null || e.status === undefined)) {
      throw new CliError('git was not found: install git and make sure it is on PATH', 'History and sign-offs are read from git.');
    }
    if (e.code === 'ENOBUFS') throw new CliError(`git ${args[0]} printed more than ${MAX_BUFFER / 1024 / 1024} MiB`);
    if (typeof e.status === 'number') throw new GitFailed(args, String(e.stderr ?? ''));
    throw error;
  }
}

/** `rev-parse` answers by folder: a run over many checklists of one folder asks once. */
const topLevels = new Map<string, string>();

/** The repository holding a file: its top folder and the file's path in it (POSIX). */
export interface RepoFile {
  /** Absolute top folder of the work tree. */
  root: string;
  /** The file's path relative to `root`, POSIX: what `git log` and `git show` name it. */
  path: string;
}

/**
 * Finds the repository of `file` (absolute) and refuses what would give a wrong history: no
 * repository, or a shallow clone (its oldest commit would look like the checklist's creation).
 * `shown` is the path as the user sees it.
 */
export function repoOf(file: string, shown: string, env: Readonly<Record<string, string | undefined>>): RepoFile {
  let out = topLevels.get(dirname(file));
  try {
    out ??= runGit(['rev-parse', '--is-shallow-repository', '--show-toplevel'], dirname(file), env).toString('utf8');
    topLevels.set(dirname(file), out);
  } catch (error) {
    if (error instanceof GitFailed && /not a git repository/i.test(error.stderr)) {
      throw new CliError(`${shown} is not in a git repository: history and sign-offs come from git`);
    }
    if (error instanceof GitFailed) throw new CliError(`cannot read the git repository of ${shown}: ${firstLine(error.stderr)}`);
    throw error;
  }
  const [shallow, root] = out.split('\n');
  if (root === undefined || root === '') throw new CliError(`${shown} is not in a git work tree (a bare repository or inside .git)`);
  if (shallow.trim() === 'true') {
    throw new CliError(`${shown} is in a shallow clone: its git history is incomplete, so who changed what cannot be told`, SHALLOW_HINT);
  }
  return { root, path: toPosix(relative(realpathSync(root), realpathSync(file))) };
}

/** The first line of git's stderr, without `fatal: `. */
export function firstLine(stderr: string): string {
  return (stderr.trim().split('\n')[0] ?? '').replace(/^(fatal|error): /, '');
}
