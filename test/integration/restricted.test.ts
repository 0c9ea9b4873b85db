// Restricted mode (an untrusted workspace): the runner's --trust run keeps workspace trust on and
// the folder is not trusted. The extension must still show the tree and diagnostics, from the
// bundled schemas, and never run anything from the workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';

const restricted = process.env.READINESS_TEST_RESTRICTED === '1';

(restricted ? describe : describe.skip)('restricted mode', () => {
  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('shows the tree and the diagnostics', async () => {
    const api = await activateExtension();
    const roots = (await api.tree.getChildren()) ?? [];
    assert.ok(roots.length > 0, 'the tree is empty');
    const main = workspaceUri('PRODUCTION_READINESS.md');
    const critical = await waitFor('critical-open diagnostics', () => {
      const found = vscode.languages
        .getDiagnostics(main)
        .filter((d) => d.source === 'readiness' && typeof d.code === 'object' && d.code.value === 'critical-open');
      return found.length > 0 && found;
    });
    assert.equal(critical.length, 3);
  });

  it('validates .readiness.yml with the bundled schema', async () => {
    await activateExtension();
    const config = workspaceUri('services/broken-config/.readiness.yml');
    const problems = await waitFor('config-invalid diagnostics', () => {
      const found = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'readiness');
      return found.length > 0 && found;
    });
    assert.ok(problems.every((d) => typeof d.code === 'object' && d.code.value === 'config-invalid'));
  });

  it('still ticks items (editing a document needs no trust)', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('checklists/ticking.md');
    const state = await waitFor('the ticking checklist', () => api.store.get(uri));
    const item = state.analysis.checklist.categories[0].items[0];
    assert.equal(await vscode.commands.executeCommand('readiness.toggleItem', { kind: 'item', uri, itemId: item.id }), 'applied');
  });
});
