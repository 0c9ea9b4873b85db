// The task provider: "readiness: check workspace" runs the bundled CLI, and the `$readiness`
// problem matcher turns its output into problems.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';

describe('readiness tasks', () => {
  before(async () => {
    await activateExtension();
  });

  it('provides "check workspace" running dist/cli.js with the compact format and the $readiness matcher', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'readiness' });
    const task = tasks.find((t) => t.name === 'check workspace');
    assert.ok(task, `tasks: ${tasks.map((t) => t.name).join(', ')}`);
    assert.equal(task.source, 'readiness');
    assert.deepEqual(task.problemMatchers, ['$readiness']);
    const execution = task.execution;
    assert.ok(execution instanceof vscode.ProcessExecution, 'a process, no shell quoting');
    const [cli, ...args] = execution.args;
    assert.match(cli, /[\\/]dist[\\/]cli\.js$/);
    assert.ok(existsSync(cli), `${cli} exists`);
    assert.deepEqual(args, ['check', '--format', 'compact', '--no-color']);
    assert.equal(execution.options?.cwd, (task.scope as vscode.WorkspaceFolder).uri.fsPath);
  });

  it("puts the CLI's findings in the Problems panel when run", async () => {
    const task = (await vscode.tasks.fetchTasks({ type: 'readiness' })).find((t) => t.name === 'check workspace')!;
    const ended = new Promise<number | undefined>((resolve) => {
      const listener = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.name === task.name && e.execution.task.source === 'readiness') {
          listener.dispose();
          resolve(e.exitCode);
        }
      });
    });
    await vscode.tasks.executeTask(task);
    assert.equal(await ended, 1, 'the fixture has errors, so the check fails');
    const main = workspaceUri('PRODUCTION_READINESS.md');
    const problems = await waitFor(
      'problems from the task',
      () => {
        const found = vscode.languages.getDiagnostics(main).filter((d) => d.source === 'readiness-cli');
        return found.length > 0 && found;
      },
      20_000,
    );
    const critical = problems.find((d) => d.code === 'critical-open' && d.range.start.line === 7);
    assert.ok(critical, JSON.stringify(problems.map((d) => [d.code, d.range.start.line, d.message])));
    assert.equal(critical.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(critical.message, '"Secrets rotated" is critical and open');
    const config = workspaceUri('services/broken-config/.readiness.yml');
    await waitFor("problems in a sub-folder's config file", () => {
      const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((d) => d.source === 'readiness-cli'));
      if (!vscode.languages.getDiagnostics(config).some((d) => d.source === 'readiness-cli' && d.code === 'config-invalid')) {
        throw new Error(`files with task problems: ${all.map(([uri]) => uri.toString()).join(', ')}`);
      }
      return true;
    });
  });
});
