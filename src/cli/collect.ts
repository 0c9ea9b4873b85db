import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Finding, ReportSource } from '../core';
import { type AnalysisJob, runJob } from './analyzeJob';
import { type AnalysisCache, openCache } from './cache';
import { type AnalysisLimits, DEFAULT_LIMITS, defaultConfig, type ReadinessConfig, visibleText } from './coreLite';
import { CliError } from './cliError';
import {
  DEFAULT_CHECKLIST_GLOBS,
  DEFAULT_WALK_BUDGET,
  findConfigFile,
  findRepoRoot,
  MARKDOWN_GLOBS,
  toPosix,
  type WalkBudget,
  walkFiles,
  type WalkFs,
} from './discover';
import { globProblem } from './glob';
import type { CliIo } from './io';
import { createConfigLoader, type LoadedConfig } from './loadConfig';
import { fsErrorText, readTextFile } from './readInput';
import { findingSource, readChecklist, spanAt, unreadFolderMessage } from './unread';
import { configForPlace, existsUnder, placeChecklist } from './workspace';

/** What a walk or the config's globs left unread: sources of their own, reported before the checklists. */
interface FoundFiles {
  files: string[];
  problems: ReportSource[];
}

/** What `check` and `report` collect: their paths and config, `--max-chars`, and `--cache` when given. */
export function collectForCommand(
  args: { paths: readonly string[]; config: string | undefined; maxChars: number; cache?: string },
  io: CliIo,
): ReportSource[] {
  const cache = args.cache === undefined ? undefined : openCache(resolve(io.cwd, args.cache), io.stderr);
  return collectSources(args.paths, args.config, io, { ...DEFAULT_LIMITS, maxChars: args.maxChars }, undefined, undefined, cache);
}

/**
 * Reads and analyses the checklists `check` and `report` work on: the files and folders named,
 * else those of the nearest config (or the default glob). Config files with problems come first
 * in the list as sources of their own, then whatever could not be read (folders, files, refused
 * globs) as sources holding one finding each (`unreadable`, `too-large`, `config-invalid`,
 * `link-outside-workspace`): the other files are still analysed. Throws `CliError` for usage
 * errors only (a named path that does not exist, a `--config` that cannot be read, nothing found).
 * With a `cache` (`--cache`), analyses whose inputs did not change are read from it.
 */
export function collectSources(
  paths: readonly string[],
  config: string | undefined,
  io: CliIo,
  limits: AnalysisLimits = DEFAULT_LIMITS,
  walkBudget: WalkBudget = DEFAULT_WALK_BUDGET,
  walkFs?: WalkFs,
  cache?: AnalysisCache,
): ReportSource[] {
  const shown = (absolute: string): string => toPosix(relative(io.cwd, absolute)) || '.';
  const readConfig = createConfigLoader(shown);
  const explicitConfig = config === undefined ? undefined : resolve(io.cwd, config);
  if (explicitConfig) readConfig(explicitConfig);
  // A config found on the way that cannot be read must not let its checklists pass: it gets an
  // `unreadable` finding (once), and its checklists are found and checked with the defaults.
  const unreadConfigs = new Map<string, ReportSource>();
  const loadConfig = (file: string | undefined): LoadedConfig => {
    try {
      return readConfig(file);
    } catch (error) {
      if (!(error instanceof CliError) || file === undefined) throw error;
      const reason = error.message.replace(/^cannot read .*?: /, '');
      const message = `Cannot read this config file (${reason}); its checklists are checked with the defaults.`;
      if (!unreadConfigs.has(file)) unreadConfigs.set(file, findingSource(shown(file), 'unreadable', message, defaultConfig(), 'error'));
      return readConfig(undefined);
    }
  };

  const context: FindContext = { cwd: io.cwd, loadConfig, unreadConfigs, shown, budget: walkBudget, walkFs };
  const found = paths.length > 0 ? filesFromPaths(paths, context) : filesFromConfig(explicitConfig, context);

  const sources: ReportSource[] = [];
  const unread: ReportSource[] = [...found.problems];
  const reportedConfigs = new Set<string>();
  for (const file of found.files) {
    const place = placeChecklist(file, explicitConfig, io.cwd);
    const loaded = loadConfig(place.configFile);
    if (loaded.file && loaded.findings.length > 0 && !reportedConfigs.has(loaded.file)) {
      reportedConfigs.add(loaded.file);
      sources.push({ path: shown(loaded.file), analysis: { checklist: null, findings: loaded.findings } });
    }
    const read = readChecklist(file, { maxChars: limits.maxChars, root: place.root });
    if (!read.ok) {
      const severity = read.rule === 'link-outside-workspace' ? 'warning' : 'error';
      unread.push(findingSource(shown(file), read.rule, read.message, configForPlace(loaded.config, place), severity));
      continue;
    }
    if (read.decoded.invalidUtf8)
      io.stderr(`readiness: warning: ${visibleText(shown(file))} is not valid UTF-8; invalid bytes are shown as \uFFFD\n`);
    const job: AnalysisJob = {
      text: read.decoded.text,
      config: configForPlace(loaded.config, place),
      path: place.path,
      limits,
      today: io.today,
      root: place.root,
    };
    const found = cache?.lookup({ ...job, file }, existsUnder(place.root));
    if (found?.hit) {
      sources.push(withOrigin({ path: shown(file), analysis: found.analysis }, { file, job }));
      continue;
    }
    const result = runJob(job);
    found?.store(result);
    sources.push(withOrigin({ path: shown(file), analysis: result.analysis }, { file, job }));
  }
  return [
    ...mergeByPath([...sources.filter((s) => s.analysis.checklist === null), ...unreadConfigs.values(), ...unread]),
    ...sources.filter((s) => s.analysis.checklist !== null),
  ];
}

/** Where an analysed checklist came from: its absolute file and the job (text, config, path) it was analysed as. */
export interface SourceOrigin {
  file: string;
  job: AnalysisJob;
}

const origins = new WeakMap<ReportSource, SourceOrigin>();

function withOrigin(source: ReportSource, origin: SourceOrigin): ReportSource {
  origins.set(source, origin);
  return source;
}

/** The file and job of a checklist source `collectSources` returned (history and `--blame` go back to git with them). */
export function sourceOrigin(source: ReportSource): SourceOrigin | undefined {
  return origins.get(source);
}

/** What finding files needs besides the paths. */
interface FindContext {
  cwd: string;
  loadConfig: (file: string | undefined) => LoadedConfig;
  /** Configs that could not be read, with their findings: a run that found nothing else still reports them. */
  unreadConfigs: ReadonlyMap<string, ReportSource>;
  shown: (absolute: string) => string;
  budget: WalkBudget;
  /** The walk's file system (tests stub it; root reads every folder). */
  walkFs?: WalkFs;
}

/**
 * Files named on the command line. A folder with its own `.readiness.yml` contributes the files
 * its `checklists` globs name; any other folder, every Markdown file in it.
 */
function filesFromPaths(paths: readonly string[], context: FindContext): FoundFiles {
  const files = new Set<string>();
  const problems: string[] = [];
  const found: ReportSource[] = [];
  for (const path of paths) {
    const absolute = resolve(context.cwd, path);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch (error) {
      // A path that does not exist is a typo (usage error); one that exists but cannot be looked at is unread.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
        problems.push(`cannot read ${path}: ${fsErrorText(error)}`);
      } else {
        found.push(
          findingSource(
            context.shown(absolute),
            'unreadable',
            `Cannot read this file (${fsErrorText(error)}); it is not checked.`,
            defaultConfig(),
            'error',
          ),
        );
      }
      continue;
    }
    if (isFolder) {
      const config = findConfigFile(absolute, absolute);
      const walked = searchFolder(absolute, config, MARKDOWN_GLOBS, context);
      for (const file of walked.files) files.add(file);
      found.push(...walked.problems);
    } else {
      files.add(absolute);
    }
  }
  if (problems.length > 0) throw new CliError(problems.join('\n'));
  if (files.size === 0 && found.length === 0 && context.unreadConfigs.size === 0)
    throw new CliError(`no Markdown files found in ${paths.join(', ')}`);
  return { files: [...files], problems: found };
}

/** Files named by the `checklists` globs of the config (given, or the nearest), else the default glob under `cwd`. */
function filesFromConfig(explicitConfig: string | undefined, context: FindContext): FoundFiles {
  const configFile = explicitConfig ?? findConfigFile(context.cwd, findRepoRoot(context.cwd));
  const found = searchFolder(configFile ? dirname(configFile) : context.cwd, configFile, DEFAULT_CHECKLIST_GLOBS, context);
  if (found.files.length === 0 && found.problems.length === 0 && context.unreadConfigs.size === 0) {
    const where = configFile
      ? `the checklists globs of ${context.shown(configFile)}`
      : `${DEFAULT_CHECKLIST_GLOBS.join(', ')} under ${context.shown(context.cwd)}`;
    throw new CliError(
      `no checklists found (looked for ${where})`,
      'Name files or folders: `readiness check docs/PRODUCTION_READINESS.md`.',
    );
  }
  return found;
}

/**
 * Walks `folder` for the globs of `configFile` (Markdown files when there is none given for a
 * named folder, the default glob otherwise). Globs over the complexity limits are refused with a
 * `config-invalid` finding at their line; folders the walk could not read, and a walk cut short by
 * its budget, become `unreadable` findings.
 */
function searchFolder(folder: string, configFile: string | undefined, fallback: readonly string[], context: FindContext): FoundFiles {
  const problems: ReportSource[] = [];
  let globs = fallback;
  let config = defaultConfig();
  if (configFile !== undefined) {
    const loaded = context.loadConfig(configFile);
    config = loaded.config;
    const refused = loaded.config.checklists.filter((g) => globProblem(g) !== undefined);
    if (refused.length > 0) problems.push(refusedGlobs(configFile, refused, config, context.shown));
    globs = loaded.config.checklists.filter((g) => !refused.includes(g));
  }
  const walked = walkFiles(folder, globs, context.budget, context.walkFs);
  for (const { path, reason } of walked.unread) {
    const message = reason.startsWith('broken symbolic link')
      ? `Cannot read this file (${reason}); it is not checked.`
      : unreadFolderMessage(reason);
    problems.push(findingSource(context.shown(path), 'unreadable', message, config, 'error'));
  }
  return { files: walked.files, problems };
}

/** One `config-invalid` finding per refused glob, at the line of the config that writes it. */
function refusedGlobs(
  configFile: string,
  refused: readonly string[],
  config: ReadinessConfig,
  shown: (absolute: string) => string,
): ReportSource {
  let text = '';
  try {
    text = readTextFile(configFile, shown(configFile)).text;
  } catch {
    // Read a moment ago by the loader; without the text the findings stay at the start of the file.
  }
  const setting = config.rules['config-invalid'];
  const findings: Finding[] =
    setting === 'off'
      ? []
      : refused.map((glob) => {
          const at = text.indexOf(glob);
          return {
            rule: 'config-invalid',
            severity: setting ?? 'error',
            message: `checklists glob ${JSON.stringify(glob.length > 60 ? `${glob.slice(0, 59)}…` : glob)} ${globProblem(glob)}; it is not used`,
            span: spanAt(text, Math.max(at, 0), at < 0 ? 0 : glob.length),
          };
        });
  return { path: shown(configFile), analysis: { checklist: null, findings } };
}

/** Sources without a checklist that name the same file (a config's own findings and its refused globs) as one. */
function mergeByPath(sources: readonly ReportSource[]): ReportSource[] {
  const byPath = new Map<string, Finding[]>();
  for (const { path, analysis } of sources) byPath.set(path, [...(byPath.get(path) ?? []), ...analysis.findings]);
  return [...byPath]
    .filter(([, findings]) => findings.length > 0)
    .map(([path, findings]) => ({ path, analysis: { checklist: null, findings } }));
}
