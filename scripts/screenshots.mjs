// `npm run screenshots`: regenerates the README's pictures from the real workbench. Starts
// code-server with the extension (development path) on a copy of examples/, drives Chromium like
// a user (open the Readiness view, open the checklist, hover an item, open the Problems panel)
// and saves PNGs into media/, in the light and the dark theme.
//
// Usage: node scripts/screenshots.mjs [--out <folder>]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from './code-server/chromium.mjs';
import { startCodeServer } from './code-server/start.mjs';
import { prepareWorkspace } from './fixture-workspace.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(repoRoot, 'media') } } });
const themes = { light: 'Default Light Modern', dark: 'Default Dark Modern' };
const log = (message) => console.log(`[screenshots] ${message}`);

await mkdir(options.out, { recursive: true });
const browser = await launchChromium();
try {
  for (const [name, theme] of Object.entries(themes)) await shoot(name, theme);
} finally {
  await browser.close();
}

async function shoot(name, theme) {
  const tempRoot = await mkdtemp(join(tmpdir(), 'readiness-shots-'));
  const workspace = join(tempRoot, 'orders-api');
  await prepareWorkspace(join(repoRoot, 'examples'), workspace);
  const server = await startCodeServer({
    workspace,
    settings: { 'workbench.colorTheme': theme, 'editor.minimap.enabled': false, 'window.commandCenter': false, 'workbench.layoutControl.enabled': false, 'editor.hover.delay': 100 },
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  try {
    const developmentPath = `vscode-remote://127.0.0.1:${server.port}${pathToFileURL(repoRoot).pathname}`;
    const payload = encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', developmentPath]]));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${payload}`);
    const entry = page.locator('.activitybar li[aria-label^="Readiness"], .activitybar a[aria-label^="Readiness"]').first();
    await entry.waitFor({ timeout: 60_000 });
    await entry.click();
    await page.locator('.monaco-list-row', { hasText: 'Security' }).first().waitFor({ timeout: 60_000 });
    // Widen the side bar so item labels are not cut short.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    await page.mouse.move(sidebar.x + sidebar.width, sidebar.y + 200);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + sidebar.width + 190, sidebar.y + 200, { steps: 5 });
    await page.mouse.up();

    // Clicking an item opens the checklist at its line.
    await page.locator('.monaco-list-row', { hasText: 'Rollback tested on staging' }).first().click();
    const line = page.locator('.view-line', { hasText: 'Rollback tested on staging' }).first();
    await line.waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
    // Hover the item's text, as a user reading the checklist would.
    await line.hover({ position: { x: 120, y: 8 } });
    await page.locator('.monaco-hover:visible', { hasText: 'Runbook preview' }).first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(options.out, `screenshot-${name}.png`) });
    log(`media/screenshot-${name}.png (${theme})`);
  } finally {
    await page.close();
    await server.stop();
    await rm(tempRoot, { recursive: true, force: true });
  }
}
