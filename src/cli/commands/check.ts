import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { analyzeChecklist } from '../../core/analyze';
import { buildReport, type ReportSource } from '../../core/jsonReport';
import type { Severity } from '../../core/model';
import type { Finding } from '../../core/rules';
import { createPaint, shouldColor } from '../ansi';
import type { CheckArgs, FailOn } from '../args';
import { CliError, EXIT } from '../cliError';
import { DEFAULT_CHECKLIST_GLOBS, findConfigFile, findFiles, findRepoRoot, MARKDOWN_GLOBS, toPosix } from '../discover';
import { formatText } from '../formatText';
import type { CliIo } from '../io';
import { createConfigLoader } from '../loadConfig';
import { fsErrorText, readTextFile } from '../readInput';
import { configForPlace, existsUnder, placeChecklist } from '../workspace';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** `readiness check`: analyses the checklists and prints the report; returns the exit code. */
export function runCheck(args: CheckArgs, io: CliIo): number {
  const shown = (absolute: string): string => toPosix(relative(io.cwd, absolute)) || '.';
  const loadConfig = createConfigLoader(shown);
  const explicitConfig = args.config === undefined ? undefined : resolve(io.cwd, args.config);
  if (explicitConfig) loadConfig(explicitConfig);

  const files = args.paths.length > 0 ? filesFromPaths(args.paths, io.cwd, loadConfig) : filesFromConfig(explicitConfig, io.cwd, loadConfig, shown);
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
    const analysis = analyzeChecklist(decoded.text, { config: configForPlace(loaded.config, place), path: place.path, exists: existsUnder(place.root), today: io.today });
    sources.push({ path: shown(file), analysis });
  }

  if (args.format === 'json') {
    io.stdout(`${JSON.stringify(buildReport(sources), null, 2)}\n`);
  } else {
    io.stdout(formatText(sources, createPaint(shouldColor({ noColorFlag: args.noColor, env: io.env, isTTY: io.stdoutIsTTY }))));
  }
  return reachesFailOn(sources.flatMap((s) => s.analysis.findings), args.failOn) ? EXIT.findings : EXIT.ok;
}

/** True when a finding is at or above the `--fail-on` severity. */
export function reachesFailOn(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
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
    throw new CliError(`no checklists found (looked for ${where})`, 'Name files or folders: `readiness check docs/PRODUCTION_READINESS.md`.');
  }
  return files;
}
