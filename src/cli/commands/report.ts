import { DEFAULT_LIMITS } from '../../core/text/limits';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildReport } from '../../core/report/jsonReport';
import { renderHtmlReport } from '../../core/report/html';
import { openCriticalItems } from '../../core/report/summary';
import type { ReportArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { collectSources } from '../collect';
import { VERSION } from '../help';
import type { CliIo } from '../io';
import { fsErrorText } from '../readInput';

/** `readiness report`: writes the HTML report of the checklists to `--out` (or stdout); returns the exit code. */
export function runReport(args: ReportArgs, io: CliIo): number {
  const report = buildReport(collectSources(args.paths, args.config, io, { ...DEFAULT_LIMITS, maxChars: args.maxChars }));
  const html = renderHtmlReport(report, { title: args.title, today: io.today, toolVersion: VERSION });
  if (args.out === undefined) {
    io.stdout(html);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(io.cwd, args.out), html);
  } catch (error) {
    throw new CliError(`cannot write ${args.out}: ${fsErrorText(error)}`);
  }
  const p = report.summary.progress;
  const critical = openCriticalItems(report).length;
  io.stdout(`wrote ${args.out}: ${p.percent === null ? 'nothing tracked' : `${p.percent}% done`}, ${critical} critical open\n`);
  return EXIT.ok;
}
