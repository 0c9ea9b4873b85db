/**
 * Measurements of whole processes: `readiness check` against `markdownlint-cli2` over the corpus,
 * the sizes of the packaged extension, and activation in a real VS Code extension host.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { median, progress, time } from './stats';

/** The repository root. */
export const ROOT = resolve(__dirname, '..');
/** Real checklists beside the project (never copied into it). */
export const CORPUS = join(ROOT, '..', 'shared', 'corpus');

/** Wall-clock medians of both tools over the same files. */
export interface CorpusResult {
  files: number;
  bytes: number;
  readinessMs: number;
  markdownlintMs: number;
  ratio: number;
  /** `readiness check --cache` into an empty cache folder (every file analysed, every entry written). */
  cacheColdMs: number;
  /** `readiness check --cache` again: every analysis read from the cache. */
  cacheWarmMs: number;
  /** `cacheWarmMs` ÷ `markdownlintMs`. */
  warmRatio: number;
}

/** Runs a command to completion; output is discarded unless `show`. Throws when it cannot start or exits abnormally. */
function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; show?: boolean; allowExit?: number[] } = {},
): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  const allowed = options.allowExit ?? [0];
  if (result.status === null || !allowed.includes(result.status)) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}:\n${(result.stdout + result.stderr).slice(-3000)}`,
    );
  }
  if (options.show) process.stderr.write(result.stdout + result.stderr);
  return result.stdout + result.stderr;
}

/** The corpus's Markdown files (its MANIFEST.md describes them and is no checklist). */
export function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.md') && f !== 'MANIFEST.md')
    .sort();
}

/** Both tools as whole processes (start-up included), run in turn `rounds` times. Exit code 1 means "findings" for both. */
export function measureCorpus(rounds = 7): CorpusResult | null {
  const files = corpusFiles();
  if (files.length === 0) return null;
  const readiness = () => run(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', ...files], { cwd: CORPUS, allowExit: [0, 1] });
  const markdownlint = () =>
    run(process.execPath, [join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...files], {
      cwd: CORPUS,
      allowExit: [0, 1],
    });
  readiness();
  markdownlint();
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    a.push(time(readiness));
    b.push(time(markdownlint));
  }
  const bytes = files.reduce((sum, f) => sum + statSync(join(CORPUS, f)).size, 0);
  const cache = measureCorpusCache(files, rounds);
  return {
    files: files.length,
    bytes,
    readinessMs: median(a),
    markdownlintMs: median(b),
    ratio: median(a) / median(b),
    ...cache,
    warmRatio: cache.cacheWarmMs / median(b),
  };
}

/** `readiness check --cache` over the corpus as whole processes: into an empty cache folder, then warm; medians of `rounds`. */
export function measureCorpusCache(files: readonly string[], rounds = 7): { cacheColdMs: number; cacheWarmMs: number } {
  const folder = mkdtempSync(join(tmpdir(), 'readiness-bench-cache-'));
  try {
    const check = () =>
      run(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--cache', '--cache-location', folder, ...files], {
        cwd: CORPUS,
        allowExit: [0, 1],
      });
    const cold: number[] = [];
    const warm: number[] = [];
    for (let r = 0; r < rounds; r++) {
      rmSync(folder, { recursive: true, force: true });
      cold.push(time(check));
      warm.push(time(check));
    }
    return { cacheColdMs: median(cold), cacheWarmMs: median(warm) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Builds the production bundles and the VSIX (`npm run package`); returns their sizes in bytes. */
export function packageSizes(): { extensionBytes: number; vsixBytes: number } {
  progress('npm run package (production bundles and VSIX)');
  run('npm', ['run', 'package']);
  return {
    // The core bundle is loaded on first use, but ships and loads all the same.
    extensionBytes: statSync(join(ROOT, 'dist/extension.js')).size + statSync(join(ROOT, 'dist/core.js')).size,
    vsixBytes: statSync(join(ROOT, 'dist/production-readiness.vsix')).size,
  };
}

/** Activation as VS Code's Running Extensions counts it: code loading + the `activate` call. */
export interface ActivationResult {
  /** Code loading + `activate`: the median of the runs (so not always `codeLoadingMs + activateMs`, the medians of its parts). */
  ms: number;
  /** Compiling dist/extension.js (measured here, uncached) and evaluating its modules (in the host). */
  codeLoadingMs: number;
  compileMs: number;
  activateMs: number;
  /** How many harness runs the medians above are of, and each run's `ms` (a busy machine scatters them). */
  runs: number;
  samplesMs: number[];
}

/**
 * Activation in a real VS Code (code-server) extension host, read from the integration harness's
 * output: the time `activate` takes and the time evaluating the bundle took (markers at its first
 * and last statement, scripts/build.mjs), plus compiling the bundle, measured in this process
 * (the host compiles it the same way before the first marker runs). Medians of `runs` harness runs:
 * one run shares two cores with the workbench starting up, and other load scatters it widely.
 */
export function measureActivation(runs = 3): ActivationResult | { error: string } {
  const env = { READINESS_INTEGRATION_OUT: 'out/it-bench', READINESS_INTEGRATION_ONLY: 'tree.test' };
  try {
    progress(`activation: building and running the integration harness ${runs} times (tree suite, first test)`);
    run('bash', ['scripts/code-server/install.sh']);
    run(process.execPath, ['scripts/build-integration.mjs'], { env });
    const evaluated: number[] = [];
    const activated: number[] = [];
    for (let r = 0; r < runs; r++) {
      const output = run(process.execPath, ['scripts/run-integration.mjs', '--grep', 'readiness tree activates quickly'], { env });
      const activate = /activation took ([\d.]+) ms/.exec(output);
      const evaluate = /module loading took ([\d.]+) ms/.exec(output);
      if (!activate || !evaluate) return { error: 'the harness printed no activation time' };
      evaluated.push(Number(evaluate[1]));
      activated.push(Number(activate[1]));
    }
    const compileMs = compileTime(join(ROOT, 'dist/extension.js'));
    const samplesMs = evaluated.map((e, r) => compileMs + e + activated[r]);
    const codeLoadingMs = compileMs + median(evaluated);
    const activateMs = median(activated);
    return { ms: median(samplesMs), codeLoadingMs, compileMs, activateMs, runs, samplesMs };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}

/** Median time to compile a script (V8's eager top-level parse; nothing runs), in a fresh context each time. */
function compileTime(file: string): number {
  const source = readFileSync(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A distinct file name each time: V8 would otherwise answer from its compilation cache.
    const started = performance.now();
    new Script(source, { filename: `${file}?${i}` });
    times.push(performance.now() - started);
  }
  return median(times);
}
