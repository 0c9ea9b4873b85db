/**
 * `--format markdown`: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: overall
 * progress, a table of progress per category, the open critical items and the missing evidence.
 */
import { countBySeverity, type ReadinessReport } from './jsonReport';
import type { Progress } from '../model/types';
import {
  categoryRows,
  criticalSignOffs,
  evidenceCoverage,
  findingsOf,
  isChecklistFile,
  isOverdue,
  itemLabel,
  openCriticalItems,
  signOffText,
} from './summary';
import { mdCode, mdText } from './markdownText';

const BAR_WIDTH = 10;

/** Inputs of `toMarkdownSummary` besides the report. */
export interface MarkdownOptions {
  /** Today's date `YYYY-MM-DD`, to flag overdue due dates; omitted, nothing is flagged. */
  today?: string;
}

/** The Markdown summary of a report. */
export function toMarkdownSummary(report: ReadinessReport, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  const p = report.summary.progress;
  const critical = openCriticalItems(report);
  out.push(`## Production readiness: ${p.percent === null ? 'nothing tracked' : `${p.percent}% done`}`, '');
  out.push(overviewLine(report, critical.length), '');

  const rows = report.files.flatMap(categoryRows);
  if (rows.length > 0) {
    out.push('| Checklist | Category | Progress | Done | In progress | Open | N/A |', '|---|---|---|--:|--:|--:|--:|');
    for (const row of rows) {
      const q = row.progress;
      out.push(
        `| ${mdCode(row.file.path)} | ${row.title === null ? '_(no category)_' : mdText(row.title || '(untitled)')} | ${progressCell(q)} | ${q.done} | ${q.inProgress} | ${q.open} | ${q.notApplicable} |`,
      );
    }
    out.push('');
  }

  out.push(`### Open critical items (${critical.length})`, '');
  if (critical.length === 0) {
    out.push('None.', '');
  } else {
    out.push('| Item | Where | State | Owner | Due |', '|---|---|---|---|---|');
    for (const { file, item } of critical) {
      const due = item.due === null ? '—' : isOverdue(item, options.today) ? `**${item.due} (overdue)**` : item.due;
      out.push(
        `| ${mdText(itemLabel(item))} | ${mdCode(`${file.path}:${item.line}`)} | ${item.state === 'open' ? 'open' : 'in progress'} | ${item.owner === null ? '—' : mdCode(`@${item.owner}`)} | ${due} |`,
      );
    }
    out.push('');
  }

  // Only in a report made with --blame: the items then carry who last changed their marker.
  const signOffs = criticalSignOffs(report);
  if (signOffs.length > 0) {
    out.push(`### Critical sign-offs (${signOffs.length})`, '', '| Item | Where | Signed off |', '|---|---|---|');
    for (const { file, item } of signOffs) {
      out.push(`| ${mdText(itemLabel(item))} | ${mdCode(`${file.path}:${item.line}`)} | ${mdText(signOffText(item.lastChange))} |`);
    }
    out.push('');
  }

  const missing = findingsOf(report, ['evidence-missing', 'evidence-broken']);
  const coverage = evidenceCoverage(report);
  out.push(`### Missing evidence (${missing.length})`, '');
  out.push(
    `${coverage.withEvidence} of ${coverage.done} done items link existing evidence (critical: ${coverage.criticalWithEvidence} of ${coverage.criticalDone}).`,
    '',
  );
  if (missing.length > 0) {
    out.push('| Where | Problem |', '|---|---|');
    for (const { file, finding } of missing) out.push(`| ${mdCode(`${file.path}:${finding.line}`)} | ${mdText(finding.message)} |`);
    out.push('');
  }
  // Only when something was not read: a summary that left it out would read as a clean run.
  const unread = findingsOf(report, ['unreadable']);
  if (unread.length > 0) {
    out.push(`### Not read (${unread.length})`, '', '| Where | Problem |', '|---|---|');
    for (const { file, finding } of unread) out.push(`| ${mdCode(file.path)} | ${mdText(finding.message)} |`);
    out.push('');
  }
  return out.join('\n');
}

function overviewLine(report: ReadinessReport, criticalOpen: number): string {
  const p = report.summary.progress;
  const tracked = p.done + p.open + p.inProgress;
  const parts = [`**${p.done}/${tracked}** items done`];
  if (p.inProgress > 0) parts.push(`${p.inProgress} in progress`);
  parts.push(criticalOpen > 0 ? `**${criticalOpen} critical open**` : 'no critical item open');
  if (p.notApplicable > 0) parts.push(`${p.notApplicable} n/a`);
  const checklists = report.files.filter(isChecklistFile).length;
  parts.push(`${checklists} ${checklists === 1 ? 'checklist' : 'checklists'}`);
  const c = countBySeverity(report.files.flatMap((f) => f.findings));
  parts.push(
    c.error + c.warning + c.info === 0
      ? 'no problems'
      : `${c.error} ${c.error === 1 ? 'error' : 'errors'}, ${c.warning} ${c.warning === 1 ? 'warning' : 'warnings'}, ${c.info} ${c.info === 1 ? 'info' : 'infos'}`,
  );
  return parts.join(' · ');
}

function progressCell(p: Progress): string {
  if (p.percent === null) return '—';
  const filled = Math.floor((p.percent * BAR_WIDTH) / 100);
  return `${mdCode('█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled))} ${p.percent}%`;
}
