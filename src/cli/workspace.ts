import type { LinkCheck, ReadinessConfig } from '../core';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { findConfigFile, findRepoRoot, isInside, toPosix } from './discover';

/** Where a checklist sits: the config that governs it and the workspace its links resolve in. */
export interface ChecklistPlace {
  /** Absolute path of the config file, or undefined when defaults apply. */
  configFile: string | undefined;
  /** Absolute workspace root. */
  root: string;
  /** The checklist's path relative to `root`, POSIX (what the core calls the checklist path). */
  path: string;
}

/**
 * Finds the config and the workspace root of a checklist (absolute path).
 * Config: `explicitConfig`, else the nearest `.readiness.yml` up to the repository root.
 * Root: the repository root (nearest folder with `.git`), else the config's folder, else `cwd`;
 * when the checklist is not inside the chosen folder, its own folder, so that its path never
 * starts with `..`.
 */
export function placeChecklist(file: string, explicitConfig: string | undefined, cwd: string): ChecklistPlace {
  const folder = dirname(file);
  const repoRoot = findRepoRoot(folder);
  const configFile = explicitConfig ?? findConfigFile(folder, repoRoot);
  const candidates = [repoRoot, configFile && dirname(configFile), cwd];
  const root = candidates.find((c): c is string => !!c && isInside(file, c)) ?? folder;
  return { configFile, root, path: toPosix(relative(root, file)) };
}

/**
 * An `exists` check for the core: does a workspace-relative POSIX path exist under `root`?
 * Paths that would leave the root are answered false without touching the file system (the
 * core already flags them; this is the second lock), and a path that exists only through a
 * symbolic link pointing outside the root is `'outside'`: never read.
 */
export function existsUnder(root: string): (workspacePath: string) => LinkCheck {
  let realRoot: string | undefined;
  return (workspacePath) => {
    const absolute = join(root, ...workspacePath.split('/'));
    if (workspacePath === '' || !isInside(absolute, root) || !existsSync(absolute)) return false;
    realRoot ??= realpathSync(root);
    return isInside(realpathSync(absolute), realRoot) ? true : 'outside';
  };
}

/** The config with its `baseDir` set: the config file's folder relative to the workspace root. */
export function configForPlace(config: ReadinessConfig, place: ChecklistPlace): ReadinessConfig {
  if (!place.configFile) return config;
  const dir = toPosix(relative(place.root, dirname(place.configFile)));
  return { ...config, baseDir: dir.startsWith('..') ? '' : dir };
}
