import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import type { ItemState, ReadinessCategory, ReadinessItem } from '../../src/core/model/types';
import { allItems, preOrder } from '../../src/core/model/walk';
import type { CorpusTruth, StateCounts } from './truthTypes';

/**
 * The comparison of an analysed checklist with its hand-counted truth, shared by the ground-truth
 * suites (the shared corpus and test/fixtures/formats).
 */

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

/**
 * Every way the analysis of `text` (the decoded file `file`, default config) differs from its
 * truth, one message each; empty when they agree.
 */
export function truthDifferences(file: string, text: string, truth: CorpusTruth): string[] {
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
