// Ticking from commands and the tree: exactly the marker changes, undo is one step, the file
// is saved only when it was clean, CRLF stays CRLF, and cancelling changes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';

const TICKING = workspaceUri('checklists/ticking.md');
const CRLF = workspaceUri('services/payments api/PRODUCTION_READINESS.md');

describe('ticking', () => {
  let api: ReadinessApi;
  let original: string;
  let originalCrlf: string;
  before(async () => {
    api = await activateExtension();
    original = await readDisk(TICKING);
    originalCrlf = await readDisk(CRLF);
  });
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('readiness').update('saveAfterTick', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(TICKING, new TextEncoder().encode(original));
    await vscode.workspace.fs.writeFile(CRLF, new TextEncoder().encode(originalCrlf));
    await waitFor('the checklist re-read from disk', async () => (await api.store.get(TICKING))?.text === original);
  });

  async function item(uri: vscode.Uri, text: string) {
    const state = await waitFor(`analysis of ${uri.path}`, () => api.store.get(uri));
    const found = allItems(state.analysis.checklist).find((i) => i.text === text);
    assert.ok(found, `no item "${text}" in ${uri.path}`);
    return { kind: 'item' as const, uri, itemId: found.id };
  }
  const replaceOnce = (text: string, from: string, to: string) => {
    assert.ok(text.includes(from), `${JSON.stringify(from)} not in the file`);
    return text.replace(from, to);
  };

  it('toggles a task from the tree node: only the box character changes on disk, and the file is saved', async () => {
    assert.equal(await vscode.commands.executeCommand('readiness.toggleItem', await item(TICKING, 'Changelog written')), 'applied');
    assert.equal(await readDisk(TICKING), replaceOnce(original, '- [ ] Changelog written\t', '- [x] Changelog written\t'));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === TICKING.toString());
    assert.equal(doc?.isDirty, false);
    const node = await item(TICKING, 'Changelog written');
    assert.equal(api.tree.getTreeItem(node).checkboxState, vscode.TreeItemCheckboxState.Checked);
  });

  it('undoes a tick in one step, back to the exact bytes', async () => {
    const editor = await vscode.window.showTextDocument(TICKING);
    await vscode.commands.executeCommand('readiness.markDone', await item(TICKING, 'Tag pushed'));
    assert.equal(editor.document.getText(), replaceOnce(original, '* [ ] Tag pushed', '* [x] Tag pushed'));
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('edits the status cell of a table row with the glyph the document already uses', async () => {
    await vscode.commands.executeCommand('readiness.markDone', await item(TICKING, 'Smoke test'));
    assert.equal(await readDisk(TICKING), replaceOnce(original, '| Smoke test | ☐ |', '| Smoke test | ✅ |'));
    await vscode.commands.executeCommand('readiness.markOpen', await item(TICKING, 'Canary healthy'));
    assert.equal(
      await readDisk(TICKING),
      replaceOnce(replaceOnce(original, '| Smoke test | ☐ |', '| Smoke test | ✅ |'), '| Canary healthy | ✅ |', '| Canary healthy | ☐ |'),
    );
  });

  it('keeps CRLF line endings and a folder with spaces intact', async () => {
    await vscode.commands.executeCommand('readiness.markInProgress', await item(CRLF, 'Backups restored in staging'));
    assert.equal(
      await readDisk(CRLF),
      replaceOnce(originalCrlf, '- [ ] Backups restored in staging\r\n', '- [~] Backups restored in staging\r\n'),
    );
    assert.equal((await readDisk(CRLF)).split('\r\n').length, originalCrlf.split('\r\n').length);
  });

  it('does not save a document that had unsaved changes, and leaves the disk untouched', async () => {
    const editor = await vscode.window.showTextDocument(TICKING);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- draft -->\n'));
    await waitFor('analysis of the edited document', async () => (await api.store.get(TICKING))?.version === editor.document.version);
    await vscode.commands.executeCommand('readiness.toggleItem', await item(TICKING, 'Version bumped'));
    assert.equal(editor.document.isDirty, true);
    assert.equal(editor.document.getText(), '<!-- draft -->\n' + replaceOnce(original, '- [x] Version bumped  ', '- [ ] Version bumped  '));
    assert.equal(await readDisk(TICKING), original);
  });

  it('does not save when readiness.saveAfterTick is off', async () => {
    await vscode.workspace.getConfiguration('readiness').update('saveAfterTick', false, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('readiness.markDone', await item(TICKING, 'Changelog written'));
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === TICKING.toString());
    assert.equal(doc?.isDirty, true);
    assert.equal(await readDisk(TICKING), original);
  });

  it('toggles the item under the cursor', async () => {
    const editor = await vscode.window.showTextDocument(TICKING);
    const line = original.split('\n').findIndex((l) => l.includes('Tag pushed'));
    editor.selection = new vscode.Selection(line, 12, line, 12);
    await vscode.commands.executeCommand('readiness.toggleItem');
    assert.equal(await readDisk(TICKING), replaceOnce(original, '* [ ] Tag pushed', '* [x] Tag pushed'));
  });

  it('makes no edit when the state quick pick is cancelled, or when refreshing and opening', async () => {
    const editor = await vscode.window.showTextDocument(TICKING);
    const version = editor.document.version;
    const picked = vscode.commands.executeCommand('readiness.setState', await item(TICKING, 'Tag pushed'));
    let settled = false;
    void Promise.resolve(picked).finally(() => (settled = true));
    // Closing before the quick pick is shown does nothing, so close until the command returns.
    await waitFor('the cancelled quick pick', async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    });
    assert.equal(await picked, undefined);
    await vscode.commands.executeCommand('readiness.refresh');
    await api.store.all();
    assert.equal(editor.document.version, version);
    assert.equal(editor.document.isDirty, false);
    assert.equal(await readDisk(TICKING), original);
  });

  it('never treats a task inside a code fence as an item', async () => {
    const state = await api.store.get(TICKING);
    assert.ok(state);
    assert.ok(!allItems(state.analysis.checklist).some((i) => i.text === 'not an item'));
  });
});
