import { analyzeChecklist } from '../../../src/core/analyze/analyze';
import type { Analysis } from '../../../src/core/analyze/analysis';
import type { LinkCheck } from '../../../src/core/analyze/links';
import { defaultConfig, type ReadinessConfig } from '../../../src/core/config/types';
import type { Checklist, ReadinessCategory, ReadinessItem, SettableState } from '../../../src/core/model/types';
import { allItems } from '../../../src/core/model/walk';
import { applyEdits, setState } from '../../../src/core/edit/setState';
import { strict as assert } from 'node:assert';

/** Analyses Markdown as `PRODUCTION_READINESS.md` at the workspace root. */
export function analyze(
  text: string,
  config: Partial<ReadinessConfig> = {},
  extra: { path?: string; exists?: (p: string) => LinkCheck; today?: string } = {},
): Analysis {
  return analyzeChecklist(text, {
    config: { ...defaultConfig(), ...config },
    path: extra.path ?? 'PRODUCTION_READINESS.md',
    exists: extra.exists,
    today: extra.today,
  });
}

/** A compact view of an item for exact assertions. */
export function brief(item: ReadinessItem): string {
  const flags = [
    item.kind,
    item.state,
    item.critical ? 'critical' : '',
    item.owner ? `@${item.owner}` : '',
    item.due ? `due ${item.due}` : '',
  ].filter(Boolean);
  return `${item.text} [${flags.join(', ')}]`;
}

/** Every item of a checklist, nested ones included, as brief strings. */
export function briefs(checklist: Checklist): string[] {
  return allItems(checklist).map(brief);
}

/** The category tree as indented titles with progress. */
export function outline(categories: readonly ReadinessCategory[], indent = ''): string[] {
  return categories.flatMap((c) => [
    `${indent}${c.title} ${c.progress.done}/${c.progress.done + c.progress.open + c.progress.inProgress}`,
    ...outline(c.categories, indent + '  '),
  ]);
}

/** Both line endings, for tests that must hold under each. */
export const EOLS = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
] as const;

/** The text after setting the item whose text is `itemText` to `state` (default config). */
export function tick(text: string, itemText: string, state: SettableState): string {
  const { checklist } = analyze(text);
  const item = allItems(checklist).find((i) => i.text === itemText);
  assert.ok(item, `no item "${itemText}" among ${briefs(checklist).join(', ')}`);
  const edit = setState(text, checklist, item, state);
  assert.ok(edit, `no edit for "${itemText}"`);
  return applyEdits(text, [edit]);
}
