import { visibleText } from './coreLite';
import { parseCliArgs } from './args';
import { CliError, EXIT } from './cliError';
import { runCheck } from './commands/check';
import { runHistory } from './commands/history';
import { runInit } from './commands/init';
import { runReport } from './commands/report';
import { runSet } from './commands/set';
import { helpText, VERSION } from './help';
import type { CliIo } from './io';

/** Runs one `readiness` command line; returns the exit code. Unexpected errors propagate. */
export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(helpText(args.topic));
        return EXIT.ok;
      case 'version':
        io.stdout(`${VERSION}\n`);
        return EXIT.ok;
      case 'check':
        return runCheck(args, io);
      case 'set':
        return runSet(args, io);
      case 'report':
        return runReport(args, io);
      case 'init':
        return runInit(args, io);
      case 'history':
        return runHistory(args, io);
    }
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    // Messages name files and arguments: show their control characters instead of sending them to the terminal.
    const lines = error.message.split('\n').map((line) => `readiness: ${visibleText(line)}\n`);
    io.stderr(lines.join('') + (error.hint ? `${error.hint}\n` : ''));
    return EXIT.usage;
  }
}
