import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type AnalysisLimits, analyzeChecklist, DEFAULT_LIMITS, type ReportSource } from '../core';
import { CliError } from './cliError';
import { DEFAULT_CHECKLIST_GLOBS, findConfigFile, findFiles, findRepoRoot, MARKDOWN_GLOBS, toPosix } from './discover';
import type { CliIo } from './io';
import { createConfigLoader } from './loadConfig';
import { fsErrorText, readTextFile } from './readInput';
import { configForPlace, existsUnder, placeChecklist } from './workspace';

/**
 * Reads and analyses the checklists `check` and `report` work on: the files and folders named,
 * else those of the nearest config (or the default glob). Config files with problems come first
 * in the list as sources of their own. Throws `CliError` when an input cannot be read.
 */
export function collectSources(
  paths: readonly string[],
  config: string | undefined,
  io: CliIo,
  limits: AnalysisLimits = DEFAULT_LIMITS,
): ReportSource[] {
  const shown = (absolute: string): string => toPosix(relative(io.cwd, absolute)) || '.';
  const loadConfig = createConfigLoader(shown);
  const explicitConfig = config === undefined ? undefined : resolve(io.cwd, config);
  if (explicitConfig) loadConfig(explicitConfig);

  const files = paths.length > 0 ? filesFromPaths(paths, io.cwd, loadConfig) : filesFromConfig(explicitConfig, io.cwd, loadConfig, shown);
  // Read everything before analysing anything: an unreadable input fails the run at once, and a
  // partial report would look clean.
  const problems: string[] = [];
  const inputs = files.flatMap((file) => {
    try {
      const place = placeChecklist(file, explicitConfig, io.cwd);
      return [{ file, place, loaded: loadConfig(place.configFile), decoded: readTextFile(file, shown(file)) }];
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
      return [];
    }
  });
  if (problems.length > 0) throw new CliError(problems.join('\n'));

  const sources: ReportSource[] = [];
  const reportedConfigs = new Set<string>();
  for (const { file, place, loaded, decoded } of inputs) {
    if (loaded.file && loaded.findings.length > 0 && !reportedConfigs.has(loaded.file)) {
      reportedConfigs.add(loaded.file);
      sources.push({ path: shown(loaded.file), analysis: { checklist: null, findings: loaded.findings } });
    }
    if (decoded.invalidUtf8) io.stderr(`readiness: warning: ${shown(file)} is not valid UTF-8; invalid bytes are shown as \uFFFD\n`);
    const analysis = analyzeChecklist(decoded.text, {
      config: configForPlace(loaded.config, place),
      path: place.path,
      exists: existsUnder(place.root),
      today: io.today,
      limits,
    });
    sources.push({ path: shown(file), analysis });
  }
  return sources;
}

/**
 * Files named on the command line. A folder with its own `.readiness.yml` contributes the files
 * its `checklists` globs name; any other folder, every Markdown file in it.
 */
function filesFromPaths(paths: readonly string[], cwd: string, loadConfig: ReturnType<typeof createConfigLoader>): string[] {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      if (statSync(absolute).isDirectory()) {
        const config = findConfigFile(absolute, absolute);
        const globs = config ? loadConfig(config).config.checklists : MARKDOWN_GLOBS;
        for (const file of findFiles(absolute, globs)) files.add(file);
      } else {
        files.add(absolute);
      }
    } catch (error) {
      problems.push(`cannot read ${path}: ${fsErrorText(error)}`);
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  if (files.size === 0) throw new CliError(`no Markdown files found in ${paths.join(', ')}`);
  return [...files];
}

/** Files named by the `checklists` globs of the config (given, or the nearest), else the default glob under `cwd`. */
function filesFromConfig(
  explicitConfig: string | undefined,
  cwd: string,
  loadConfig: ReturnType<typeof createConfigLoader>,
  shown: (absolute: string) => string,
): string[] {
  const configFile = explicitConfig ?? findConfigFile(cwd, findRepoRoot(cwd));
  const base = configFile ? dirname(configFile) : cwd;
  const globs = configFile ? loadConfig(configFile).config.checklists : DEFAULT_CHECKLIST_GLOBS;
  const files = findFiles(base, globs);
  if (files.length === 0) {
    const where = configFile ? `the checklists globs of ${shown(configFile)}` : `${DEFAULT_CHECKLIST_GLOBS.join(', ')} under ${shown(cwd)}`;
    throw new CliError(
      `no checklists found (looked for ${where})`,
      'Name files or folders: `readiness check docs/PRODUCTION_READINESS.md`.',
    );
  }
  return files;
}
