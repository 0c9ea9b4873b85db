import { type Finding, parseConfigText } from '../core';
import { defaultConfig, type ReadinessConfig } from './coreLite';
import { dirname } from 'node:path';
import { findRepoRoot } from './discover';
import { readTextFile } from './readInput';

/** A config as the CLI uses it: the effective settings plus the problems found in the file. */
export interface LoadedConfig {
  /** Absolute path, or undefined for the built-in defaults. */
  file: string | undefined;
  config: ReadinessConfig;
  /** Problems located in the config file (`config-invalid`). */
  findings: Finding[];
}

/**
 * Returns a loader that reads each config file once. Throws `CliError` when a config file cannot
 * be read; invalid YAML or schema errors are findings, not errors.
 */
export function createConfigLoader(shownPath: (absolute: string) => string): (file: string | undefined) => LoadedConfig {
  const cache = new Map<string, LoadedConfig>();
  return (file) => {
    if (file === undefined) return { file, config: defaultConfig(), findings: [] };
    let loaded = cache.get(file);
    if (!loaded) {
      // A config reached through a link that leaves its repository (or, outside one, its folder) is not read.
      const root = findRepoRoot(dirname(file)) ?? dirname(file);
      const { config, findings } = parseConfigText(readTextFile(file, shownPath(file), { root }).text);
      loaded = { file, config, findings };
      cache.set(file, loaded);
    }
    return loaded;
  };
}
