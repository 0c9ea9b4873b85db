// The readiness status bar item, read through the extension API: the active checklist's
// progress, the workspace's when the active editor is not a checklist, updates after a tick,
// the warning background and the `readiness.statusBar.enabled` setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { sumProgress } from '../../src/core/model/progress';
import type { ReadinessApi } from '../../src/vscode/extension';
import { openCriticalCount } from '../../src/vscode/treeView';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';

const STATUS = 'checklists/status.md';

/** The tooltip's Markdown as the text it shows (escapes and non-breaking spaces undone). */
const shownText = (markdown: string) => markdown.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');

describe('readiness status bar', () => {
  let api: ReadinessApi;
  const uri = workspaceUri(STATUS);
  let original: string;

  before(async () => {
    api = await activateExtension();
    original = await readDisk(uri);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('readiness').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      const input = tab.input;
      if (input instanceof vscode.TabInputText && [uri.toString(), workspaceUri('README.md').toString()].includes(input.uri.toString()))
        await vscode.window.tabGroups.close(tab);
    }
  });

  it("shows the active checklist's percentage and open critical count on a warning background", async () => {
    await vscode.window.showTextDocument(uri);
    const shown = await waitFor('the status of status.md', () => {
      const s = api.statusBar();
      return s.text === '$(checklist) 25% · 1 critical' && s;
    });
    assert.equal(shown.visible, true);
    assert.equal(shown.warning, true);
    assert.equal(
      shownText(shown.tooltip),
      '$(checklist) checklists/status.md\n\nDone: 1  \nOpen: 3  \nIn progress: 0  \nNot applicable: 0  \nOpen critical: 1  \n',
    );
  });

  it('changes after an item is ticked with readiness.markDone', async () => {
    await vscode.window.showTextDocument(uri);
    const state = await api.store.get(uri);
    const item = state?.analysis.checklist.categories[1].items[0];
    assert.equal(item?.text, 'Post-launch review (critical)');
    // The workspace requires evidence for critical items: link some before ticking.
    await vscode.commands.executeCommand('readiness.linkEvidence', { kind: 'item', uri, itemId: item.id }, 'docs/evidence/capacity.md');
    const linked = (await api.store.get(uri))?.analysis.checklist.categories[1].items[0];
    assert.equal(linked?.text, 'Post-launch review (critical) (evidence)');
    assert.equal(await vscode.commands.executeCommand('readiness.markDone', { kind: 'item', uri, itemId: linked.id }), 'applied');
    const after = await waitFor('the status after the tick', () => {
      const s = api.statusBar();
      return s.text === '$(checklist) 50%' && s;
    });
    assert.equal(after.warning, false, 'no open critical item: no warning background');
    assert.match(await readDisk(uri), /- \[x\] Post-launch review \(critical\)/);
  });

  it('shows the whole workspace when the active editor is not a checklist', async () => {
    await vscode.window.showTextDocument(workspaceUri('README.md'));
    const states = await api.store.all();
    const progress = sumProgress(states.map((s) => s.analysis.checklist.progress));
    const critical = states.reduce((n, s) => n + openCriticalCount(s.analysis.checklist.items, s.analysis.checklist.categories), 0);
    assert.ok(states.length > 1 && critical > 0);
    const expected = `$(checklist) ${progress.percent}% · ${critical} critical`;
    const shown = await waitFor(`the workspace status ${expected}`, () => {
      const s = api.statusBar();
      return s.text === expected && s;
    });
    assert.ok(
      shownText(shown.tooltip).startsWith(
        `$(checklist) All checklists (${states.length})\n\nDone: ${progress.done}  \nOpen: ${progress.open}  \n`,
      ),
      shown.tooltip,
    );
    assert.equal(shown.warning, true);
  });

  it('hides while readiness.statusBar.enabled is off', async () => {
    await vscode.workspace.getConfiguration('readiness').update('statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('the item hidden', () => !api.statusBar().visible);
    await vscode.workspace.getConfiguration('readiness').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the item shown again', () => api.statusBar().visible);
  });
});
