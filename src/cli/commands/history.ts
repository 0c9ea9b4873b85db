import { buildHistoryReport, DEFAULT_LIMITS, type HistoryFile, historyCsv, historyText } from '../../core';
import type { HistoryArgs } from '../args';
import { EXIT } from '../cliError';
import { collectSources } from '../collect';
import { readHistory } from '../gitHistory';
import type { CliIo } from '../io';
import { visibleText } from '../coreLite';

/** `readiness history`: the progress of each checklist at each commit that changed it; returns the exit code. */
export function runHistory(args: HistoryArgs, io: CliIo): number {
  const sources = collectSources(args.paths, args.config, io, { ...DEFAULT_LIMITS, maxChars: args.maxChars });
  const files: HistoryFile[] = [];
  const warn = (text: string) => io.stderr(`readiness: warning: ${visibleText(text)}\n`);
  for (const source of sources) {
    // What could not be read (or a config's problems) has no history; it is named, never dropped silently.
    if (source.analysis.checklist === null) {
      for (const f of source.analysis.findings) warn(`${source.path}:${f.span.startPosition.line}: ${f.message} [${f.rule}]`);
      continue;
    }
    files.push(readHistory(source, { since: args.since, maxCount: args.maxCount }, io.env, warn));
  }
  if (args.format === 'json') io.stdout(`${JSON.stringify(buildHistoryReport(files), null, 2)}\n`);
  else if (args.format === 'csv') io.stdout(historyCsv(files));
  else io.stdout(historyText(files));
  return EXIT.ok;
}
