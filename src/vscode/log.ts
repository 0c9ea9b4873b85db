// The "Production Readiness" output channel. Users never see the extension host's console, so
// failures that an event handler must swallow are written here, and so is how long each analysis
// takes (at trace level: visible once the user sets the channel's log level to Trace).
import * as vscode from 'vscode';

/** What features write to: the levels of a `LogOutputChannel`. */
export type Log = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>;

/** The extension's output channel; created once, in `activate`. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(vscode.l10n.t('Production Readiness'), { log: true });
}

/** Logs a failure an event handler swallows: what failed, then the error with its stack. */
export function logFailure(log: Log, what: string, error: unknown): void {
  log.error(`${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
