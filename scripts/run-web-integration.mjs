// Runs the integration suites that make sense in the browser inside VS Code's web worker extension
// host (the one vscode.dev and github.dev use), offline: code-server serves VS Code on loopback with
// the user setting that forces this extension into the worker, headless Chromium opens it as an
// Extension Development Host, and the worker loads dist/web/extension.js (package.json `browser`)
// and a browser bundle of the suites built here (mocha's browser build, `node:assert/strict` from
// test/web/assert.ts). Progress arrives as console lines; results as a file written through
// workspace.fs; the exit code through the workbench's codeAutomationExit.
//
// Usage: node scripts/run-web-integration.mjs [--grep <pattern>] [--timeout <seconds>] [--verbose]
//                                             [--extension <folder>]
// Needs dist/web/extension.js (node scripts/build.mjs). Own free port and temp folders per run.
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { launchChromium } from './code-server/chromium.mjs';
import { startCodeServer } from './code-server/start.mjs';
import { prepareWorkspace } from './fixture-workspace.mjs';
import { iconvWeb, noNodeBuiltins, webTwins } from './web-build.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const resultsDir = join(repoRoot, 'test-results');
const EXTENSION_ID = 'production-readiness.production-readiness';

/**
 * The suites run in the web: host-neutral ones (they reach files through vscode.workspace.fs).
 * Left out: tasks (no CLI process in the web), safety (symbolic links on disk), report export and
 * createChecklist (Node fs and os.tmpdir in the test), restricted (a trust run of its own),
 * incremental (reads the disk with Node fs).
 */
export const WEB_SUITES = [
  'test/web/webHost.test.ts',
  'test/integration/tree.test.ts',
  'test/integration/ticking.test.ts',
  'test/integration/diagnostics.test.ts',
  'test/integration/codeActions.test.ts',
  'test/integration/hover.test.ts',
  'test/integration/createRunbook.test.ts',
];

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    extension: { type: 'string', default: repoRoot },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.READINESS_TEST_TIMEOUT ?? '300' },
  },
});
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout must be a number of seconds, got ${options.timeout}`);
const extensionRoot = resolve(options.extension);
if (!existsSync(join(extensionRoot, 'dist/web/extension.js')))
  fail(`${join(extensionRoot, 'dist/web/extension.js')} not found: run node scripts/build.mjs first`);

const started = Date.now();
const seconds = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[web] ${message}`);

const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-web-'));
process.once('exit', () => rmSync(tempRoot, { recursive: true, force: true }));
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`[web] interrupted by ${signal}`);
    process.exit(code);
  });
}
const fixture = join(repoRoot, 'test/fixtures/workspace');
const workspace = join(tempRoot, basename(fixture));
const resultsFile = join(tempRoot, 'results.json');
// VS Code runs extensionTestsPath in the host of the extension whose folder holds it (else in the
// remote Node host): the bundle goes inside the extension, in a folder of this run's own.
await mkdir(join(extensionRoot, 'out'), { recursive: true });
const testsDir = await mkdtemp(join(extensionRoot, 'out', 'web-tests-'));
process.once('exit', () => rmSync(testsDir, { recursive: true, force: true }));
const testsEntry = join(testsDir, 'index.js');
await prepareWorkspace(fixture, workspace);
await bundleTests();
log(`suites bundled for the worker after ${seconds()}`);

const consoleLines = [];
let runningTest;
let server;
let browser;
let page;
let exitCode = 2;
try {
  server = await startCodeServer({
    workspace,
    // A manifest with both `main` and `browser` runs in the Node host unless told otherwise.
    settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } },
  });
  log(`code-server ${server.url} ready after ${seconds()}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  exitCode = await report(await runInPage(page, server));
} catch (error) {
  console.error(`[web] ${error.stack ?? error}`);
  await saveFailureArtifacts('error');
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch((error) => console.error(`[web] stopping code-server: ${error}`));
  await rm(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  await rm(testsDir, { recursive: true, force: true, maxRetries: 3 });
}
log(`done in ${seconds()}`);
process.exit(exitCode);

/** One browser bundle: mocha's browser build, test/web/index.ts, then the suites, required in order. */
async function bundleTests() {
  const suites = WEB_SUITES.map((path) => join(repoRoot, path));
  const contents = [
    // mocha's browser build sets the global `mocha` (what it returns differs once bundled).
    "require('mocha/mocha.js');",
    'const mocha = globalThis.mocha;',
    `const entry = require(${JSON.stringify(join(repoRoot, 'test/web/index.ts'))});`,
    `const loadTests = () => { ${suites.map((path) => `require(${JSON.stringify(path)});`).join(' ')} };`,
    // The last statement: esbuild's wrapper of mocha's module build would otherwise replace it.
    'module.exports = { run: () => entry.run(mocha, loadTests) };',
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'web-tests.js', loader: 'js' },
    outfile: testsEntry,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: {
      __READINESS_WEB_RESULTS__: JSON.stringify(resultsFile),
      __READINESS_WEB_GREP__: JSON.stringify(options.grep ?? ''),
    },
    plugins: [
      browserAssert(),
      webTwins([join(repoRoot, 'src/vscode'), join(repoRoot, 'test/integration/helpers')]),
      iconvWeb(),
      noNodeBuiltins(),
    ],
    logLevel: 'warning',
  });
}

/** `node:assert/strict` → test/web/assert.ts (before no-node-builtins sees it). */
function browserAssert() {
  return {
    name: 'browser-assert',
    setup(b) {
      b.onResolve({ filter: /^node:assert\/strict$/ }, () => ({ path: join(repoRoot, 'test/web/assert.ts') }));
    },
  };
}

/** Resolves with the first of: results after the worker exited, crash, time-out. */
async function runInPage(page, server) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(path).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionRoot)],
    ['extensionTestsPath', remote(testsEntry)],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return new Promise((resolveOutcome) => {
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolveOutcome(outcome);
    };
    const timer = setTimeout(
      () => settle({ kind: 'timeout', message: `no results within ${timeoutMs / 1000} s` }),
      Math.max(0, started + timeoutMs - Date.now()),
    );
    page.on('console', (message) => {
      consoleLines.push(`[${message.type()}] ${message.text()}`);
      if (options.verbose) console.log(`  [page ${seconds()}] ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
    page.on('crash', () => settle({ kind: 'crash', message: 'the browser page crashed' }));
    server.onExit((code, signal) => settle({ kind: 'crash', message: `code-server exited (code ${code}, signal ${signal})` }));
    void Promise.all([
      // The workbench forwards each console line of the worker's tests here.
      page.exposeFunction('codeAutomationLog', (_type, args) => {
        for (const arg of Array.isArray(args) ? args : [args]) progressLine(String(arg));
      }),
      page.exposeFunction('codeAutomationExit', async (code) => {
        const results = await readResults(2_000);
        settle(
          results
            ? { kind: 'results', results }
            : { kind: 'crash', message: `the web extension host exited (code ${code}) before the tests finished` },
        );
      }),
    ])
      .then(async () => {
        log(`opening the workbench (${seconds()})`);
        await page.goto(url);
        while (!settled) {
          const results = await readResults(0);
          if (results) return settle({ kind: 'results', results });
          await delay(500);
        }
      })
      .catch((error) => settle({ kind: 'error', message: `driving the workbench failed: ${error.message}` }));
  });
}

/** Prints the worker's marked progress lines (test/integration/helpers/progress.web.ts). */
function progressLine(text) {
  const marker = '[readiness-progress] ';
  for (const line of text.split('\n')) {
    const at = line.indexOf(marker);
    if (at < 0) continue;
    const body = line.slice(at + marker.length);
    if (body.startsWith('> ')) runningTest = body.slice(2);
    else {
      runningTest = undefined;
      console.log(`  ${body}`);
    }
  }
}

async function readResults(waitMs) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return JSON.parse(await readFile(resultsFile, 'utf8'));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    if (Date.now() >= deadline) return undefined;
    await delay(100);
  }
}

async function report(outcome) {
  if (outcome.kind !== 'results') {
    console.error(`[web] FAILED: ${outcome.message}`);
    if (runningTest) console.error(`[web] the test running then: ${runningTest}`);
    await saveFailureArtifacts(outcome.kind);
    return 2;
  }
  const { results } = outcome;
  for (const [index, test] of results.tests.filter((t) => t.state === 'failed').entries()) {
    console.log(
      `\n  ${index + 1}) ${test.fullTitle}\n     ${(test.error?.stack ?? test.error?.message ?? '').replaceAll('\n', '\n     ')}`,
    );
  }
  console.log('');
  log(`results after ${seconds()} (tests ran ${results.duration} ms)`);
  console.log(`web: ${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
  if (results.failures > 0) {
    await saveFailureArtifacts('failure');
    return 1;
  }
  if (results.passes === 0) {
    console.error('[web] FAILED: no test ran');
    return 1;
  }
  return 0;
}

async function saveFailureArtifacts(reason) {
  await mkdir(resultsDir, { recursive: true });
  const base = join(resultsDir, `web-${reason}`);
  if (page) await page.screenshot({ path: `${base}.png` }).catch(() => {});
  await writeFile(
    `${base}.log`,
    ['--- browser console ---', ...consoleLines, '--- code-server output ---', server?.output() ?? ''].join('\n'),
  );
  console.error(`[web] screenshot, browser console and code-server output: ${relative(repoRoot, base)}.{png,log}`);
}

function fail(message) {
  console.error(`[web] ${message}`);
  process.exit(2);
}
