/**
 * Issue 18's speed targets. (a) `history` of a 1,000-item checklist over 200 commits (each ticks
 * a few items) next to one cold analysis of its latest version: the core (`progressHistory` over
 * the 200 texts, one analyzer following them) against `analyzeChecklist`, in turn in this
 * process, and `readiness history` end to end (one `git log`, one `git cat-file --batch`) against
 * `readiness check` of the same file. (b) `check --blame` against `check` over the corpus
 * committed to a temporary repository, as whole processes.
 * Run alone: `npx tsx bench/history.ts` (needs `dist/cli.js`: `node scripts/build.mjs`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig } from '../src/core/config/types';
import { progressHistory } from '../src/core/history/progressHistory';
import type { ChecklistVersion } from '../src/core/history/types';
import { analyzeFully } from './cold';
import { generateChecklist } from './generate';
import { CORPUS, corpusFiles, ROOT } from './processes';
import { interleaved, median, progress, time } from './stats';

/** What the history targets measured, in milliseconds (medians). */
export interface HistoryResult {
  items: number;
  commits: number;
  /** `progressHistory` over every version. */
  coreMs: number;
  /** `analyzeChecklist` of the latest version (links checked, every rule). */
  coldMs: number;
  /** `coreMs` ÷ `coldMs`. */
  ratio: number;
  /** `readiness history --format json` as a process. */
  cliHistoryMs: number;
  /** `readiness check` of the same file as a process. */
  cliCheckMs: number;
  /** `check --blame` and `check` over the corpus committed to a repository (null without the corpus). */
  blame: { files: number; blameMs: number; checkMs: number; ratio: number } | null;
}

const COMMITS = 200;
const PER_COMMIT = 3;

/** The versions: the generated checklist, then each commit flipping the next few task boxes (ticking them, or, once every box was reached, reopening them). */
function versions(items: number): string[] {
  const first = generateChecklist(items);
  const boxes = [...first.matchAll(/- \[[ x]\] /g)].map((m) => m.index + 3);
  const texts = [first];
  for (let c = 1; c < COMMITS; c++) {
    let text = texts[c - 1];
    for (let k = 0; k < PER_COMMIT; k++) {
      const at = boxes[((c - 1) * PER_COMMIT + k) % boxes.length];
      text = `${text.slice(0, at)}${text[at] === ' ' ? 'x' : ' '}${text.slice(at + 1)}`;
    }
    texts.push(text);
  }
  return texts;
}

function git(cwd: string, args: string[], date?: string): string {
  const env = date
    ? {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 'Bench',
        GIT_AUTHOR_EMAIL: 'b@example.com',
        GIT_COMMITTER_NAME: 'Bench',
        GIT_COMMITTER_EMAIL: 'b@example.com',
      }
    : {};
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
}

function cliMs(cwd: string, args: string[], rounds: number): number {
  const runOnce = () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.status !== 0 && r.status !== 1) throw new Error(`readiness ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  };
  runOnce();
  return median(Array.from({ length: rounds }, () => time(runOnce)));
}

/** Runs both measurements; the temporary repositories are removed afterwards. */
export function measureHistory(items = 1_000): HistoryResult {
  const texts = versions(items);
  const options = { config: defaultConfig(), path: 'PRODUCTION_READINESS.md' };
  const history: ChecklistVersion[] = texts.map((text, i) => ({
    commit: String(i).padStart(40, '0'),
    date: '2026-11-01T00:00:00+00:00',
    author: 'Bench',
    subject: `commit ${i}`,
    text,
  }));
  progress(`history: progressHistory over ${COMMITS} versions of ${items.toLocaleString('en-US')} items vs one cold analysis`);
  for (let i = 0; i < 2; i++) {
    progressHistory(history.slice(0, 20), options);
    analyzeFully(texts[texts.length - 1]);
  }
  const [coreMs, coldMs] = interleaved(11, [() => progressHistory(history, options), () => analyzeFully(texts[texts.length - 1])]);

  progress(`history: building a repository of ${COMMITS} commits`);
  const repo = mkdtempSync(join(tmpdir(), 'readiness-bench-history-'));
  let cliHistoryMs: number;
  let cliCheckMs: number;
  try {
    git(repo, ['init', '-q']);
    texts.forEach((text, i) => {
      writeFileSync(join(repo, 'PRODUCTION_READINESS.md'), text);
      git(repo, ['add', '.']);
      git(repo, ['commit', '-qm', `Tick ${i}`], new Date(Date.UTC(2026, 6, 1) + i * 3_600_000).toISOString());
    });
    progress('history: readiness history vs readiness check, whole processes');
    cliHistoryMs = cliMs(repo, ['history', '--format', 'json', 'PRODUCTION_READINESS.md'], 5);
    cliCheckMs = cliMs(repo, ['check', 'PRODUCTION_READINESS.md'], 5);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
  return { items, commits: COMMITS, coreMs, coldMs, ratio: coreMs / coldMs, cliHistoryMs, cliCheckMs, blame: measureBlame() };
}

/** `check --blame` vs `check` over the corpus committed to a temporary repository, in turn, median of 7. */
function measureBlame(): HistoryResult['blame'] {
  const files = corpusFiles();
  if (files.length === 0) return null;
  progress(`check --blame vs check, the corpus (${files.length} files) in a temporary repository`);
  const repo = mkdtempSync(join(tmpdir(), 'readiness-bench-blame-'));
  try {
    git(repo, ['init', '-q']);
    for (const f of files) copyFileSync(join(CORPUS, f), join(repo, f));
    git(repo, ['add', '.']);
    git(repo, ['commit', '-qm', 'Corpus'], '2026-11-01T00:00:00+00:00');
    const run = (blame: boolean) => () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', ...(blame ? ['--blame'] : []), ...files], {
        cwd: repo,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      if (r.status !== 0 && r.status !== 1) throw new Error(r.stderr.slice(-2000));
    };
    const [blameMs, checkMs] = interleaved(7, [run(true), run(false)]);
    return { files: files.length, blameMs, checkMs, ratio: blameMs / checkMs };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(measureHistory(), null, 2)}\n`);
}
