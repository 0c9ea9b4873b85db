import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { configCandidates } from './coreLite';
import { compileFolderGlob, compileGlob } from './glob';
import { fsErrorText } from './readInput';

/** Globs used when no config names the checklists. */
export const DEFAULT_CHECKLIST_GLOBS: readonly string[] = ['**/PRODUCTION_READINESS.md'];

/** Globs of the files a folder given on the command line is searched for. */
export const MARKDOWN_GLOBS: readonly string[] = ['**/*.md', '**/*.markdown'];

/** Folders never walked into (besides hidden ones). */
const SKIPPED_FOLDERS = new Set(['node_modules']);

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in worktrees and submodules). */
export function findRepoRoot(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    if (existsSync(join(current, '.git'))) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * The nearest `.readiness.yml` (or `.readiness.yaml`) in `dir` or a parent, not looking above
 * `stopAt` (the repository root); without `stopAt`, up to the file system root.
 */
export function findConfigFile(dir: string, stopAt: string | undefined): string | undefined {
  const parent = (current: string) => (current === stopAt || dirname(current) === current ? undefined : dirname(current));
  for (const { file } of configCandidates(dir, { join, parent })) if (isFile(file)) return file;
  return undefined;
}

/** A file or folder the walk could not read, or the part of the tree a budget left unsearched. */
export interface Unread {
  /** Absolute path. */
  path: string;
  /** Why, in a few words: `permission denied`, `file name too long`, … */
  reason: string;
}

/** Bounds of one walk: entries looked at and time spent (config globs are untrusted). */
export interface WalkBudget {
  maxEntries: number;
  maxMs: number;
}

/** Enough for trees far larger than any repository's checklists, small enough to end a hostile walk. */
export const DEFAULT_WALK_BUDGET: WalkBudget = { maxEntries: 1_000_000, maxMs: 30_000 };

/** What the walk needs of the file system (a seam for tests: root reads every folder). */
export interface WalkFs {
  readdir(folder: string): Dirent[];
  /** Whether `path` (a symbolic link) leads to a folder; throws when it leads nowhere. */
  isDirectory(path: string): boolean;
  now(): number;
}

const NODE_WALK_FS: WalkFs = {
  readdir: (folder) => readdirSync(folder, { withFileTypes: true }),
  isDirectory: (path) => statSync(path).isDirectory(),
  now: () => Date.now(),
};

/** The files a walk found, and what it could not read. */
export interface WalkResult {
  files: string[];
  unread: Unread[];
}

/**
 * Files under `root` whose POSIX path relative to `root` matches one of `globs` and none of the
 * excluding globs (written with a leading `!`), sorted. Skips `node_modules` and hidden folders (`.git` included) and does not follow symlinked folders,
 * so a link cycle cannot make the walk endless. Folders no pattern can reach are not opened; a
 * folder that could hold a match but cannot be read, a matching link that cannot be followed, and
 * whatever the budget left unsearched are returned as `unread`, never dropped.
 */
export function walkFiles(
  root: string,
  globs: readonly string[],
  budget: WalkBudget = DEFAULT_WALK_BUDGET,
  fs: WalkFs = NODE_WALK_FS,
): WalkResult {
  const matches = globMatcher(globs);
  const reaches = folderMatcher(globs);
  const found: string[] = [];
  const unread: Unread[] = [];
  const pending = [root];
  const started = fs.now();
  let entries = 0;
  while (pending.length > 0) {
    if (entries >= budget.maxEntries || fs.now() - started > budget.maxMs) {
      const left = pending.length;
      const what = entries >= budget.maxEntries ? `${budget.maxEntries} entries` : `${Math.round(budget.maxMs / 1000)} s`;
      unread.push({ path: root, reason: `search stopped after ${what}; ${left} folder${left === 1 ? '' : 's'} not searched` });
      break;
    }
    const folder = pending.pop()!;
    let list: Dirent[];
    try {
      list = fs.readdir(folder);
    } catch (error) {
      unread.push({ path: folder, reason: fsErrorText(error) });
      continue;
    }
    for (const entry of list) {
      entries++;
      const path = join(folder, entry.name);
      const rel = toPosix(relative(root, path));
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name) && reaches(rel)) pending.push(path);
      } else if (matches(rel)) {
        // FIFOs, sockets and devices are kept: the reader refuses them, and says so in a finding.
        const problem = entry.isSymbolicLink() ? linkProblem(path, fs) : undefined;
        if (problem === undefined) found.push(path);
        else if (problem !== 'folder') unread.push({ path, reason: problem });
      }
    }
  }
  return { files: found.sort(comparePaths), unread: unread.sort((a, b) => comparePaths(a.path, b.path)) };
}

/** `walkFiles` without what it could not read (tests and callers that only need the names). */
export function findFiles(root: string, globs: readonly string[]): string[] {
  return walkFiles(root, globs).files;
}

/** A matcher for include globs minus `!`-prefixed exclude globs (a path must match an include and no exclude). */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((g) => !g.startsWith('!')).map(compileGlob);
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => compileGlob(g.slice(1)));
  return (path) => include.some((m) => m(path)) && !exclude.some((m) => m(path));
}

/** Whether a folder (POSIX, relative) may hold a path an include glob matches. */
function folderMatcher(globs: readonly string[]): (dir: string) => boolean {
  const include = globs.filter((g) => !g.startsWith('!')).map(compileFolderGlob);
  return (dir) => include.some((m) => m(dir));
}

/** Why a matching symbolic link is not read: it leads to a folder (never followed, silently), or nowhere. */
function linkProblem(path: string, fs: WalkFs): string | 'folder' | undefined {
  try {
    return fs.isDirectory(path) ? 'folder' : undefined;
  } catch (error) {
    return `broken symbolic link (${fsErrorText(error)})`;
  }
}

/** A relative path with `/` separators. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** True when `path` is `folder` or inside it (both absolute). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
