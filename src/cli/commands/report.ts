import { buildReport, encodeText, formatReport, openCriticalItems, relativeUrlPath } from '../../core';
import { dirname, resolve } from 'node:path';
import type { ReportArgs } from '../args';
import { CliError, EXIT } from '../cliError';
import { collectForCommand } from '../collect';
import { toPosix } from '../discover';
import { VERSION } from '../help';
import type { CliIo } from '../io';
import { fsErrorText } from '../readInput';
import { replaceFile } from '../safeWrite';
import { readHistory, readLastChanges } from '../gitHistory';
import { visibleText } from '../coreLite';

/** `readiness report`: writes the HTML report of the checklists to `--out` (or stdout); returns the exit code. */
export function runReport(args: ReportArgs, io: CliIo): number {
  const collected = collectForCommand(args, io);
  // --history: burn-ups and sign-offs from git; without it, git never runs.
  const warn = (text: string) => io.stderr(`readiness: warning: ${visibleText(text)}\n`);
  const checklists = collected.filter((s) => s.analysis.checklist !== null);
  const history = args.history ? checklists.map((s) => readHistory(s, {}, io.env, warn)) : undefined;
  const sources = args.history
    ? collected.map((s) => (s.analysis.checklist ? { ...s, lastChanges: readLastChanges(s, io.env) } : s))
    : collected;
  // Places link to the files, relative to where the page is written (the current folder for stdout).
  const pageFolder = args.out === undefined ? io.cwd : dirname(resolve(io.cwd, args.out));
  const linkTo = (path: string, line: number) => `${relativeUrlPath(toPosix(pageFolder), toPosix(resolve(io.cwd, path)))}#L${line}`;
  const html = formatReport(sources, 'html', { toolVersion: VERSION, today: io.today, html: { title: args.title, linkTo, history } });
  if (args.out === undefined) {
    io.stdout(html);
    return EXIT.ok;
  }
  try {
    // Through a temporary file and a rename: a reader (a CI upload step) never gets half a report.
    replaceFile(resolve(io.cwd, args.out), encodeText(html, false));
  } catch (error) {
    throw new CliError(`cannot write ${args.out}: ${fsErrorText(error)}`);
  }
  const report = buildReport(sources);
  const p = report.summary.progress;
  const critical = openCriticalItems(report).length;
  io.stdout(`wrote ${args.out}: ${p.percent === null ? 'nothing tracked' : `${p.percent}% done`}, ${critical} critical open\n`);
  return EXIT.ok;
}
