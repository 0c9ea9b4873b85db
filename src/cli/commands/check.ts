import type { Finding, Severity } from '../../core';
import { formatReport } from '../coreLite';
import { createPaint, shouldColor } from '../ansi';
import type { CheckArgs, FailOn } from '../args';
import { EXIT } from '../cliError';
import { collectForCommand } from '../collect';
import { VERSION } from '../help';
import type { CliIo } from '../io';
import { readLastChanges } from '../gitHistory';

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/** `readiness check`: analyses the checklists and prints the report; returns the exit code. */
export function runCheck(args: CheckArgs, io: CliIo): number {
  const collected = collectForCommand(args, io);
  // git runs only when asked: `check` itself never needs it.
  const sources = args.blame ? collected.map((s) => ({ ...s, lastChanges: readLastChanges(s, io.env) })) : collected;
  const paint = createPaint(shouldColor({ noColorFlag: args.noColor, env: io.env, isTTY: io.stdoutIsTTY }));
  // With --fail-on warning, an open item that is not critical fails in JUnit too (skipped otherwise).
  const junit = { openItems: args.failOn === 'warning' ? 'failure' : 'skipped' } as const;
  io.stdout(formatReport(sources, args.format, { toolVersion: VERSION, today: io.today, paint, junit }));
  return reachesFailOn(
    sources.flatMap((s) => s.analysis.findings),
    args.failOn,
  )
    ? EXIT.findings
    : EXIT.ok;
}

/** True when a finding is at or above the `--fail-on` severity. */
export function reachesFailOn(findings: readonly Pick<Finding, 'severity'>[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
