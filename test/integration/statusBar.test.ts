// The readiness status bar item, read through the extension API: the active checklist's
// progress named by its folder, the workspace's (named) when the active editor is not a
// checklist or the scope setting says so, in step with the view's badge; updates after a tick,
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
    await vscode.workspace.getConfiguration('readiness').update('statusBar.scope', undefined, vscode.ConfigurationTarget.Workspace);
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), original);
      await vscode.workspace.applyEdit(edit);
      await document.save();
    }
    const opened = [uri.toString(), workspaceUri('README.md').toString()];
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && opened.includes(tab.input.uri.toString()));
    await vscode.window.tabGroups.close(tabs);
  });

  const folderName = () => vscode.workspace.workspaceFolders![0].name;

  it("shows the active checklist's percentage and open critical count, named by its folder, on a warning background", async () => {
    await vscode.window.showTextDocument(uri);
    // checklists/status.md: 1 of 4 items done, one critical open; it sits in the folder "checklists".
    const shown = await waitFor(
      'the status of status.md',
      () => {
        const s = api.statusBar();
        if (s.text !== '$(checklist) checklists: 25% · 1 critical') throw new Error(`the item shows "${s.text}"`);
        return s;
      },
      30_000,
    );
    assert.equal(shown.visible, true);
    assert.equal(shown.warning, true);
    assert.equal(
      shownText(shown.tooltip),
      `$(checklist) ${folderName()}/checklists/status.md (the active editor's checklist)\n\nDone: 1  \nOpen: 3  \nIn progress: 0  \nNot applicable: 0  \nOpen critical: 1  \n`,
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
      return s.text === '$(checklist) checklists: 50%' && s;
    });
    assert.equal(after.warning, false, 'no open critical item: no warning background');
    assert.match(await readDisk(uri), /- \[x\] Post-launch review \(critical\)/);
  });

  /** What the workspace scope must show: every checklist's progress summed, named by the workspace. */
  async function workspaceStatus(): Promise<{ text: string; tooltipStart: string; critical: number }> {
    const states = await api.store.all();
    const progress = sumProgress(states.map((s) => s.analysis.checklist.progress));
    const critical = states.reduce((n, s) => n + openCriticalCount(s.analysis.checklist.items, s.analysis.checklist.categories), 0);
    assert.ok(states.length > 1 && critical > 0);
    return {
      text: `$(checklist) ${vscode.workspace.name}: ${progress.percent}% · ${critical} critical`,
      tooltipStart: `$(checklist) Workspace ${vscode.workspace.name}: ${states.length} checklists\n\nDone: ${progress.done}  \nOpen: ${progress.open}  \n`,
      critical,
    };
  }

  it('shows the whole workspace, named, when the active editor is not a checklist', async () => {
    await vscode.window.showTextDocument(workspaceUri('README.md'));
    const expected = await workspaceStatus();
    const shown = await waitFor(`the workspace status ${expected.text}`, () => {
      const s = api.statusBar();
      return s.text === expected.text && s;
    });
    assert.ok(shownText(shown.tooltip).startsWith(expected.tooltipStart), shown.tooltip);
    assert.equal(shown.warning, true);
  });

  it('counts the workspace, as the badge does, with readiness.statusBar.scope set to workspace', async () => {
    await vscode.window.showTextDocument(uri);
    await waitFor('the checklist scope first', () => api.statusBar().text.startsWith('$(checklist) checklists: '));
    await vscode.workspace.getConfiguration('readiness').update('statusBar.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
    const expected = await workspaceStatus();
    await waitFor(`the workspace status ${expected.text} with status.md active`, () => api.statusBar().text === expected.text);
    const badge = await waitFor('the badge', () => api.tree.view?.badge);
    assert.equal(badge.value, expected.critical, 'the status bar and the badge count the same open critical items');
    await vscode.workspace.getConfiguration('readiness').update('statusBar.scope', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the checklist scope again', () => api.statusBar().text.startsWith('$(checklist) checklists: '));
  });

  it('hides while readiness.statusBar.enabled is off', async () => {
    await vscode.workspace.getConfiguration('readiness').update('statusBar.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('the item hidden', () => !api.statusBar().visible);
    await vscode.workspace.getConfiguration('readiness').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor('the item shown again', () => api.statusBar().visible);
  });
});
