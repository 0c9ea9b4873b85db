// The "Production Readiness" output channel: the time each analysis takes reaches it at trace
// level, and failures that event handlers must swallow (diagnostics, the open report) reach it
// as errors instead of the extension host's console.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../src/vscode/extension';
import type { Log } from '../../src/vscode/log';
import { activateExtension, reportTabs, waitFor, workspaceUri } from './helpers/extension';

/** Records the messages written at one level (still passing them on) until `restore`. */
function spyOn(log: Log, level: 'trace' | 'error'): { lines: string[]; restore(): void } {
  const original = log[level];
  const lines: string[] = [];
  Object.assign(log, {
    [level]: (message: string | Error, ...args: unknown[]) => {
      lines.push(String(message));
      original.call(log, message as string, ...args);
    },
  });
  return { lines, restore: () => Object.assign(log, { [level]: original }) };
}

describe('output channel', () => {
  let api: ReadinessApi;

  before(async () => {
    api = await activateExtension();
  });

  it('writes how long each analysis took, at trace level', async () => {
    const trace = spyOn(api.log, 'trace');
    try {
      api.store.reset();
      await api.store.get(workspaceUri('PRODUCTION_READINESS.md'));
      assert.ok(
        trace.lines.some((line) => /^analysed PRODUCTION_READINESS\.md in \d+\.\d ms$/.test(line)),
        trace.lines.join('\n'),
      );
    } finally {
      trace.restore();
    }
  });

  it('writes failures of the diagnostics and of the open report as errors', async () => {
    await vscode.commands.executeCommand('readiness.openReport');
    const errors = spyOn(api.log, 'error');
    const configStates = api.store.configStates;
    api.store.configStates = () => Promise.reject(new Error('config states unavailable (test)'));
    try {
      api.store.reset();
      await waitFor('both failures in the log', () => {
        const failed = (what: string) => errors.lines.some((line) => line.startsWith(`${what}: Error: config states unavailable (test)`));
        return failed('updating diagnostics failed') && failed('the report could not be rendered');
      });
    } finally {
      api.store.configStates = configStates;
      errors.restore();
      await vscode.window.tabGroups.close(reportTabs());
      api.store.reset();
    }
  });
});
