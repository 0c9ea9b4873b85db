import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { CORPUS, corpusSuite } from '../corpus/corpusFiles';
import { join } from 'node:path';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import type { ItemState, ReadinessCategory, ReadinessItem } from '../../src/core/model/types';
import { allItems, preOrder } from '../../src/core/model/walk';
import { decodeText } from '../../src/core/text/decode';
import { TRUTH_A } from '../corpus/truthA';
import { TRUTH_B } from './../corpus/truthB';
import type { CorpusTruth, StateCounts } from '../corpus/truthTypes';

/**
 * The real checklists in ../shared/corpus against hand-written ground truth (test/corpus/truthA.ts
 * and truthB.ts), counted by reading each file under the format rules. These numbers do not move
 * with the parser: a failure here is a disagreement
 * between the tool and a careful reader.
 */

const TRUTH: Record<string, CorpusTruth> = { ...TRUTH_A, ...TRUTH_B };

function zero(): StateCounts {
  return { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0 };
}

function add(counts: StateCounts, state: ItemState): void {
  if (state === 'done') counts.done++;
  else if (state === 'open') counts.open++;
  else if (state === 'in-progress') counts.inProgress++;
  else if (state === 'n/a') counts.notApplicable++;
  else counts.untracked++;
}

function countItems(items: readonly ReadinessItem[]): StateCounts {
  const counts = zero();
  for (const item of items) add(counts, item.state);
  return counts;
}

/** Items of a category and of everything below it, nested items included. */
function itemsUnder(category: ReadinessCategory): ReadinessItem[] {
  const out = preOrder(category.items);
  for (const sub of category.categories) out.push(...itemsUnder(sub));
  return out;
}

function show(counts: StateCounts): string {
  return `done ${counts.done}, open ${counts.open}, in progress ${counts.inProgress}, n/a ${counts.notApplicable}, untracked ${counts.untracked}`;
}

function sameCounts(a: StateCounts, b: StateCounts): boolean {
  return (
    a.done === b.done &&
    a.open === b.open &&
    a.inProgress === b.inProgress &&
    a.notApplicable === b.notApplicable &&
    a.untracked === b.untracked
  );
}

/** Every way the analysis of `file` differs from its truth, one message each. */
function differences(file: string, truth: CorpusTruth): string[] {
  const text = decodeText(readFileSync(join(CORPUS, file))).text;
  const { checklist, findings } = analyzeChecklist(text, { config: defaultConfig(), path: file, exists: () => false });
  const items = allItems(checklist);
  const out: string[] = [];

  const total = countItems(items);
  if (!sameCounts(total, truth.total)) out.push(`${file}: total expected ${show(truth.total)}; got ${show(total)}`);

  const criticalOpen = items.filter((i) => i.critical && (i.state === 'open' || i.state === 'in-progress')).length;
  if (criticalOpen !== truth.criticalOpen) {
    out.push(`${file}: critical open expected ${truth.criticalOpen}; got ${criticalOpen}`);
  }

  // Top-level categories sharing a title are counted together, as the truth keys them by title.
  const actual = new Map<string, { counts: StateCounts; line: number }>();
  for (const category of checklist.categories) {
    const entry = actual.get(category.title) ?? { counts: zero(), line: category.line };
    for (const item of itemsUnder(category)) add(entry.counts, item.state);
    actual.set(category.title, entry);
  }
  for (const [title, { counts, line }] of actual) {
    const expected = truth.categories[title];
    if (expected === undefined) {
      if (!sameCounts(counts, zero())) out.push(`${file}: unexpected category "${title}" (line ${line}) holds ${show(counts)}`);
    } else if (!sameCounts(counts, expected)) {
      out.push(`${file}: category "${title}" expected ${show(expected)}; got ${show(counts)}`);
    }
  }
  for (const title of Object.keys(truth.categories)) {
    if (!actual.has(title)) out.push(`${file}: expected category "${title}" (${show(truth.categories[title])}) is missing`);
  }

  const rules = new Set<string>(findings.map((f) => f.rule));
  for (const rule of truth.mustFind ?? []) if (!rules.has(rule)) out.push(`${file}: expected a "${rule}" finding; none`);
  for (const rule of truth.mustNotFind ?? []) {
    if (rules.has(rule)) {
      const lines = findings.filter((f) => (f.rule as string) === rule).map((f) => f.span.startPosition.line);
      out.push(`${file}: unexpected "${rule}" finding(s) at line(s) ${lines.join(', ')}`);
    }
  }
  return out;
}

describe('corpus ground truth (hand-counted)', function () {
  this.timeout(120_000);
  const { files, skipWhenAbsent } = corpusSuite();
  before(skipWhenAbsent);

  it('has a hand-counted entry for every corpus file', () => {
    const missing = files.filter((f) => TRUTH[f] === undefined);
    assert.deepEqual(missing, [], `corpus files with no entry in TRUTH_A or TRUTH_B: ${missing.join(', ')}`);
  });

  for (const file of files) {
    it(`${file} matches its ground truth`, function () {
      const truth = TRUTH[file];
      if (truth === undefined) assert.fail(`${file}: no entry in TRUTH_A or TRUTH_B`);
      const diff = differences(file, truth);
      assert.deepEqual(diff, [], `\n${diff.join('\n')}`);
    });
  }
});
