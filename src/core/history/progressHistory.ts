/**
 * Progress at each version of a checklist. Successive versions differ as edits do, so one
 * analyzer follows them and parses again only the sections a commit touched.
 */
import type { AnalyzerOptions } from '../analyze/analysis';
import { ChecklistAnalyzer } from '../analyze/analyzer';
import type { Checklist, ReadinessItem } from '../model/types';
import { walkItems } from '../model/walk';
import type { CategoryPoint, ChecklistVersion, HistoryPoint } from './types';

/** The progress at each version, in the order given (oldest first, as `history` prints it). */
export function progressHistory(versions: readonly ChecklistVersion[], options: AnalyzerOptions): HistoryPoint[] {
  const analyzer = new ChecklistAnalyzer(options);
  return versions.map((version) => pointOf(version, analyzer.parse(version.text).checklist));
}

/** One version's point: its commit, the checklist's counts, and each top-level category's. */
export function pointOf(version: ChecklistVersion, checklist: Checklist): HistoryPoint {
  const { done, open, inProgress, notApplicable, untracked, percent } = checklist.progress;
  const categories: CategoryPoint[] = checklist.categories.map((c) => ({
    title: c.title,
    done: c.progress.done,
    tracked: c.progress.done + c.progress.open + c.progress.inProgress,
    percent: c.progress.percent,
  }));
  return {
    commit: version.commit,
    date: version.date,
    author: version.author,
    subject: version.subject,
    done,
    open,
    inProgress,
    notApplicable,
    untracked,
    criticalOpen: countCriticalOpen(checklist),
    percent,
    categories,
  };
}

function countCriticalOpen(checklist: Checklist): number {
  let count = 0;
  const open = (i: ReadinessItem) => i.critical && (i.state === 'open' || i.state === 'in-progress');
  for (const item of walkItems(checklist.items, checklist.categories)) if (open(item)) count++;
  return count;
}
