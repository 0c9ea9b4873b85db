// Test entry that VS Code's extension host loads through `extensionTestsPath` (code-server via
// scripts/run-integration.mjs, or desktop VS Code via test/runElectron.ts): it runs every compiled
// `*.test.js` next to it with mocha and reports the results in a file the runner waits for.
import { appendFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { join } from 'node:path';
import Mocha from 'mocha';

/** What the runner reads from READINESS_TEST_RESULTS. */
export interface TestResults {
  passes: number;
  failures: number;
  pending: number;
  /** Milliseconds. */
  duration: number;
  tests: TestResult[];
}

export interface TestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  error?: { message: string; stack?: string; expected?: string; actual?: string };
}

/** Called by VS Code once the development extension is loaded. */
export async function run(): Promise<void> {
  // Lets findSourceMap() see the maps of the test bundles loaded from here on (see mapStack).
  process.setSourceMapsEnabled(true);

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter: 'spec',
    ...(process.env.READINESS_TEST_GREP ? { grep: process.env.READINESS_TEST_GREP } : {}),
  });
  for (const file of testFiles(__dirname)) mocha.addFile(file);

  const started = Date.now();
  const tests: TestResult[] = [];
  const record = (result: TestResult) => {
    tests.push(result);
    reportProgress(result);
  };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('test', (test) => reportStart(test.fullTitle()));
      runner.on('pass', (test) => record(describeTest(test, 'passed')));
      runner.on('pending', (test) => record(describeTest(test, 'pending')));
      runner.on('fail', (test, error) => record(describeTest(test, 'failed', error)));
    } catch (error) {
      // A test file that throws while loading fails the run before mocha starts.
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  }).catch((error: Error) => {
    record({ title: 'loading the test files', fullTitle: 'loading the test files', state: 'failed', error: describeError(error) });
    return 1;
  });

  const results: TestResults = {
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    duration: Date.now() - started,
    tests,
  };
  writeResults(results);
  if (failures > 0 || results.failures > 0) {
    throw new Error(`${Math.max(failures, results.failures)} integration test(s) failed.`);
  }
}

function testFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => join(folder, file));
}

function describeTest(test: Mocha.Runnable, state: TestResult['state'], error?: unknown): TestResult {
  return {
    title: test.title,
    fullTitle: test.fullTitle(),
    state,
    ...(error === undefined ? {} : { error: describeError(error) }),
  };
}

function describeError(error: unknown): NonNullable<TestResult['error']> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { expected, actual } = error as { expected?: unknown; actual?: unknown };
  return {
    message: error.message,
    ...(error.stack ? { stack: mapStack(error.stack) } : {}),
    ...(expected === undefined ? {} : { expected: stringify(expected) }),
    ...(actual === undefined ? {} : { actual: stringify(actual) }),
  };
}

/**
 * Points stack frames of the bundled tests at the TypeScript sources. Node's own source-map
 * support does not apply: the extension host formats stack traces itself.
 */
function mapStack(stack: string): string {
  return stack.replace(/(\(?)([^\s()]+\.js):(\d+):(\d+)(\)?)/g, (frame, open, file, line, column, close) => {
    const entry = findSourceMap(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return frame;
    const source = entry.originalSource.startsWith('file://') ? new URL(entry.originalSource).pathname : entry.originalSource;
    return `${open}${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}${close}`;
  });
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

const progressMarks: Record<TestResult['state'], string> = { passed: '✔', failed: '✖', pending: '-' };

/**
 * One line per finished test in `<results file>.progress`, which the runner prints as it comes:
 * the extension host's own console reaches the runner only mixed into the workbench's log.
 */
function reportProgress(result: TestResult): void {
  appendProgress(`${progressMarks[result.state]} ${result.fullTitle}`);
}

/** A `>` line names the running test, so the runner can tell which one a crash interrupted. */
function reportStart(fullTitle: string): void {
  appendProgress(`> ${fullTitle}`);
}

function appendProgress(line: string): void {
  const file = process.env.READINESS_TEST_RESULTS;
  if (file) appendFileSync(`${file}.progress`, `${line}\n`);
}

/** Written atomically: the runner polls for the file and must never read half of it. */
function writeResults(results: TestResults): void {
  const file = process.env.READINESS_TEST_RESULTS;
  if (!file) return;
  writeFileSync(`${file}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
