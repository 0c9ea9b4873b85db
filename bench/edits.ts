/**
 * Single-character edits as an editor makes them: typing inside an item's text and ticking an
 * item, at random items, each followed by the updated model and findings.
 */
import { strict as assert } from 'node:assert';
import { analyzeChecklist } from '../src/core/analyze/analyze';
import type { Analysis } from '../src/core/analyze/analysis';
import { defaultConfig } from '../src/core/config/types';
import { ChecklistAnalyzer } from '../src/core/analyze/analyzer';
import type { ReadinessItem } from '../src/core/model/types';
import { allItems } from '../src/core/model/walk';
import { random } from './generate';
import { median, percentile, time } from './stats';

/** Latencies in milliseconds. */
export interface EditResult {
  items: number;
  edits: number;
  p50: number;
  p95: number;
  max: number;
  /** Median of a full re-analysis of the edited text. */
  fullMs: number;
  /** Characters the analyzer re-parsed per edit, on average. */
  parsedChars: number;
}

// `exists` never changes its answers, so its version stays the same (the extension bumps its own on file events).
const OPTIONS = { exists: (path: string) => !path.endsWith('7.md'), existsVersion: 1, today: '2026-06-01' };
const PATH = 'PRODUCTION_READINESS.md';

/** The text after typing one letter inside the item's text, or after ticking it. */
function edit(text: string, item: ReadinessItem, tick: boolean, rnd: () => number): string {
  const { marker } = item;
  if (tick && marker.style === 'box') return text.slice(0, marker.start) + (marker.text === ' ' ? 'x' : ' ') + text.slice(marker.end);
  if (tick && marker.style === 'cell' && marker.text !== '')
    return text.slice(0, marker.start) + (marker.text === '✅' ? '⏳' : '✅') + text.slice(marker.end);
  const firstLineEnd = text.indexOf('\n', item.span.start);
  const from = Math.max(marker.end, item.span.start) + 2;
  const at = from + Math.floor(rnd() * Math.max(1, (firstLineEnd < 0 ? text.length : firstLineEnd) - from - 2));
  return text.slice(0, at) + 'e' + text.slice(at);
}

/** Measures `count` edits (half typing, half ticking) after `warmup` unmeasured ones. */
export function measureEdits(items: number, start: string, count = 600, warmup = 20): EditResult {
  const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: PATH });
  const rnd = random(items);
  let text = start;
  let analysis: Analysis = analyzer.analyze(text, OPTIONS);
  const latencies: number[] = [];
  let parsed = 0;
  const fulls: number[] = [];
  for (let k = 0; k < warmup + count; k++) {
    const all = allItems(analysis.checklist);
    text = edit(text, all[Math.floor(rnd() * all.length)], k % 2 === 1, rnd);
    const ms = time(() => (analysis = analyzer.analyze(text, OPTIONS)));
    if (k < warmup) continue;
    latencies.push(ms);
    parsed += analyzer.parsedLength;
    if (k % Math.ceil(count / 5) === 0) {
      // Every so often: the full re-analysis it replaces, which must give the same result.
      let full: Analysis | undefined;
      fulls.push(time(() => (full = analyzeChecklist(text, { config: defaultConfig(), path: PATH, ...OPTIONS }))));
      assert.deepStrictEqual(analysis, full, 'incremental analysis differs from a full analysis');
    }
  }
  return {
    items,
    edits: count,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: Math.max(...latencies),
    fullMs: median(fulls),
    parsedChars: parsed / count,
  };
}
