/**
 * Progress at each version of a checklist. Successive versions differ as edits do, so one
 * analyzer follows them and parses again only the sections a commit touched.
 */
import type { AnalyzerOptions } from '../analyze/analysis';
import { ChecklistAnalyzer } from '../analyze/analyzer';
import { countOpenCritical } from '../model/progress';
import type { Checklist } from '../model/types';
import type { CategoryPoint, ChecklistVersion, HistoryPoint } from './types';

/** The progress at each version, in the order given (oldest first, as `history` prints it). */
export function progressHistory(versions: readonly ChecklistVersion[], options: AnalyzerOptions): HistoryPoint[] {
  const analyzer = new ChecklistAnalyzer(options);
  let previous: string | undefined;
  return versions.map((version) => {
    // A commit that ticks several boxes is fed as one tick at a time: each is patched in place
    // (no parse), where the whole change would re-parse every section between the first and last.
    if (previous !== undefined) for (const step of tickSteps(previous, version.text)) analyzer.parse(step);
    previous = version.text;
    return pointOf(version, analyzer.parse(version.text).checklist);
  });
}

/** Most ticks split into steps; a commit changing more is parsed as it is. */
const MAX_TICK_STEPS = 16;

/**
 * The texts between `before` and `after` when they differ only in a few status markers (same
 * length; each change at most two UTF-16 units, inside `[ ]` or of symbols only): `before` with
 * the first change applied, then the first two, … — every one but the last (`after` itself).
 * Empty otherwise. The analyzer's answer for `after` does not depend on the texts it saw before.
 */
export function tickSteps(before: string, after: string): string[] {
  if (before.length !== after.length || before === after) return [];
  const ends: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before.charCodeAt(i) === after.charCodeAt(i)) continue;
    let end = i + 1;
    while (end < after.length && before.charCodeAt(end) !== after.charCodeAt(end)) end++;
    const inBox = before[i - 1] === '[' && before[end] === ']';
    if (end - i > 2 || (!inBox && !(SYMBOLS.test(before.slice(i, end)) && SYMBOLS.test(after.slice(i, end))))) return [];
    ends.push(end);
    if (ends.length > MAX_TICK_STEPS) return [];
    i = end;
  }
  return ends.slice(0, -1).map((end) => after.slice(0, end) + before.slice(end));
}

/** Status glyphs and emoji: no letter, digit or space. */
const SYMBOLS = /^[^\p{L}\p{N}\s]+$/u;

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
    criticalOpen: countOpenCritical(checklist.items, checklist.categories),
    percent,
    categories,
  };
}
