// `npm run screenshots`: regenerates the README's pictures from the browser tests. Runs the
// e2e flows (test/e2e) in the light and the dark theme against the packaged VSIX and copies the
// shots the README shows into media/; then the HTML report's pictures (report-screenshots.mjs).
//
// Usage: node scripts/screenshots.mjs   (after npm run package)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '..');
/** e2e shot → README picture. */
const PICTURES = {
  '1-view': 'tree',
  '3-hover': 'hover',
  '4-quick-fix': 'quick-fix',
  '6-filter-critical': 'filter',
  '7-config-error': 'problems',
  welcome: 'welcome',
};

for (const theme of ['light', 'dark']) {
  const out = mkdtempSync(join(tmpdir(), `readiness-shots-${theme}-`));
  try {
    const run = spawnSync(
      process.execPath,
      [join(repoRoot, 'node_modules/mocha/bin/mocha.js'), '--config', join(repoRoot, '.mocharc.e2e.json')],
      {
        cwd: repoRoot,
        stdio: 'inherit',
        env: { ...process.env, READINESS_E2E_THEME: theme, READINESS_E2E_OUT: out },
      },
    );
    if (run.status !== 0) {
      console.error(`[screenshots] the browser tests failed in the ${theme} theme; media/ was not updated`);
      process.exit(1);
    }
    for (const [shot, picture] of Object.entries(PICTURES)) {
      copyFileSync(join(out, `${shot}.png`), join(repoRoot, 'media', `${picture}-${theme}.png`));
      console.log(`[screenshots] media/${picture}-${theme}.png`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await import('./report-screenshots.mjs');
