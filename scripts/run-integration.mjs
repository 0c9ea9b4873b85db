// Runs the integration tests (out/test/integration, built by scripts/build-integration.mjs)
// inside a real VS Code extension host: code-server serves VS Code on loopback, headless Chromium
// opens it as an Extension Development Host with the tests path, and the test entry writes its
// results to a file this script waits for.
//
// Usage: node scripts/run-integration.mjs [--grep <pattern>] [--workspace <folder>] [--trust]
//                                         [--timeout <seconds>] [--verbose]
// --timeout (default 600, or READINESS_TEST_TIMEOUT) bounds the whole run, start-up included;
// --verbose prints the page's console as it comes.
import { existsSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { format, inspect, parseArgs } from 'node:util';
import { launchChromium } from './code-server/chromium.mjs';
import { startCodeServer } from './code-server/start.mjs';
import { prepareWorkspace } from './fixture-workspace.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const testsEntry = join(resolve(repoRoot, process.env.READINESS_INTEGRATION_OUT ?? 'out/test/integration'), 'index.js');
const resultsDir = join(repoRoot, 'test-results');
/** How long a modal dialog may stay open before the run counts as stuck. */
const dialogGraceMs = 10_000;

const { values: options } = parseArgs({
  options: {
    grep: { type: 'string' },
    workspace: { type: 'string', default: join(repoRoot, 'test/fixtures/workspace') },
    trust: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    timeout: { type: 'string', default: process.env.READINESS_TEST_TIMEOUT ?? '600' },
  },
});
const timeoutMs = Number(options.timeout) * 1000;
if (!(timeoutMs > 0)) fail(`--timeout must be a number of seconds, got ${options.timeout}`);
const fixture = resolve(options.workspace);
if (!existsSync(fixture)) fail(`workspace folder not found: ${fixture}`);
if (!existsSync(testsEntry)) fail(`${relative(repoRoot, testsEntry)} not found: run node scripts/build-integration.mjs first`);

const started = Date.now();
const seconds = (since = started) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[integration] ${message}`);

/** Everything the page printed, for the failure report. */
const consoleLines = [];
/** Error notifications the workbench showed; printed on failure, never a failure by themselves. */
const notifications = new Set();
/** How much of the progress file has been printed. */
let progressPrinted = 0;
/** The test that started last and has not finished, from the progress file. */
let runningTest;

// Artifacts of an earlier run would be mistaken for this one's.
for (const file of await readdir(resultsDir).catch(() => [])) {
  if (file.startsWith('integration-')) await rm(join(resultsDir, file), { force: true });
}

const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-integration-'));
// On Ctrl-C or a CI kill, exit normally so the 'exit' hooks end code-server and remove temp files.
process.once('exit', () => rmSync(tempRoot, { recursive: true, force: true }));
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    console.error(`[integration] interrupted by ${signal}`);
    process.exit(code);
  });
}
const workspace = join(tempRoot, basename(fixture));
const resultsFile = join(tempRoot, 'results.json');
await prepareWorkspace(fixture, workspace);

let server;
let browser;
let page;
let exitCode = 2;
try {
  server = await startCodeServer({
    workspace,
    trust: options.trust,
    env: {
      READINESS_TEST_RESULTS: resultsFile,
      READINESS_TEST_WORKSPACE: workspace,
      ...(options.grep ? { READINESS_TEST_GREP: options.grep } : {}),
      // Suites that only make sense in restricted mode (or only outside it) read this.
      ...(options.trust ? { READINESS_TEST_RESTRICTED: '1' } : {}),
    },
  });
  log(`code-server ${server.url} ready after ${seconds()}`);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const outcome = await runInPage(page, server);
  exitCode = await report(outcome);
} catch (error) {
  console.error(`[integration] ${error.stack ?? error}`);
  await saveFailureArtifacts('error');
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch((error) => console.error(`[integration] stopping code-server: ${error}`));
  await rm(tempRoot, { recursive: true, force: true, maxRetries: 3 });
}
log(`done in ${seconds()}`);
process.exit(exitCode);

/**
 * Opens the workbench as an Extension Development Host running the tests and resolves with the
 * first of: results written, extension host exited, server or page died, error dialog, time-out.
 */
async function runInPage(page, server) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(path).pathname}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
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

    // Formatting needs the arguments' values, which arrive asynchronously: chain to keep order.
    let consoleChain = Promise.resolve();
    page.on('console', (message) => {
      const at = seconds();
      const text = formatConsoleMessage(message);
      consoleChain = consoleChain.then(async () => {
        const line = `[${message.type()}] ${await text}`;
        consoleLines.push(line);
        if (options.verbose) console.log(`  [page ${at}] ${line}`);
      });
    });
    page.on('pageerror', (error) => consoleLines.push(`[pageerror] ${error.stack ?? error.message}`));
    page.on('crash', () => settle({ kind: 'crash', message: 'the browser page crashed' }));
    server.onExit((code, signal) => settle({ kind: 'crash', message: `code-server exited (code ${code}, signal ${signal})` }));

    // VS Code's web workbench calls this when an Extension Development Host's extension host
    // exits: after the tests (0 or 1) or when it crashes.
    void page
      .exposeFunction('codeAutomationExit', async (code) => {
        const results = await readResults(2_000);
        settle(
          results
            ? { kind: 'results', results }
            : { kind: 'crash', message: `the extension host exited (code ${code}) before the tests finished` },
        );
      })
      .then(async () => {
        log(`opening the workbench (${seconds()})`);
        await page.goto(url);
        // Poll for results and for modal dialogs (e.g. "Cannot reconnect"): one that stays open
        // blocks the workbench, as nobody is there to click it.
        let dialogSince;
        while (!settled) {
          await printProgress();
          const results = await readResults(0);
          if (results) return settle({ kind: 'results', results });
          const dialog = await textOf(page, '.monaco-dialog-box');
          dialogSince = dialog ? (dialogSince ?? Date.now()) : undefined;
          if (dialog && Date.now() - dialogSince > dialogGraceMs) {
            return settle({ kind: 'error', message: `the workbench shows a dialog: ${dialog}` });
          }
          for (const text of await textsOf(page, '.notification-toast:has(.codicon-error) .notification-list-item-message')) {
            notifications.add(text);
          }
          await delay(500);
        }
      })
      .catch((error) => settle({ kind: 'error', message: `driving the workbench failed: ${error.message}` }));
  });
}

/** Prints the lines the test entry appended to `<results>.progress` since the last call. */
async function printProgress() {
  const text = await readFile(`${resultsFile}.progress`, 'utf8').catch(() => '');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (complete.length <= progressPrinted) return;
  for (const line of complete.slice(progressPrinted).split('\n').filter(Boolean)) {
    if (line.startsWith('> ')) {
      runningTest = line.slice(2);
    } else {
      runningTest = undefined;
      console.log(`  ${line}`);
    }
  }
  progressPrinted = complete.length;
}

/** Reads the results file, waiting up to `waitMs` for it to appear. */
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

/** Prints the outcome and returns the exit code. */
async function report(outcome) {
  if (outcome.kind !== 'results') {
    await printProgress();
    console.error(`[integration] FAILED: ${outcome.message}`);
    if (runningTest) console.error(`[integration] the test running then: ${runningTest}`);
    await saveFailureArtifacts(outcome.kind);
    return 2;
  }
  await printProgress();
  const { results } = outcome;
  const failed = results.tests.filter((test) => test.state === 'failed');
  // Like mocha: the failures on stdout, so they stay in order with the rest in merged logs.
  for (const [index, test] of failed.entries()) {
    console.log(`\n  ${index + 1}) ${test.fullTitle}`);
    if (test.error) console.log(indent(test.error.stack ?? test.error.message, 5));
  }
  console.log('');
  log(`results after ${seconds()} (tests ran ${results.duration} ms)`);
  // A closing line CI reads: "N passed, N failed, N skipped".
  console.log(`integration: ${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
  if (results.failures > 0) {
    await saveFailureArtifacts('failure', { printConsole: false });
    return 1;
  }
  if (results.passes === 0) {
    console.error('[integration] FAILED: no test ran');
    return 1;
  }
  return 0;
}

/** Screenshot, console log and server output into test-results/, and the console on stderr. */
async function saveFailureArtifacts(reason, { printConsole = true } = {}) {
  await mkdir(resultsDir, { recursive: true });
  const base = join(resultsDir, `integration-${reason}`);
  if (page) {
    await page
      .screenshot({ path: `${base}.png` })
      .then(() => console.error(`[integration] screenshot: ${relative(repoRoot, base)}.png`))
      .catch((error) => console.error(`[integration] no screenshot: ${error.message}`));
  }
  const serverOutput = server?.output() ?? '';
  await writeFile(
    `${base}.log`,
    [
      '--- browser console ---',
      ...consoleLines,
      '--- error notifications ---',
      ...notifications,
      '--- code-server output ---',
      serverOutput,
    ].join('\n'),
  );
  console.error(`[integration] browser console and code-server output: ${relative(repoRoot, base)}.log`);
  if (notifications.size > 0) {
    console.error(`[integration] error notifications shown:\n${indent([...notifications].join('\n'), 2)}`);
  }
  if (printConsole) {
    console.error(`--- browser console (${consoleLines.length} lines) ---\n${consoleLines.join('\n')}`);
    console.error(`--- code-server output ---\n${serverOutput}`);
  }
}

/**
 * VS Code logs `console.log('%c INFO', 'color: …', format, ...args)`: drop the styling, then
 * apply the message's own format (mocha's reporter, forwarded from the extension host, uses one).
 */
async function formatConsoleMessage(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => undefined)));
  if (values.length === 0 || typeof values[0] !== 'string') return message.text();
  const styles = values[0].split('%c').length - 1;
  const prefix = values[0].replaceAll('%c', '').trim();
  const rest = values.slice(1 + styles).map((value) => (value === undefined ? '' : value));
  const body = typeof rest[0] === 'string' ? format(...rest) : rest.map((value) => inspect(value)).join(' ');
  return [prefix, body].filter(Boolean).join(' ');
}

async function textOf(page, selector) {
  const texts = await textsOf(page, selector);
  return texts[0];
}

async function textsOf(page, selector) {
  return page
    .locator(selector)
    .allInnerTexts()
    .then(
      (texts) => texts.map((text) => text.trim().replace(/\s+/g, ' ')).filter(Boolean),
      () => [],
    );
}

function indent(text, spaces) {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

function fail(message) {
  console.error(`[integration] ${message}`);
  process.exit(2);
}
