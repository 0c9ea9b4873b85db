/**
 * Cold full analysis (parse, model, findings) next to a bare whole-document remark + remark-gfm
 * parse of the same text (the peer), and markdown-it's parse (the floor: what a linear parser of
 * the language costs).
 */
import MarkdownIt from 'markdown-it';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeChecklist } from '../src/core/analyze/analyze';
import { defaultConfig } from '../src/core/config/types';
import { DEFAULT_LIMITS } from '../src/core/text/limits';
import { interleaved } from './stats';

/** One document's (or set of documents') medians in milliseconds. */
export interface ColdResult {
  label: string;
  bytes: number;
  bareMs: number;
  fullMs: number;
  /** `fullMs` ÷ `bareMs`. */
  ratio: number;
  /** markdown-it's whole-document parse (tokens only: no tree, no model). */
  floorMs: number;
  /** `fullMs` ÷ `floorMs`. */
  floorRatio: number;
}

const bare = unified().use(remarkParse).use(remarkGfm).freeze();
const floor = new MarkdownIt();

/** Rounds per size: enough for a stable median, few for the slow big documents. */
function roundsFor(bytes: number): number {
  if (bytes < 20_000) return 41;
  if (bytes < 200_000) return 21;
  if (bytes < 1_000_000) return 11;
  // Over 80 s a parse here (micromark slows down more than linearly on very large texts).
  return 2;
}

/** Analyses as `readiness check` does (links checked, today's date); the 50,000-item text is over the default size limit, which is lifted here. */
export function analyzeFully(text: string): void {
  analyzeChecklist(text, {
    config: defaultConfig(),
    path: 'PRODUCTION_READINESS.md',
    exists: () => true,
    today: '2026-06-01',
    limits: { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER },
  });
}

/** Measures a document, or a set of documents one after the other. */
export function measureCold(label: string, texts: readonly string[]): ColdResult {
  // Warm-up: both code paths compiled and their lazy tables built before timing.
  for (let i = 0; i < 2; i++) {
    for (const text of texts) {
      bare.parse(text.slice(0, 20_000));
      floor.parse(text.slice(0, 20_000), {});
      analyzeFully(text.slice(0, 20_000));
    }
  }
  const bytes = texts.reduce((sum, t) => sum + t.length, 0);
  const [bareMs, fullMs, floorMs] = interleaved(roundsFor(bytes), [
    () => texts.forEach((t) => bare.parse(t)),
    () => texts.forEach((t) => analyzeFully(t)),
    () => texts.forEach((t) => floor.parse(t, {})),
  ]);
  return { label, bytes, bareMs, fullMs, ratio: fullMs / bareMs, floorMs, floorRatio: fullMs / floorMs };
}
