/** Exit codes of the `readiness` command. */
export const EXIT = {
  /** The run worked and no finding reached `--fail-on`. */
  ok: 0,
  /** `check`: the run worked and at least one finding reached `--fail-on`. `set`: refused by the evidence policy, nothing written. */
  findings: 1,
  /** Usage error (a named path that does not exist, an unreadable `--config`, `set` on an unreadable file): nothing was checked. */
  usage: 2,
} as const;

/** An error that ends the run with a one-line message on stderr and exit code 2. */
export class CliError extends Error {
  /** @param hint an extra line printed after the message (e.g. where to find help). */
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
