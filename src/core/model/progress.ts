/**
 * Progress counts: done, open, in progress, n/a and untracked, and the percentage done of what is
 * tracked. Categories, checklists, reports and the status bar all count the same way.
 */
import type { ItemState, Progress, ReadinessCategory, ReadinessItem } from './types';
import { walkItems } from './walk';

/** Open or in-progress critical items among these items and categories, nested ones included. */
export function countOpenCritical(items: readonly ReadinessItem[], categories: readonly ReadinessCategory[] = []): number {
  let count = 0;
  for (const item of walkItems(items, categories)) if (item.critical && (item.state === 'open' || item.state === 'in-progress')) count++;
  return count;
}

/** Progress with every count at zero. */
export function emptyProgress(): Progress {
  return { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null };
}

/** Adds one item's state to the counts (percent is left for `finishProgress`). */
export function countState(progress: Progress, state: ItemState): void {
  switch (state) {
    case 'done':
      progress.done++;
      break;
    case 'open':
      progress.open++;
      break;
    case 'in-progress':
      progress.inProgress++;
      break;
    case 'n/a':
      progress.notApplicable++;
      break;
    case 'untracked':
      progress.untracked++;
      break;
  }
}

/** Sets `percent` = done ÷ (done + open + in progress), floored; null when nothing is tracked. */
export function finishProgress(progress: Progress): Progress {
  const tracked = progress.done + progress.open + progress.inProgress;
  progress.percent = tracked === 0 ? null : Math.floor((progress.done * 100) / tracked);
  return progress;
}

/** Adds the counts of `part` to `into` (percent is left for `finishProgress`). */
export function addProgress(into: Progress, part: Progress): void {
  into.done += part.done;
  into.open += part.open;
  into.inProgress += part.inProgress;
  into.notApplicable += part.notApplicable;
  into.untracked += part.untracked;
}

/** Sums several progress records (percent recomputed). */
export function sumProgress(parts: readonly Progress[]): Progress {
  const total = emptyProgress();
  for (const p of parts) addProgress(total, p);
  return finishProgress(total);
}

/** An item of the model or of a report: a state and nested items. */
interface Counted {
  state: ItemState;
  children: readonly Counted[];
}

/** Progress of items and their nested children (as GitHub counts task lists). */
export function itemsProgress(items: readonly Counted[]): Progress {
  const progress = emptyProgress();
  const stack = [...items];
  while (stack.length > 0) {
    const item = stack.pop()!;
    countState(progress, item.state);
    stack.push(...item.children);
  }
  return finishProgress(progress);
}
