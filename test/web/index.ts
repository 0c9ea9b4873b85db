// Test entry for VS Code's web worker extension host (scripts/run-web-integration.mjs bundles it
// with the integration suites that make sense in the web): mocha's browser build runs them, the
// progress goes to the console as marked lines, and the results to a file through workspace.fs.
import * as vscode from 'vscode';
import type { TestResult, TestResults } from '../integration/index';
import { appendProgressLine } from '../integration/helpers/progress.web';

/** Set by the runner's bundle: where the results go (a path on the code-server machine) and the grep. */
declare const __READINESS_WEB_RESULTS__: string;
declare const __READINESS_WEB_GREP__: string;

/** Runs the suites `loadTests` defines (it requires them after mocha's globals exist). */
export async function run(mocha: BrowserMocha, loadTests: () => void): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
  if (__READINESS_WEB_GREP__) mocha.grep(__READINESS_WEB_GREP__);
  const started = Date.now();
  const tests: TestResult[] = [];
  const record = (result: TestResult) => {
    tests.push(result);
    appendProgressLine(`${{ passed: '✔', failed: '✖', pending: '-' }[result.state]} ${result.fullTitle}`);
  };
  const failures = await new Promise<number>((resolve) => {
    try {
      loadTests();
      // The browser build's own mocha.run reads `location.search`, which the worker's global lacks.
      const runner = (Object.getPrototypeOf(mocha) as Mocha).run.call(mocha, resolve);
      runner.on('test', (test) => appendProgressLine(`> ${test.fullTitle()}`));
      runner.on('pass', (test) => record({ title: test.title, fullTitle: test.fullTitle(), state: 'passed' }));
      runner.on('pending', (test) => record({ title: test.title, fullTitle: test.fullTitle(), state: 'pending' }));
      runner.on('fail', (test, error: Error) =>
        record({
          title: test.title,
          fullTitle: test.fullTitle(),
          state: 'failed',
          error: { message: String(error?.message ?? error), stack: error?.stack },
        }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      record({ title: 'loading the test files', fullTitle: 'loading the test files', state: 'failed', error: { message } });
      resolve(1);
    }
  });
  const results: TestResults = {
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    pending: tests.filter((t) => t.state === 'pending').length,
    duration: Date.now() - started,
    tests,
  };
  await writeResults(results);
  if (failures > 0 || results.failures > 0) throw new Error(`${Math.max(failures, results.failures)} web integration test(s) failed.`);
}

/** Written next to the workspace on the same machine (code-server's remote file system), then renamed. */
async function writeResults(results: TestResults): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: nowhere to write the results');
  const target = folder.uri.with({ path: __READINESS_WEB_RESULTS__ });
  const temporary = folder.uri.with({ path: `${__READINESS_WEB_RESULTS__}.tmp` });
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(`${JSON.stringify(results, null, 2)}\n`));
  await vscode.workspace.fs.rename(temporary, target, { overwrite: true });
}
