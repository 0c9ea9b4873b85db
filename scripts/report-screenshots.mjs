// Renders the HTML report of examples/ (`readiness report`) in headless Chromium and saves the
// README's pictures of it: media/report.png (light) and media/report-dark.png.
//
// Usage: node scripts/report-screenshots.mjs   (after npm run build)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './code-server/chromium.mjs';

const repoRoot = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'readiness-report-shots-'));
const browser = await launchChromium();
try {
  const page = join(out, 'report.html');
  const run = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'report', '--out', page], {
    cwd: join(repoRoot, 'examples'),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`readiness report failed: ${run.stderr}`);
  for (const colorScheme of ['light', 'dark']) {
    const tab = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(page).href);
    const file = join(repoRoot, 'media', colorScheme === 'light' ? 'report.png' : 'report-dark.png');
    await tab.screenshot({ path: file, fullPage: true });
    console.log(`[screenshots] ${file}`);
    await tab.close();
  }
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
