/** Where install.sh puts code-server. */
export const codeServerDir: string;

export interface StartOptions {
  /** Folder to open. */
  workspace: string;
  extensionsDir?: string;
  userDataDir?: string;
  /** Keep workspace trust on (restricted-mode tests). */
  trust?: boolean;
  /** User settings on top of the quiet defaults. */
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  port?: number;
}

export interface RunningCodeServer {
  url: string;
  port: number;
  userDataDir: string;
  /** The server's process id, also its process group's (the extension host runs in that group). */
  pid: number;
  output(): string;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  stop(): Promise<void>;
}

/** Starts code-server on a free loopback port with fresh user-data and extensions folders. */
export function startCodeServer(options: StartOptions): Promise<RunningCodeServer>;
export function freePort(): Promise<number>;
