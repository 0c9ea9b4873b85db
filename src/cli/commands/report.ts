import { buildReport, DEFAULT_LIMITS, formatReport, openCriticalItems } from '../../core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ReportArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { collectSources } from '../collect';
import { VERSION } from '../help';
import type { CliIo } from '../io';
import { fsErrorText } from '../readInput';

/** `readiness report`: writes the HTML report of the checklists to `--out` (or stdout); returns the exit code. */
export function runReport(args: ReportArgs, io: CliIo): number {
  const sources = collectSources(args.paths, args.config, io, { ...DEFAULT_LIMITS, maxChars: args.maxChars });
  const html = formatReport(sources, 'html', { toolVersion: VERSION, today: io.today, html: { title: args.title } });
  if (args.out === undefined) {
    io.stdout(html);
    return EXIT.ok;
  }
  try {
    writeFileSync(resolve(io.cwd, args.out), html);
  } catch (error) {
    throw new CliError(`cannot write ${args.out}: ${fsErrorText(error)}`);
  }
  const report = buildReport(sources);
  const p = report.summary.progress;
  const critical = openCriticalItems(report).length;
  io.stdout(`wrote ${args.out}: ${p.percent === null ? 'nothing tracked' : `${p.percent}% done`}, ${critical} critical open\n`);
  return EXIT.ok;
}
