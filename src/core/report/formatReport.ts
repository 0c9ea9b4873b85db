/**
 * Every output format behind one function, so the CLI (`check --format`, `report`) and the
 * editor's report view and export write the same bytes for the same analyses. Most formats are
 * projections of the JSON report; `text` reads the sources themselves (it shows config files
 * differently from empty checklists, a difference the JSON report does not keep).
 */
import { toCompact } from './compact';
import { toGithubAnnotations } from './githubAnnotations';
import { renderHtmlReport, type HtmlReportOptions } from './html';
import { buildReport, type ReportSource } from './jsonReport';
import { type JunitOptions, toJunit } from './junit';
import { toMarkdownSummary } from './markdownSummary';
import { toSarif } from './sarif';
import { formatText, type Paint } from './textReport';

/** Every format a report can be written in. */
export const REPORT_FORMATS = ['text', 'json', 'compact', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;

/** A report format: the `--format` values of `check`, plus `html` (`readiness report`, the report view). */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Inputs of `formatReport` besides the sources and the format; each format reads what it needs. */
export interface FormatOptions {
  /** The `readiness` version: SARIF's tool version and the HTML footer. */
  toolVersion: string;
  /** Today's date `YYYY-MM-DD`: overdue items in Markdown and HTML, and the date the HTML report shows. */
  today: string;
  /** `text`: the styles (ANSI colours in a terminal); plain when omitted. */
  paint?: Paint;
  /** `junit`: how open items that are not critical appear (skipped unless asked otherwise). */
  junit?: JunitOptions;
  /** `html`: the page title, how places link to their files, the burn-up's history and, in a webview, its Content-Security-Policy and style nonce. */
  html?: Pick<HtmlReportOptions, 'title' | 'csp' | 'nonce' | 'linkTo' | 'history'>;
}

/** The analysed files (config files with problems first, as `buildReport` takes them) written in `format`. */
export function formatReport(sources: readonly ReportSource[], format: ReportFormat, options: FormatOptions): string {
  if (format === 'text') return formatText(sources, options.paint);
  const report = buildReport(sources);
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'compact':
      return toCompact(report);
    case 'sarif':
      return `${JSON.stringify(toSarif(report, { toolVersion: options.toolVersion }), null, 2)}\n`;
    case 'junit':
      return toJunit(report, options.junit);
    case 'github':
      return toGithubAnnotations(report);
    case 'markdown':
      return toMarkdownSummary(report, { today: options.today });
    case 'html':
      return renderHtmlReport(report, { ...options.html, today: options.today, toolVersion: options.toolVersion });
  }
}
