/**
 * The `--format text` report, in the style of ESLint's "stylish" formatter. Colour is injected as
 * a `Paint` (the CLI passes ANSI styles when its output is a terminal), so the text itself is
 * plain string work and the same with or without colour.
 */
import { compareFindings, countBySeverity, type ReportSource } from './jsonReport';
import type { Checklist, Progress, Severity } from '../model/types';
import { countOpenCritical, sumProgress } from '../model/progress';
import type { Finding } from '../model/ruleTable';
import { walkItems } from '../model/walk';
import { displayWidth as stringWidth, padEnd, truncate } from './columns';
import { visibleText } from './visibleText';
import { signOffText } from './summary';

/** Text styles; each returns its text wrapped in whatever shows the style (or unchanged). */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  blue(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const identity = (text: string): string => text;

/** No styles: every function returns its text unchanged. */
export const PLAIN: Paint = {
  red: identity,
  yellow: identity,
  green: identity,
  blue: identity,
  dim: identity,
  bold: identity,
  underline: identity,
};

const BAR_WIDTH = 10;
const MAX_TITLE_WIDTH = 40;

/**
 * The text report: per file its path, an overall progress bar, a bar per top-level category and
 * the findings; then a summary line. Config files (sources without a checklist) show only their
 * findings, which is why this format reads the sources rather than the JSON report.
 */
export function formatText(sources: readonly ReportSource[], paint: Paint = PLAIN): string {
  const blocks = sources.map((s) => fileBlock(s, paint));
  const checklists = sources.flatMap((s) => (s.analysis.checklist ? [s.analysis.checklist] : []));
  const lines: string[] = [];
  if (checklists.length > 1) {
    lines.push(
      `${paint.bold('Overall')}  ${progressLine(sumProgress(checklists.map((c) => c.progress)), criticalOpen(checklists), paint)}  ${paint.dim(`(${checklists.length} checklists)`)}`,
    );
  }
  lines.push(
    summaryLine(
      sources.flatMap((s) => s.analysis.findings),
      paint,
    ),
  );
  return [...blocks, lines.join('\n')].join('\n\n') + '\n';
}

function fileBlock({ path, analysis, lastChanges }: ReportSource, paint: Paint): string {
  const lines = [paint.underline(visibleText(path))];
  const { checklist } = analysis;
  if (checklist) {
    lines.push(`  ${progressLine(checklist.progress, criticalOpen([checklist]), paint)}`);
    lines.push(...categoryLines(checklist, paint));
    if (lastChanges) lines.push(...signOffLines(checklist, lastChanges, paint));
  }
  if (analysis.findings.length > 0) {
    if (checklist) lines.push('');
    lines.push(...findingLines(analysis.findings, paint));
  }
  return lines.join('\n');
}

/** `█████░░░░░  52%  26/50 done · 3 in progress · 2 critical open` */
function progressLine(p: Progress, critical: number, paint: Paint): string {
  const tracked = p.done + p.open + p.inProgress;
  if (p.percent === null) {
    const parts = [paint.dim('no tracked items')];
    if (p.notApplicable > 0) parts.push(`${p.notApplicable} n/a`);
    if (p.untracked > 0) parts.push(`${p.untracked} untracked`);
    return `${bar(null, paint)}    –  ${parts.join(' · ')}`;
  }
  const parts = [`${p.done}/${tracked} done`];
  if (p.inProgress > 0) parts.push(`${p.inProgress} in progress`);
  if (critical > 0) parts.push(paint.red(`${critical} critical open`));
  if (p.notApplicable > 0) parts.push(paint.dim(`${p.notApplicable} n/a`));
  if (p.untracked > 0) parts.push(paint.dim(`${p.untracked} untracked`));
  return `${bar(p.percent, paint)} ${percentText(p.percent)}  ${parts.join(' · ')}`;
}

function categoryLines(checklist: Checklist, paint: Paint): string[] {
  // Sections without any item (introductions, references, tables of contents) would only add noise.
  const shown = checklist.categories.filter((c) => {
    const p = c.progress;
    return p.done + p.open + p.inProgress + p.notApplicable + p.untracked > 0;
  });
  const titles = shown.map((c) => truncate(visibleText(c.title || '(untitled)'), MAX_TITLE_WIDTH));
  const width = Math.max(0, ...titles.map((t) => stringWidth(t)));
  return shown.map((c, i) => {
    const p = c.progress;
    const counts = p.percent === null ? paint.dim('no tracked items') : `${p.done}/${p.done + p.open + p.inProgress}`;
    return `  ${padEnd(titles[i], width)}  ${bar(p.percent, paint)} ${p.percent === null ? '    ' : percentText(p.percent)}  ${counts}`;
  });
}

/** `--blame`: who signed off each done critical item (`✔ Rollback tested — Alice, 2026-11-20, abc1234 Tick rollback drill`). */
function signOffLines(checklist: Checklist, changes: NonNullable<ReportSource['lastChanges']>, paint: Paint): string[] {
  const done = [...walkItems(checklist.items, checklist.categories)].filter((i) => i.critical && i.state === 'done');
  if (done.length === 0) return [];
  return [
    '',
    `  Critical sign-offs (${done.length}):`,
    ...done.map((i) => {
      const change = changes.get(i.id) ?? null;
      const who = visibleText(signOffText(change).replace(/\s*[\r\n]+\s*/g, ' '));
      return `  ${paint.green('✔')} ${visibleText(i.label || i.text)} ${paint.dim('—')} ${change === null ? paint.yellow(who) : who}`;
    }),
  ];
}

function findingLines(findings: readonly Finding[], paint: Paint): string[] {
  const rows = [...findings].sort(compareFindings).map((f) => ({
    line: String(f.span.startPosition.line),
    column: String(f.span.startPosition.column),
    severity: f.severity,
    message: visibleText(f.message.replace(/\s*[\r\n]+\s*/g, ' ')),
    rule: f.rule,
  }));
  const lineWidth = Math.max(...rows.map((r) => r.line.length));
  const columnWidth = Math.max(...rows.map((r) => r.column.length));
  const messageWidth = Math.max(...rows.map((r) => stringWidth(r.message)));
  return rows.map((r) => {
    const where = paint.dim(`${r.line.padStart(lineWidth)}:${r.column.padEnd(columnWidth)}`);
    return `  ${where}  ${severityText(r.severity, paint)}  ${padEnd(r.message, messageWidth)}  ${paint.dim(r.rule)}`;
  });
}

/** `✖ 5 problems (2 errors, 3 warnings, 0 infos)`, or `✔ no problems`. */
function summaryLine(findings: readonly Finding[], paint: Paint): string {
  const counts = countBySeverity(findings);
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return paint.green('✔ no problems');
  const text = `✖ ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')})`;
  return paint.bold(counts.error > 0 ? paint.red(text) : counts.warning > 0 ? paint.yellow(text) : paint.blue(text));
}

function bar(percent: number | null, paint: Paint): string {
  const filled = percent === null ? 0 : Math.floor((percent * BAR_WIDTH) / 100);
  const fill = percent === 100 ? paint.green : percent === null ? paint.dim : paint.yellow;
  return fill('█'.repeat(filled)) + paint.dim('░'.repeat(BAR_WIDTH - filled));
}

function percentText(percent: number): string {
  return `${percent}%`.padStart(4);
}

function criticalOpen(checklists: readonly Checklist[]): number {
  return checklists.reduce((n, c) => n + countOpenCritical(c.items, c.categories), 0);
}

/** Severity padded to the width of `warning`, coloured like ESLint. */
function severityText(severity: Severity, paint: Paint): string {
  const padded = severity.padEnd(7);
  return severity === 'error' ? paint.red(padded) : severity === 'warning' ? paint.yellow(padded) : paint.blue(padded);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
