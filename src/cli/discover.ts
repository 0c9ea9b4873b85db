import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { configCandidates } from '../core';

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

/**
 * Files under `root` whose POSIX path relative to `root` matches one of `globs` and none of the
 * excluding globs (written with a leading `!`), sorted. Skips `node_modules` and hidden folders (`.git` included) and does not follow symlinked folders,
 * so a link cycle cannot make the walk endless.
 */
export function findFiles(root: string, globs: readonly string[]): string[] {
  const matches = globMatcher(globs);
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    for (const entry of readFolder(folder)) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(path))) && matches(toPosix(relative(root, path)))) {
        found.push(path);
      }
    }
  }
  return found.sort(comparePaths);
}

/** A matcher for include globs minus `!`-prefixed exclude globs (picomatch alone would OR a negation in). */
export function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const included = include.length > 0 ? picomatch(include) : () => false;
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  return (path) => included(path) && !excluded(path);
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

function readFolder(folder: string): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true });
  } catch {
    // An unreadable folder met while walking holds nothing we were asked for by name; skip it.
    return [];
  }
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
