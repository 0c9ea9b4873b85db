import { DEFAULT_LIMITS } from '../../core/text/limits';
import { buildReport, type ReportSource } from '../../core/report/jsonReport';
import type { Severity } from '../../core/model/types';
import { toCompact } from '../../core/report/compact';
import { toGithubAnnotations } from '../../core/report/githubAnnotations';
import { toJunit } from '../../core/report/junit';
import { toMarkdownSummary } from '../../core/report/markdownSummary';
import { toSarif } from '../../core/report/sarif';
import type { Finding } from '../../core/model/ruleTable';
import { createPaint, shouldColor } from '../ansi';
import type { CheckArgs, FailOn } from '../args';
import { EXIT } from '../cliError';
import { collectSources } from '../collect';
import { formatText } from '../formatText';
import { VERSION } from '../help';
import type { CliIo } from '../io';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** `readiness check`: analyses the checklists and prints the report; returns the exit code. */
export function runCheck(args: CheckArgs, io: CliIo): number {
  const sources = collectSources(args.paths, args.config, io, { ...DEFAULT_LIMITS, maxChars: args.maxChars });
  io.stdout(formatSources(sources, args, io));
  return reachesFailOn(sources.flatMap((s) => s.analysis.findings), args.failOn) ? EXIT.findings : EXIT.ok;
}

function formatSources(sources: readonly ReportSource[], args: CheckArgs, io: CliIo): string {
  switch (args.format) {
    case 'text':
      return formatText(sources, createPaint(shouldColor({ noColorFlag: args.noColor, env: io.env, isTTY: io.stdoutIsTTY })));
    case 'json':
      return `${JSON.stringify(buildReport(sources), null, 2)}\n`;
    case 'compact':
      return toCompact(buildReport(sources));
    case 'sarif':
      return `${JSON.stringify(toSarif(buildReport(sources), { toolVersion: VERSION }), null, 2)}\n`;
    case 'junit':
      return toJunit(buildReport(sources));
    case 'github':
      return toGithubAnnotations(buildReport(sources));
    case 'markdown':
      return toMarkdownSummary(buildReport(sources), { today: io.today });
  }
}

/** True when a finding is at or above the `--fail-on` severity. */
export function reachesFailOn(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
