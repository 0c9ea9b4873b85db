/**
 * The editor's first scan of a large workspace, in a real VS Code (code-server) extension host:
 * 200 generated checklists of 100 items, each `svc-NNN/PRODUCTION_READINESS.md` (what the default
 * config discovers), analysed from activation on. The integration suite "first scan in a generated
 * workspace" (test/integration/firstScanBench.test.ts) runs in that workspace only and prints the
 * timings the extension recorded (`ReadinessApi.scanProgress.firstScan`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateChecklist } from './generate';
import { ROOT } from './processes';
import { progress } from './stats';

/** The file whose presence makes the bench suite run (and every other workspace skip it). */
export const FIRST_SCAN_MARKER = '.first-scan-bench';
/** Where the suite prints its result: this prefix, then the JSON of a `FirstScanResult`. */
export const FIRST_SCAN_LINE = 'first scan result: ';

/** The first scan as the extension host lived it, in milliseconds of that host's clock. */
export interface FirstScanResult {
  /** Checklists the first scan analysed. */
  checklists: number;
  /**
   * The longest stretch the extension host's thread was busy, from activation to the end of the
   * first scan: the largest gap between the ticks of a `setTimeout(0)` chain the extension runs
   * over that time (src/vscode/scanProgress.ts; over-counts by the timer's ~1 ms). It covers
   * whatever ran on that thread: other extensions and the test harness too.
   */
  longestTaskMs: number;
  /** The five largest gaps, each with when it ended, in ms after the start of `activate`. */
  longestTasks: { ms: number; endedAfterMs: number }[];
  /**
   * From the start of `activate` to the tree's root first answering with a checklist node (the
   * suite asks the tree as soon as it runs; when the first analysis was already stored by then,
   * `firstAnalysedMs` is the earlier bound: the tree answers from that moment on).
   */
  firstShownMs: number;
  /** From the start of `activate` to the first checklist analysis stored. */
  firstAnalysedMs: number;
  /** From the start of `activate` to the end of the first scan. */
  scanMs: number;
  /** The first use of the core: loading dist/core.js, one task that no slicing splits. */
  coreLoadMs: number;
  /** The machine's 1-minute load average when the run ended (2 cores here: above 2, every time stretches). */
  loadAverage: number;
}

/** 200 folders with one generated 100-item checklist each, and the marker. */
export function firstScanWorkspace(folder: string, checklists = 200, items = 100): void {
  writeFileSync(join(folder, FIRST_SCAN_MARKER), '');
  for (let n = 0; n < checklists; n++) {
    const dir = join(folder, `svc-${String(n).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'PRODUCTION_READINESS.md'), generateChecklist(items, n + 1));
  }
}

/**
 * Generates the workspace, runs the suite in it through scripts/run-integration.mjs (dist/ as
 * built, like `measureActivation`) and returns what the extension measured.
 */
export function measureFirstScan(): FirstScanResult | { error: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'readiness-first-scan-'));
  // Only the measuring suite in the host: loading every suite's bundle would be part of what it measures.
  const env = { ...process.env, READINESS_INTEGRATION_OUT: 'out/it-first-scan', READINESS_INTEGRATION_ONLY: 'firstScanBench' };
  try {
    progress('first scan: 200 generated checklists of 100 items in the extension host');
    firstScanWorkspace(workspace);
    run(['-e', "require('node:child_process').execFileSync('bash', ['scripts/code-server/install.sh'], { stdio: 'inherit' })"], env);
    run(['scripts/build-integration.mjs'], env);
    const output = run(['scripts/run-integration.mjs', '--workspace', workspace, '--grep', 'first scan in a generated workspace'], env);
    const line = output.split('\n').find((l) => l.includes(FIRST_SCAN_LINE));
    if (!line) return { error: 'the harness printed no first scan result' };
    const measured = JSON.parse(line.slice(line.indexOf(FIRST_SCAN_LINE) + FIRST_SCAN_LINE.length)) as Omit<FirstScanResult, 'loadAverage'>;
    return { ...measured, loadAverage: loadavg()[0] };
  } catch (error) {
    return { error: error instanceof Error ? error.message.slice(0, 800) : String(error) };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** Runs a node script from the repository root; its output, or an error with its tail when it fails. */
function run(args: string[], env: NodeJS.ProcessEnv): string {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${args[0]} exited with ${result.status ?? result.signal}: ${output.slice(-500)}`);
  return output;
}

if (require.main === module) console.log(JSON.stringify(measureFirstScan(), null, 2));
