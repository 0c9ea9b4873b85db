/**
 * Measurements of whole processes: `readiness check` against `markdownlint-cli2` over the corpus,
 * the sizes of the packaged extension, and activation in a real VS Code extension host.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  return { files: files.length, bytes, readinessMs: median(a), markdownlintMs: median(b), ratio: median(a) / median(b) };
}

/** Builds the production bundles and the VSIX (`npm run package`); returns their sizes in bytes. */
export function packageSizes(): { extensionBytes: number; vsixBytes: number } {
  progress('npm run package (production bundles and VSIX)');
  run('npm', ['run', 'package']);
  return {
    extensionBytes: statSync(join(ROOT, 'dist/extension.js')).size,
    vsixBytes: statSync(join(ROOT, 'dist/production-readiness.vsix')).size,
  };
}

/**
 * Activation in a real VS Code (code-server) extension host, as the extension measures it
 * (`activationMs`: the time `activate` takes), read from the integration harness's output.
 */
export function measureActivation(): { ms: number } | { error: string } {
  const env = { READINESS_INTEGRATION_OUT: 'out/it-bench' };
  try {
    progress('activation: building and running the integration harness (tree suite, first test)');
    run('bash', ['scripts/code-server/install.sh']);
    run(process.execPath, ['scripts/build-integration.mjs'], { env });
    const output = run(process.execPath, ['scripts/run-integration.mjs', '--grep', 'readiness tree activates quickly'], { env });
    const match = /activation took ([\d.]+) ms/.exec(output);
    return match ? { ms: Number(match[1]) } : { error: 'the harness printed no activation time' };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  }
}
