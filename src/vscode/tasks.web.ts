import * as vscode from 'vscode';

/**
 * The web has no process to run the CLI in: no task provider (package.json hides the task type
 * with `processExecutionSupported`). Same signature as tasks.ts, which the web build replaces.
 */
export function registerTasks(_extensionUri: vscode.Uri): vscode.Disposable {
  return new vscode.Disposable(() => {});
}
