/**
 * `--format compact`: one line per finding, `path:line:column: severity: message [rule]`, the
 * shape compilers print and the `$readiness` problem matcher reads.
 */
import type { ReadinessReport } from './jsonReport';

/** One line per finding, in report order; messages are kept to one line. */
export function toCompact(report: ReadinessReport): string {
  return report.files
    .flatMap((file) =>
      file.findings.map(
        (f) => `${file.path}:${f.line}:${f.column}: ${f.severity}: ${f.message.replace(/\s*[\r\n]+\s*/g, ' ')} [${f.rule}]\n`,
      ),
    )
    .join('');
}
