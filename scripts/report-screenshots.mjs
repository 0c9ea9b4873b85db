// Renders the HTML report of examples/ (`readiness report`) in headless Chromium and saves the
// README's pictures of it: media/report.png (light) and media/report-dark.png; then the burn-up
// of `readiness report --history` (media/report-history.png) over a repository made here, in
// which examples/ checklist is ticked over four weeks by three people.
//
// Usage: node scripts/report-screenshots.mjs   (after npm run build)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const history = join(out, 'history.html');
  const repo = historyRepository(join(out, 'repo'));
  const withHistory = spawnSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'report', '--history', '--out', history], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (withHistory.status !== 0) throw new Error(`readiness report --history failed: ${withHistory.stderr}`);
  const tab = await browser.newPage({ viewport: { width: 1000, height: 900 }, colorScheme: 'light', deviceScaleFactor: 1 });
  await tab.goto(pathToFileURL(history).href);
  const file = join(repoRoot, 'media', 'report-history.png');
  await tab.locator('#history').screenshot({ path: file });
  console.log(`[screenshots] ${file}`);
  await tab.close();
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}

/**
 * examples/ as a git repository whose checklist starts with every box open and gets its ticks
 * back a few at a time, one commit every few days, ending at the checklist as it is.
 */
function historyRepository(repo) {
  cpSync(join(repoRoot, 'examples'), repo, { recursive: true });
  const path = join(repo, 'PRODUCTION_READINESS.md');
  const final = readFileSync(path, 'utf8');
  const ticks = [...final.matchAll(/^(\s*- )\[x\]/gm)].map((m) => m.index + m[1].length + 1);
  const untick = (text, offsets) => offsets.reduce((t, at) => `${t.slice(0, at)} ${t.slice(at + 1)}`, text);
  const git = (args, env = {}) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...env }, stdio: 'pipe' });
  const authors = ['Alice', 'Bob', 'Chen'];
  git(['init', '-q']);
  for (let step = 0; step <= ticks.length; step++) {
    writeFileSync(path, untick(final, ticks.slice(step)));
    const date = `2026-11-${String(2 + step * 4).padStart(2, '0')}T10:00:00+00:00`;
    const who = authors[step % authors.length];
    git(['add', '-A']);
    const env = { GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who.toLowerCase()}@example.com`, GIT_AUTHOR_DATE: date };
    git(
      [
        '-c',
        `user.name=${who}`,
        '-c',
        `user.email=${who.toLowerCase()}@example.com`,
        'commit',
        '-qm',
        step === 0 ? 'Add the checklist' : 'Tick an item',
      ],
      {
        ...env,
        GIT_COMMITTER_DATE: date,
      },
    );
  }
  return repo;
}
