/**
 * `npm run bench`: measures the analysis against its peers and checks the performance targets.
 * Prints a table (stderr while running, the summary on stdout), writes bench/RESULTS.md and
 * bench/results.json. `npm run bench -- --json` prints only the JSON.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCold, type ColdResult } from './cold';
import { measureEdits, type EditResult } from './edits';
import { generateChecklist } from './generate';
import {
  type ActivationResult,
  CORPUS,
  corpusFiles,
  measureActivation,
  measureCorpus,
  packageSizes,
  ROOT,
  type CorpusResult,
} from './processes';
import { measureFirstScan, type FirstScanResult } from './firstScan';
import { measureHistory, type HistoryResult } from './history';
import { progress, round } from './stats';
import { renderMarkdown, renderTable } from './report';
import { measureWeb, type WebResult } from './web';

/** One target: the measured value, its limit, and whether it is met (value ≤ limit). */
export interface Target {
  value: number | null;
  limit: number;
  unit: string;
  met: boolean;
  /** What was measured, for the table. */
  what: string;
}

/** Everything one run measured. */
export interface Results {
  machine: { cpu: string; cores: number; ramGB: number; node: string; platform: string; loadAverage: number[]; date: string };
  cold: ColdResult[];
  edits: EditResult[];
  corpus: CorpusResult | null;
  heap: { items: number; mdastBytes: number; modelBytes: number; ratio: number };
  activation: ActivationResult | { error: string };
  firstScan: FirstScanResult | { error: string };
  web: WebResult | { error: string };
  /** Issue 18: `history` vs one cold analysis, `check --blame` vs `check`. */
  history: HistoryResult;
  sizes: { extensionBytes: number; vsixBytes: number };
  targets: Record<string, Target>;
}

const SIZES = [100, 1_000, 10_000, 50_000];

function heapOf(kind: 'mdast' | 'model', items: number): number {
  const samples = [0, 1, 2].map(() => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'heap.ts'), kind, String(items)], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    return (JSON.parse(out) as { bytes: number }).bytes;
  });
  return samples.sort((a, b) => a - b)[1];
}

function target(what: string, value: number | null, limit: number, unit: string): Target {
  return { what, value: value === null ? null : round(value, 2), limit, unit, met: value !== null && value <= limit };
}

function main(): void {
  const json = process.argv.includes('--json');
  const sizes = packageSizes();

  const texts = new Map(SIZES.map((n) => [n, generateChecklist(n)]));
  const cold = SIZES.map((n) => {
    progress(`cold analysis vs bare remark + gfm, ${n.toLocaleString('en-US')} items`);
    return measureCold(`${n.toLocaleString('en-US')} items`, [texts.get(n)!]);
  });
  const files = corpusFiles();
  if (files.length > 0) {
    progress(`cold analysis vs bare remark + gfm, the corpus (${files.length} files)`);
    cold.push(
      measureCold(
        `corpus (${files.length} files)`,
        files.map((f) => readFileSync(join(CORPUS, f), 'utf8')),
      ),
    );
  }
  const edits = [1_000, 10_000].map((n) => {
    progress(`edits, ${n.toLocaleString('en-US')} items`);
    return measureEdits(n, texts.get(n)!);
  });
  progress('retained heap, 10,000 items');
  const mdastBytes = heapOf('mdast', 10_000);
  const modelBytes = heapOf('model', 10_000);
  progress('corpus: readiness check vs markdownlint-cli2');
  const corpus = measureCorpus();
  const activation = measureActivation();
  const firstScan = measureFirstScan();
  progress('web build: bundle size and activation in the web worker extension host');
  const web = measureWeb();
  const history = measureHistory();

  const worstCold = Math.max(...cold.filter((c) => c.label !== '100 items').map((c) => c.ratio));
  const coldAt = (n: number) => cold.find((c) => c.label === `${n.toLocaleString('en-US')} items`)!;
  const perKb = (n: number) => coldAt(n).fullMs / (coldAt(n).bytes / 1000);
  const edit = (n: number) => edits.find((e) => e.items === n)!.p95;
  const results: Results = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      ramGB: round(totalmem() / 1024 ** 3, 1),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: loadavg().map((l) => round(l, 2)),
      date: new Date().toISOString(),
    },
    cold,
    edits,
    corpus,
    heap: { items: 10_000, mdastBytes, modelBytes, ratio: modelBytes / mdastBytes },
    activation,
    firstScan,
    web,
    history,
    sizes,
    targets: {
      editP95At1k: target('edit → updated model and findings, p95, 1,000 items', edit(1_000), 16, 'ms'),
      editP95At10k: target('edit → updated model and findings, p95, 10,000 items', edit(10_000), 50, 'ms'),
      coldVsRemark: target(
        'cold full analysis ÷ bare remark + gfm parse (worst of 1,000–50,000 items and the corpus)',
        worstCold,
        1.15,
        '×',
      ),
      coldVsRemarkAt10k: target('cold full analysis ÷ whole-document remark + gfm parse, 10,000 items', coldAt(10_000).ratio, 0.35, '×'),
      coldVsRemarkAt50k: target('cold full analysis ÷ whole-document remark + gfm parse, 50,000 items', coldAt(50_000).ratio, 0.2, '×'),
      coldLinear: target('cold analysis time per KB, 50,000 items ÷ 1,000 items (linear growth)', perKb(50_000) / perKb(1_000), 1.3, '×'),
      corpusVsMarkdownlint: target(
        'readiness check ÷ markdownlint-cli2 over the corpus (whole processes)',
        corpus ? corpus.ratio : null,
        0.5,
        '×',
      ),
      corpusWarmCacheVsMarkdownlint: target(
        'readiness check --cache, warm, ÷ markdownlint-cli2 over the corpus (whole processes)',
        corpus ? corpus.warmRatio : null,
        0.1,
        '×',
      ),
      heapVsMdast: target('retained heap of the model ÷ bare mdast, 10,000 items', modelBytes / mdastBytes, 1.5, '×'),
      activation: target(
        'activation in the VS Code extension host (code loading + activate)',
        'ms' in activation ? activation.ms : null,
        50,
        'ms',
      ),
      firstScanLongestTask: target(
        'first scan of 200 checklists (100 items each): longest task on the extension host thread',
        'longestTaskMs' in firstScan ? firstScan.longestTaskMs : null,
        50,
        'ms',
      ),
      firstScanFirstShown: target(
        'first scan of 200 checklists: the tree shows the first checklist, after activation',
        'firstShownMs' in firstScan ? firstScan.firstShownMs : null,
        1000,
        'ms',
      ),
      historyVsCold: target(
        'history of 1,000 items over 200 commits (progressHistory) ÷ one cold analysis of the latest version',
        history.ratio,
        5,
        '×',
      ),
      blameVsCheck: target('corpus: check --blame ÷ check (whole processes)', history.blame?.ratio ?? null, 2, '×'),
      extensionSize: target('dist/extension.js + dist/core.js', sizes.extensionBytes / 1000, 600, 'KB'),
      webBundleSize: target(
        'dist/web/extension.js (the web build, one bundle)',
        'webBundleBytes' in web ? web.webBundleBytes / 1000 : null,
        600,
        'KB',
      ),
      vsixSize: target('dist/production-readiness.vsix', sizes.vsixBytes / 1_000_000, 1, 'MB'),
    },
  };

  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(__dirname, 'RESULTS.md'), renderMarkdown(results));
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(renderTable(results));
}

main();
