// Runs in the web worker extension host only (scripts/run-web-integration.mjs): proves the suites
// around it ran there, with the web bundle, and measures its activation (bench/web.ts reads the note).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID, note, workspaceUri } from '../integration/helpers/extension';

describe('web worker host', () => {
  it('runs in the web worker: UI kind Web, no Node process or require', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined');
    assert.equal(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope, 'function');
  });

  it('activates the web bundle (dist/web/extension.js) and reports its activation time', async () => {
    const api = await activateExtension();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.equal(extension?.packageJSON.browser, './dist/web/extension.js');
    assert.equal(extension?.isActive, true);
    // The bundle's banner and footer markers are there: the evaluation of the whole bundle was timed.
    assert.equal(typeof api.moduleLoadMs, 'number');
    note(`worker activation: module load ${api.moduleLoadMs!.toFixed(1)} ms + activate ${api.activationMs.toFixed(1)} ms`);
  });

  it('provides no readiness task: there is no process to run the CLI in', async () => {
    assert.deepEqual(await vscode.tasks.fetchTasks({ type: 'readiness' }), []);
  });

  it('reads the workspace through workspace.fs: the fixture checklist is analysed', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('PRODUCTION_READINESS.md');
    const state = await api.store.get(uri);
    assert.ok(state, 'the root checklist is analysed');
  });
});
