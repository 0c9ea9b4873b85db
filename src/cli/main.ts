// Entry point of the `readiness` command (bundled to dist/cli.js; the build adds the #! line).
import { EXIT } from './cliError';
import { localIsoDate } from './coreLite';
import { runCli } from './run';

try {
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    today: localIsoDate(new Date()),
  });
} catch (error) {
  // A bug, not a user mistake: show the stack so it can be reported.
  process.stderr.write(`readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = EXIT.usage;
}
