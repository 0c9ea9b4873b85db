import { analyzeChecklist } from '../../../src/core/analyze/analyze';
import type { Analysis } from '../../../src/core/analyze/analysis';
import type { LinkCheck } from '../../../src/core/analyze/links';
import { defaultConfig, type ReadinessConfig } from '../../../src/core/config/types';
import type { Checklist, ReadinessCategory, ReadinessItem } from '../../../src/core/model/types';
import { allItems } from '../../../src/core/model/walk';

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
