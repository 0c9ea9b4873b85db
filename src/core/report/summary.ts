/**
 * Figures every report format shares, derived from the JSON report: items with their category
 * path, progress rows per category, open critical items and evidence coverage.
 */
import type { ReadinessReport, ReportCategory, ReportFile, ReportFinding, ReportItem } from './jsonReport';
import type { Progress } from '../model/types';
import { itemsProgress } from '../model/progress';

/** An item with where it sits. */
export interface LocatedItem {
  file: ReportFile;
  /** Titles of the enclosing categories, outermost first (empty outside any category). */
  categoryPath: string[];
  item: ReportItem;
}

/** One progress row: a top-level category of a file, or the file's items outside any category. */
export interface CategoryRow {
  file: ReportFile;
  /** The category title; null for the items outside any category. */
  title: string | null;
  line: number;
  progress: Progress;
}

/** How many done items link to evidence that exists. */
export interface EvidenceCoverage {
  done: number;
  withEvidence: number;
  criticalDone: number;
  criticalWithEvidence: number;
}

/** A finding with the file it belongs to. */
export interface LocatedFinding {
  file: ReportFile;
  finding: ReportFinding;
}

/** Every item of a file (nested children included), in document order. */
export function fileItems(file: ReportFile): LocatedItem[] {
  const out: LocatedItem[] = [];
  const addItems = (items: readonly ReportItem[], categoryPath: string[]): void => {
    for (const item of items) {
      out.push({ file, categoryPath, item });
      addItems(item.children, categoryPath);
    }
  };
  const addCategory = (category: ReportCategory, parents: string[]): void => {
    const path = [...parents, category.title];
    addItems(category.items, path);
    for (const sub of category.categories) addCategory(sub, path);
  };
  addItems(file.items, []);
  for (const category of file.categories) addCategory(category, []);
  return out;
}

/**
 * False for a config file listed only for its problems (no title, no items, only
 * `config-invalid` findings); a checklist without items still reports `no-items`.
 */
export function isChecklistFile(file: ReportFile): boolean {
  const configOnly =
    file.title === null &&
    file.items.length === 0 &&
    file.categories.length === 0 &&
    file.findings.every((f) => f.rule === 'config-invalid');
  return !configOnly;
}

/** Every item of the report. */
export function reportItems(report: ReadinessReport): LocatedItem[] {
  return report.files.flatMap(fileItems);
}

/** True for items that count towards progress (not n/a, not untracked). */
export function isTracked(item: ReportItem): boolean {
  return item.state === 'done' || item.state === 'open' || item.state === 'in-progress';
}

/** True for a critical item that is not done yet (what `critical-open` reports). */
export function isOpenCritical(item: ReportItem): boolean {
  return item.critical && (item.state === 'open' || item.state === 'in-progress');
}

/** Open critical items, in report order. */
export function openCriticalItems(report: ReadinessReport): LocatedItem[] {
  return reportItems(report).filter((located) => isOpenCritical(located.item));
}

/**
 * Progress rows: per file, its items outside any category (when there are some), then each
 * top-level category holding at least one item. Files without items (config files) have none.
 */
export function categoryRows(file: ReportFile): CategoryRow[] {
  const rows: CategoryRow[] = [];
  if (file.items.length > 0) rows.push({ file, title: null, line: file.items[0].line, progress: itemsProgress(file.items) });
  for (const category of file.categories) {
    const p = category.progress;
    if (p.done + p.open + p.inProgress + p.notApplicable + p.untracked > 0)
      rows.push({ file, title: category.title, line: category.line, progress: p });
  }
  return rows;
}

/** Evidence coverage of the done items. */
export function evidenceCoverage(report: ReadinessReport): EvidenceCoverage {
  const coverage: EvidenceCoverage = { done: 0, withEvidence: 0, criticalDone: 0, criticalWithEvidence: 0 };
  for (const { item } of reportItems(report)) {
    if (item.state !== 'done') continue;
    const covered = item.evidence.some((link) => link.exists);
    coverage.done++;
    if (covered) coverage.withEvidence++;
    if (item.critical) {
      coverage.criticalDone++;
      if (covered) coverage.criticalWithEvidence++;
    }
  }
  return coverage;
}

/** Findings of some rules, with their files, in report order. */
export function findingsOf(report: ReadinessReport, rules: readonly string[]): LocatedFinding[] {
  return report.files.flatMap((file) => file.findings.filter((f) => rules.includes(f.rule)).map((finding) => ({ file, finding })));
}

/** Every finding with its file, in report order. */
export function allFindings(report: ReadinessReport): LocatedFinding[] {
  return report.files.flatMap((file) => file.findings.map((finding) => ({ file, finding })));
}

/** An item's clean label (no `@owner`, due date or link-naming labels: they are shown beside it). */
export function itemLabel(item: ReportItem): string {
  return item.label;
}

/** The item a finding is about, when it names one. */
export function findingItem(file: ReportFile, finding: ReportFinding): ReportItem | undefined {
  if (finding.itemId === undefined) return undefined;
  return fileItems(file).find((located) => located.item.id === finding.itemId)?.item;
}

/** "a › b" for a category path. */
export function categoryPathText(path: readonly string[]): string {
  return path.map((title) => title || '(untitled)').join(' › ');
}

/** True when a due date lies before today (both `YYYY-MM-DD`, so they compare as strings). */
export function isOverdue(item: ReportItem, today: string | undefined): boolean {
  return today !== undefined && item.due !== null && item.state !== 'done' && item.state !== 'n/a' && item.due < today;
}

/** Done critical items of a report made with `--blame` (items that carry `lastChange`), in report order. */
export function criticalSignOffs(report: ReadinessReport): LocatedItem[] {
  return reportItems(report).filter(({ item }) => item.critical && item.state === 'done' && item.lastChange !== undefined);
}

/** "Alice, 2026-11-20, abc1234 Tick rollback drill", or why there is no sign-off: who ticked a done item, as every report writes it. */
export function signOffText(change: ReportItem['lastChange']): string {
  if (change === undefined) return '';
  if (change === null) return 'not committed yet';
  return `${change.author || '(no author)'}, ${change.date.slice(0, 10)}, ${change.commit.slice(0, 7)} ${change.subject}`;
}
