/**
 * `--format compact`: one line per finding, `path:line:column: severity: message [rule]`, the
 * shape compilers print and the `$readiness` problem matcher reads.
 */
import type { ReadinessReport } from './jsonReport';
import { visibleText } from './visibleText';

/** One line per finding, in report order; messages are kept to one line, control characters in them and in paths shown escaped (`visibleText`). */
export function toCompact(report: ReadinessReport): string {
  return report.files
    .flatMap((file) =>
      file.findings.map(
        (f) =>
          `${visibleText(file.path)}:${f.line}:${f.column}: ${f.severity}: ${visibleText(f.message.replace(/\s*[\r\n]+\s*/g, ' '))} [${f.rule}]\n`,
      ),
    )
    .join('');
}
