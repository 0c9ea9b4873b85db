// Runs the integration suites (out/test/integration) in desktop VS Code downloaded by
// @vscode/test-electron, for machines that can reach VS Code's download servers. Offline machines
// use scripts/run-integration.mjs (code-server) instead; both pass the same environment.
//
// Usage: tsx test/runElectron.ts [--grep <pattern>] [--workspace <folder>] [--trust]
//                                [--vscode-version <stable|insiders|1.x.y>]
import { runTests } from '@vscode/test-electron';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareWorkspace } from '../scripts/fixture-workspace.mjs';
import type { TestResults } from './integration/index';

const repoRoot = resolve(__dirname, '..');
const testsEntry = join(repoRoot, 'out/test/integration/index.js');

async function main(): Promise<number> {
  const { values: options } = parseArgs({
    options: {
      grep: { type: 'string' },
      workspace: { type: 'string', default: join(repoRoot, 'test/fixtures/workspace') },
      trust: { type: 'boolean', default: false },
      'vscode-version': { type: 'string', default: process.env.VSCODE_VERSION ?? 'stable' },
    },
  });
  if (!existsSync(testsEntry)) {
    console.error('out/test/integration/index.js not found: run node scripts/build-integration.mjs first');
    return 2;
  }

  const tempRoot = mkdtempSync(join(tmpdir(), 'readiness-electron-'));
  const workspace = join(tempRoot, basename(resolve(options.workspace)));
  const resultsFile = join(tempRoot, 'results.json');
  await prepareWorkspace(resolve(options.workspace), workspace);
  try {
    const launchArgs = [
      workspace,
      '--disable-extensions',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(tempRoot, 'user-data'),
      ...(options.trust ? [] : ['--disable-workspace-trust']),
    ];
    try {
      await runTests({
        version: options['vscode-version'],
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: testsEntry,
        launchArgs,
        extensionTestsEnv: {
          READINESS_TEST_RESULTS: resultsFile,
          READINESS_TEST_WORKSPACE: workspace,
          ...(options.grep ? { READINESS_TEST_GREP: options.grep } : {}),
        },
      });
    } catch (error) {
      // runTests rejects when VS Code exits non-zero, i.e. when a test failed or it crashed.
      console.error(`[electron] ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!existsSync(resultsFile)) {
      console.error('[electron] FAILED: the tests wrote no results');
      return 2;
    }
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as TestResults;
    console.log(`integration: ${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
    return results.failures > 0 || results.passes === 0 ? 1 : 0;
  } finally {
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
