// Checks the packaged VSIX as a user gets it: installs dist/production-readiness.vsix into a fresh
// code-server extensions folder, opens a copy of examples/ in the workbench, and waits until the
// extension has activated and its view shows the checklist's categories: once in the Node extension
// host (desktop, and code-server by default) and once in the web worker extension host (vscode.dev,
// github.dev), forced with the `remote.extensionKind` user setting, where the worker must have
// fetched the web bundle (dist/web/extension.js) from the installed extension.
//
// Usage: node scripts/test-vsix.mjs [--vsix <file>] [--timeout <seconds>]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './code-server/chromium.mjs';
import { installVsix } from './code-server/install-vsix.mjs';
import { startCodeServer } from './code-server/start.mjs';
import { prepareWorkspace } from './fixture-workspace.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    vsix: { type: 'string', default: join(repoRoot, 'dist/production-readiness.vsix') },
    timeout: { type: 'string', default: '120' },
  },
});
const log = (message) => console.log(`[vsix] ${message}`);
const timeoutMs = Number(options.timeout) * 1000;
const vsix = resolve(options.vsix);
if (!existsSync(vsix)) {
  console.error(`[vsix] ${vsix} not found: run npm run package first`);
  process.exit(2);
}

const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-vsix-'));
const extensionsDir = join(tempRoot, 'extensions');
const workspace = join(tempRoot, 'examples');
let server;
let browser;
let exitCode = 1;
try {
  await mkdir(extensionsDir);
  await prepareWorkspace(join(repoRoot, 'examples'), workspace);
  log(`VSIX ${((await stat(vsix)).size / 1024).toFixed(0)} KB`);
  log(await installVsix(vsix, extensionsDir, tempRoot));
  browser = await launchChromium();
  for (const host of ['node', 'web']) {
    await checkInWorkbench(host);
    await server?.stop();
    server = undefined;
  }
  exitCode = 0;
} catch (error) {
  console.error(`[vsix] FAILED: ${error.message}`);
  if (server) console.error(server.output().slice(-4000));
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  await rm(tempRoot, { recursive: true, force: true });
}
process.exit(exitCode);

/** Opens the workbench with the extension in the given host and checks the view's Security row. */
async function checkInWorkbench(host) {
  const settings = host === 'web' ? { 'remote.extensionKind': { 'production-readiness.production-readiness': ['web'] } } : {};
  server = await startCodeServer({ workspace, extensionsDir, settings });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // Requests of the web worker extension host show here too (Chromium reports workers' requests).
  let webBundleFetched = false;
  page.on('request', (request) => {
    // The path may sit URL-encoded in a query (vscode-remote-resource?path=…).
    if (decodeURIComponent(request.url()).includes('/dist/web/extension.js')) webBundleFetched = true;
  });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  // The activity-bar entry exists as soon as the manifest is read; the tree rows only once
  // the extension has activated and analysed the checklist.
  const entry = page.locator('.activitybar a[aria-label^="Readiness"], .activitybar li[aria-label^="Readiness"]').first();
  await entry.waitFor({ timeout: timeoutMs });
  await entry.click();
  const row = page.locator('.monaco-list-row', { hasText: 'Security' }).first();
  await row.waitFor({ timeout: timeoutMs });
  const rowText = (await row.innerText()).replace(/\s+/g, ' ').trim();
  if (!/2\/4 · 50%/.test(rowText)) throw new Error(`${host} host: the Security row reads "${rowText}", expected progress 2/4 · 50%`);
  if (webBundleFetched !== (host === 'web')) {
    throw new Error(`${host} host: the web bundle was ${webBundleFetched ? '' : 'not '}loaded by the web worker extension host`);
  }
  log(`the installed extension activated in the ${host} extension host and shows: ${rowText}`);
  await page.close();
}
