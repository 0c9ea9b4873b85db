/**
 * `--format github`: GitHub Actions workflow commands, one line per finding, so the runner turns
 * them into annotations on the pull request's files.
 */
import type { ReadinessReport, ReportFinding } from './jsonReport';
import type { Severity } from '../model/types';
import { visibleText } from './visibleText';

const COMMANDS: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'notice' };

/** One `::error file=…,line=…::message` line per finding, in report order. */
export function toGithubAnnotations(report: ReadinessReport): string {
  const lines = report.files.flatMap((file) => file.findings.map((finding) => annotation(file.path, finding)));
  return lines.map((line) => `${line}\n`).join('');
}

function annotation(path: string, finding: ReportFinding): string {
  const properties: [string, string | number][] = [
    ['file', path],
    ['line', finding.line],
  ];
  // GitHub accepts columns only for a single-line range.
  if (finding.endLine === finding.line) properties.push(['col', finding.column]);
  properties.push(['endLine', finding.endLine]);
  if (finding.endLine === finding.line) properties.push(['endColumn', finding.endColumn]);
  properties.push(['title', `readiness: ${finding.rule}`]);
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${COMMANDS[finding.severity]} ${list}::${escapeData(finding.message)}`;
}

/**
 * A workflow command's message: `%`, CR and LF percent-encoded (as @actions/core does), so no text
 * can end the command and start another; other control characters and bidi overrides escaped.
 */
export function escapeData(value: string): string {
  return visibleText(value, { keepNewlines: true }).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
