// Shared helpers for the integration suites: the activated extension's API, the workspace's
// files, and waiting on asynchronous updates without fixed sleeps.
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../../src/vscode/extension';
import { appendProgressLine } from './progress';

export const EXTENSION_ID = 'production-readiness.production-readiness';

/** Activates the extension under test and returns its API. */
export async function activateExtension(): Promise<ReadinessApi> {
  const extension = vscode.extensions.getExtension<ReadinessApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

/** The open tabs of the readiness report panel. */
export function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('readiness.report'));
}

/** The (single) workspace folder of the test run. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder;
}

/** A uri inside the workspace folder, from a POSIX relative path. */
export function workspaceUri(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...path.split('/'));
}

/** The file's bytes on disk, as text (no decoding beyond UTF-8). */
export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Polls `probe` until it returns a value that is not undefined/false, or fails after `timeoutMs`
 * with `what` and the last value seen.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Prints a line in the runner's output (the extension host's console does not reach it). */
export function note(line: string): void {
  appendProgressLine(`  ℹ ${line}`);
}
