/**
 * The `--format json` report: a stable, versioned projection of analysed checklists
 * (validated by `schemas/readiness-report.schema.json`).
 */
import type { Checklist, ItemKind, ItemState, LinkRef, Progress, ReadinessCategory, ReadinessItem, Severity } from '../model/types';
import { emptyProgress, sumProgress } from '../model/progress';
import type { Finding, RuleId } from '../model/ruleTable';
import type { LastChange } from '../history/types';

/** One analysed file to put in the report. `checklist` is null for a config file that only carries findings. */
export interface ReportSource {
  /** The file's path as the report shows it (relative to the current folder, POSIX). */
  path: string;
  /** Structurally an `Analysis` (its `checklist` and `findings`), or a config file's findings with `checklist: null`. */
  analysis: { checklist: Checklist | null; findings: readonly Finding[] };
  /** `check --blame`: each item's last change of its marker, by item id (null: not committed). Items then carry `lastChange`. */
  lastChanges?: ReadonlyMap<string, LastChange | null>;
}

/** An evidence or runbook link in the report. */
export interface ReportLink {
  target: string;
  /** False for links that do not exist, were not checked, or point outside the workspace. */
  exists: boolean;
}

/** A checklist item in the report. */
export interface ReportItem {
  id: string;
  /** The item's full source text (ids are made from it). */
  text: string;
  /** The clean label every format shows: no owner, due date or link labels that only name the link. */
  label: string;
  state: ItemState;
  critical: boolean;
  line: number;
  kind: ItemKind;
  owner: string | null;
  due: string | null;
  evidence: ReportLink[];
  runbooks: ReportLink[];
  /** Only with `check --blame`: the commit that last changed the item's status marker; null when that line is not committed. */
  lastChange?: LastChange | null;
  children: ReportItem[];
}

/** A category in the report. */
export interface ReportCategory {
  id: string;
  title: string;
  line: number;
  progress: Progress;
  items: ReportItem[];
  categories: ReportCategory[];
}

/** A finding in the report; positions are 1-based, the end is exclusive. */
export interface ReportFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  itemId?: string;
}

/** One file in the report. */
export interface ReportFile {
  path: string;
  title: string | null;
  progress: Progress;
  /** Items outside any category. */
  items: ReportItem[];
  categories: ReportCategory[];
  findings: ReportFinding[];
}

/** Finding counts by severity. */
export type SeverityCounts = Record<Severity, number>;

/** The whole `--format json` report. */
export interface ReadinessReport {
  version: 1;
  files: ReportFile[];
  summary: {
    files: number;
    progress: Progress;
    findings: SeverityCounts;
  };
}

/** Builds the JSON report from analysed files, in the order given. */
export function buildReport(sources: readonly ReportSource[]): ReadinessReport {
  const files = sources.map(reportFile);
  return {
    version: 1,
    files,
    summary: {
      files: files.length,
      progress: sumProgress(files.map((f) => f.progress)),
      findings: countBySeverity(sources.flatMap((s) => s.analysis.findings)),
    },
  };
}

/** Counts findings by severity. */
export function countBySeverity(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function reportFile({ path, analysis, lastChanges }: ReportSource): ReportFile {
  const { checklist } = analysis;
  const item = (i: ReadinessItem) => reportItem(i, lastChanges);
  return {
    path,
    title: checklist?.title ?? null,
    progress: checklist ? { ...checklist.progress } : emptyProgress(),
    items: checklist?.items.map(item) ?? [],
    categories: checklist?.categories.map((c) => reportCategory(c, lastChanges)) ?? [],
    findings: [...analysis.findings].sort(compareFindings).map(reportFinding),
  };
}

function reportCategory(c: ReadinessCategory, changes: ReportSource['lastChanges']): ReportCategory {
  return {
    id: c.id,
    title: c.title,
    line: c.line,
    progress: { ...c.progress },
    items: c.items.map((i) => reportItem(i, changes)),
    categories: c.categories.map((sub) => reportCategory(sub, changes)),
  };
}

function reportItem(i: ReadinessItem, changes: ReportSource['lastChanges']): ReportItem {
  const own = {
    id: i.id,
    text: i.text,
    label: i.label,
    state: i.state,
    critical: i.critical,
    line: i.line,
    kind: i.kind,
    owner: i.owner,
    due: i.due,
    evidence: i.evidence.map(reportLink),
    runbooks: i.runbooks.map(reportLink),
  };
  const children = i.children.map((child) => reportItem(child, changes));
  if (!changes) return { ...own, children };
  const change = changes.get(i.id);
  // lastChange with the item's own fields, ahead of its children.
  return { ...own, lastChange: change ? { ...change } : null, children };
}

function reportLink(l: LinkRef): ReportLink {
  return { target: l.target, exists: l.exists === true };
}

function reportFinding(f: Finding): ReportFinding {
  const out: ReportFinding = {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: f.span.startPosition.line,
    column: f.span.startPosition.column,
    endLine: f.span.endPosition.line,
    endColumn: f.span.endPosition.column,
  };
  if (f.itemId !== undefined) out.itemId = f.itemId;
  return out;
}

/** Orders findings by start line, then column. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.startPosition.line - b.span.startPosition.line || a.span.startPosition.column - b.span.startPosition.column;
}
