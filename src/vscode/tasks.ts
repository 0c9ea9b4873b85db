import * as vscode from 'vscode';

/** The task type in package.json `taskDefinitions`. */
export const TASK_TYPE = 'readiness';

/** A `readiness` task as written in tasks.json. */
interface ReadinessTaskDefinition extends vscode.TaskDefinition {
  /** Files or folders to check, relative to the workspace folder (default: the config's checklists). */
  paths?: string[];
  /** Exit 1 when a finding has at least this severity. */
  failOn?: 'error' | 'warning' | 'never';
}

/**
 * Provides "readiness: check workspace" per workspace folder: the bundled CLI (`dist/cli.js`, run by
 * the editor's own Node runtime) prints `--format compact` lines that the `$readiness` problem
 * matcher puts in the Problems panel. Tasks written in tasks.json with `"type": "readiness"` are
 * resolved the same way.
 */
export function registerTasks(extensionUri: vscode.Uri): vscode.Disposable {
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js');
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? [])
        .filter((folder) => folder.uri.scheme === 'file')
        .map((folder) => createTask({ type: TASK_TYPE }, folder, cli)),
    resolveTask: (task) => {
      const definition = task.definition as ReadinessTaskDefinition;
      const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
      if (definition.type !== TASK_TYPE || !folder) return undefined;
      return createTask(definition, folder, cli, task.name);
    },
  });
}

function createTask(
  definition: ReadinessTaskDefinition,
  folder: vscode.WorkspaceFolder,
  cli: vscode.Uri,
  name = vscode.l10n.t('check workspace'),
): vscode.Task {
  const args = [cli.fsPath, 'check', ...(definition.paths ?? []), '--format', 'compact', '--no-color'];
  if (definition.failOn) args.push('--fail-on', definition.failOn);
  // In desktop VS Code the runtime is Electron; this variable makes it behave as plain Node.
  const execution = new vscode.ProcessExecution(process.execPath, args, { cwd: folder.uri.fsPath, env: { ELECTRON_RUN_AS_NODE: '1' } });
  const task = new vscode.Task(definition, folder, name, TASK_TYPE, execution, ['$readiness']);
  task.detail = vscode.l10n.t('Check the checklists with the readiness CLI; problems go to the Problems panel');
  task.group = vscode.TaskGroup.Test;
  return task;
}
