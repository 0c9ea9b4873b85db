/**
 * Retained heap of one document's data, measured in a process of its own (run with
 * `node --expose-gc --import tsx bench/heap.ts <mdast|model> <items>`): prints the bytes.
 * `mdast` keeps the bare remark + remark-gfm tree; `model` keeps what the extension keeps per
 * open checklist, the incremental analyzer with its last analysis.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { defaultConfig } from '../src/core/config/types';
import { ChecklistAnalyzer } from '../src/core/analyze/analyzer';
import { generateChecklist } from './generate';

const [kind, count] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || (kind !== 'mdast' && kind !== 'model'))
  throw new Error('usage: node --expose-gc --import tsx bench/heap.ts <mdast|model> <items>');

const bare = unified().use(remarkParse).use(remarkGfm).freeze();
const options = { exists: () => true, today: '2026-06-01' };
const build = (text: string): unknown => {
  if (kind === 'mdast') return bare.parse(text);
  const analyzer = new ChecklistAnalyzer({ config: defaultConfig(), path: 'PRODUCTION_READINESS.md' });
  return [analyzer, analyzer.analyze(text, options)];
};
const used = (): number => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};

// Code, lazy tables and the text itself are in the baseline; only the retained structure counts.
build(generateChecklist(300, 2));
const text = generateChecklist(Number(count));
const before = used();
const kept = build(text);
const bytes = used() - before;
process.stdout.write(`${JSON.stringify({ kind, bytes, kept: kept !== undefined })}\n`);
