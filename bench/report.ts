/** Renders benchmark results as a terminal table and as bench/RESULTS.md. */
import { MISSED_TARGET_CAUSES } from './causes';
import type { Results, Target } from './run';

const ms = (v: number) => `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const times = (v: number) => `${v.toFixed(2)}×`;

function rows(results: Results): string[][] {
  const out: string[][] = [['Measurement', 'Readiness', 'Peer', 'Ratio']];
  for (const c of results.cold) {
    out.push([`Cold analysis, ${c.label} (${kb(c.bytes)})`, ms(c.fullMs), `remark + gfm parse ${ms(c.bareMs)}`, times(c.ratio)]);
    out.push([`… the floor: markdown-it parse, ${c.label}`, '', `markdown-it ${ms(c.floorMs)}`, times(c.floorRatio)]);
  }
  for (const e of results.edits) {
    out.push([
      `Edit → model + findings, ${e.items.toLocaleString('en-US')} items (${e.edits} edits, p50 / p95 / max)`,
      `${ms(e.p50)} / ${ms(e.p95)} / ${ms(e.max)}`,
      `full re-analysis ${ms(e.fullMs)}`,
      times(e.p95 / e.fullMs),
    ]);
  }
  const c = results.corpus;
  if (c)
    out.push([
      `readiness check, corpus (${c.files} files, ${kb(c.bytes)})`,
      ms(c.readinessMs),
      `markdownlint-cli2 ${ms(c.markdownlintMs)}`,
      times(c.ratio),
    ]);
  if (c) {
    out.push([`readiness check --cache, empty cache, corpus`, ms(c.cacheColdMs), '', '']);
    out.push([`readiness check --cache, warm, corpus`, ms(c.cacheWarmMs), `markdownlint-cli2 ${ms(c.markdownlintMs)}`, times(c.warmRatio)]);
  }
  const h = results.heap;
  out.push([`Retained heap, ${h.items.toLocaleString('en-US')} items`, mb(h.modelBytes), `bare mdast ${mb(h.mdastBytes)}`, times(h.ratio)]);
  const a = results.activation;
  out.push([
    'Activation in the extension host (code loading + activate, as Running Extensions counts it)',
    'ms' in a ? ms(a.ms) : `not measured (${a.error})`,
    'ms' in a ? `code loading ${ms(a.codeLoadingMs)} (compile ${ms(a.compileMs)}), activate ${ms(a.activateMs)}` : '',
    '',
  ]);
  const f = results.firstScan;
  out.push([
    'First scan, 200 checklists of 100 items (longest task on the host thread; first checklist shown; whole scan; after activation)',
    'longestTaskMs' in f ? `${ms(f.longestTaskMs)}; ${ms(f.firstShownMs)}; ${ms(f.scanMs)}` : `not measured (${f.error})`,
    'longestTaskMs' in f ? `loading dist/core.js ${ms(f.coreLoadMs)}; load average ${f.loadAverage.toFixed(1)}` : '',
    '',
  ]);
  const w = results.web;
  out.push([
    'Activation in the web worker extension host (bundle evaluation + activate)',
    'workerActivationMs' in w ? ms(w.workerActivationMs) : `not measured (${w.error})`,
    'workerActivationMs' in w ? `evaluation ${ms(w.moduleLoadMs)}, activate ${ms(w.activateMs)}` : '',
    '',
  ]);
  out.push(['dist/extension.js + dist/core.js', kb(results.sizes.extensionBytes), '', '']);
  if ('webBundleBytes' in w) out.push(['dist/web/extension.js', kb(w.webBundleBytes), '', '']);
  out.push(['VSIX', kb(results.sizes.vsixBytes), '', '']);
  return out;
}

function targetRows(results: Results): string[][] {
  const show = (t: Target) => (t.value === null ? 'not measured' : `${t.value} ${t.unit}`);
  return [
    ['Target', 'Measured', 'Limit', 'Met'],
    ...Object.values(results.targets).map((t) => [t.what, show(t), `≤ ${t.limit} ${t.unit}`, t.met ? 'yes' : 'NO']),
  ];
}

function pad(table: string[][]): string {
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => [...r[i]].length)));
  return table.map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ')).join('\n');
}

function markdown(table: string[][]): string {
  const [head, ...body] = table;
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** The terminal summary. */
export function renderTable(results: Results): string {
  return `${pad(rows(results))}\n\n${pad(targetRows(results))}\n`;
}

/** bench/RESULTS.md. */
export function renderMarkdown(results: Results): string {
  const m = results.machine;
  return `# Benchmark results

Written by \`npm run bench\` (see [README.md](README.md) for what is measured and how). Do not edit by hand.

Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, Node.js ${m.node}, ${m.platform}; load average ${m.loadAverage.join(' / ')} at the end of the run; ${m.date}.

## Targets

${markdown(targetRows(results))}

## Measurements

${markdown(rows(results))}

Edits re-parsed ${results.edits.map((e) => `${Math.round(e.parsedChars)} characters on average at ${e.items.toLocaleString('en-US')} items`).join(' and ')}.
${missedCauses(results)}`;
}

/** For each missed target: where the time goes and what meeting it would take (bench/causes.ts). */
function missedCauses(results: Results): string {
  const missed = Object.entries(results.targets).filter(([, t]) => !t.met);
  if (missed.length === 0) return '';
  const entries = missed.map(
    ([id, t]) =>
      `- **${t.what}** (${t.value === null ? 'not measured' : `${t.value} ${t.unit}`}, limit ${t.limit} ${t.unit}): ${MISSED_TARGET_CAUSES[id] ?? 'no profile recorded yet.'}`,
  );
  return `\n## Targets missed: where the time goes\n\n${entries.join('\n')}\n`;
}
