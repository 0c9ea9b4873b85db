/** What a command needs from the process, so commands can run (and be tested) without globals. */
export interface CliIo {
  /** Absolute current folder. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  /** The local date, `YYYY-MM-DD`. */
  today: string;
}
