// Data safety in the real editor: nothing the user did not ask for is ever edited, ticks survive
// concurrent edits, and document text in tooltips stays inert.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';

const CHECKLISTS = [
  'PRODUCTION_READINESS.md',
  'checklists/evidence.md',
  'checklists/hover.md',
  'services/payments api/PRODUCTION_READINESS.md',
];

describe('safety', () => {
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Runs a command that shows a quick pick or input box, and cancels it. */
  async function cancelled(command: string, ...args: unknown[]): Promise<unknown> {
    let settled = false;
    const result = Promise.resolve(vscode.commands.executeCommand(command, ...args)).finally(() => (settled = true));
    await waitFor(`${command} to be cancelled`, async () => {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      return settled;
    });
    return result;
  }

  it('makes no edit when opening, saving, refreshing, navigating or cancelling any quick pick', async () => {
    const api = await activateExtension();
    const before = new Map<string, string>();
    for (const path of CHECKLISTS) before.set(path, await readDisk(workspaceUri(path)));
    const changes: string[] = [];
    const listener = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) changes.push(`${e.document.uri.path}: ${JSON.stringify(e.contentChanges.map((c) => c.text))}`);
    });
    try {
      for (const path of CHECKLISTS) {
        const editor = await vscode.window.showTextDocument(workspaceUri(path));
        await api.store.get(editor.document.uri);
        await vscode.commands.executeCommand('workbench.action.files.save');
        const state = await api.store.get(editor.document.uri);
        const item = state && allItems(state.analysis.checklist).find((i) => i.state !== 'untracked');
        assert.ok(item, `no item in ${path}`);
        const node = { kind: 'item', uri: editor.document.uri, itemId: item.id };
        assert.equal(await cancelled('readiness.setState', node), undefined);
        assert.equal(await cancelled('readiness.linkEvidence', node), 'cancelled');
        assert.equal(await cancelled('readiness.createEvidence', node), 'cancelled');
      }
      await vscode.commands.executeCommand('readiness.refresh');
      await api.store.all();
      await vscode.commands.executeCommand('readiness.nextCriticalItem');
      await vscode.commands.executeCommand('readiness.createChecklist');
    } finally {
      listener.dispose();
    }
    assert.deepEqual(changes, []);
    for (const path of CHECKLISTS) assert.equal(await readDisk(workspaceUri(path)), before.get(path), `${path} changed on disk`);
    assert.ok(
      vscode.workspace.textDocuments.every((d) => !d.isDirty),
      'a document was left dirty',
    );
  });

  it('ticks the right marker when the document is edited while the tick runs', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('checklists/ticking.md');
    const original = await readDisk(uri);
    try {
      const editor = await vscode.window.showTextDocument(uri);
      const state = await waitFor('the ticking checklist', () => api.store.get(uri));
      const item = allItems(state.analysis.checklist).find((i) => i.text === 'Tag pushed');
      assert.ok(item);
      // The edit lands while the command is between computing and applying its edit.
      const tick = vscode.commands.executeCommand('readiness.markDone', { kind: 'item', uri, itemId: item.id });
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '<!-- concurrent -->\n'));
      const result = await tick;
      assert.ok(result === 'applied' || result === 'stale', `unexpected result ${String(result)}`);
      const expected =
        '<!-- concurrent -->\n' + (result === 'applied' ? original.replace('* [ ] Tag pushed', '* [x] Tag pushed') : original);
      assert.equal(editor.document.getText(), expected);
    } finally {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    }
  });

  it('never follows evidence that is a symbolic link pointing outside the workspace', async () => {
    const api = await activateExtension();
    const folder = workspaceUri('links').fsPath;
    mkdirSync(folder, { recursive: true });
    symlinkSync('/etc/hostname', `${folder}/hostname.md`);
    const uri = workspaceUri('links/PRODUCTION_READINESS.md');
    await vscode.workspace.fs.writeFile(
      uri,
      new TextEncoder().encode('# Links\n\n## Host\n\n- [x] Host checked ([evidence](hostname.md))\n'),
    );
    try {
      const outside = await waitFor('a link-outside-workspace diagnostic', () => {
        const found = vscode.languages
          .getDiagnostics(uri)
          .filter((d) => typeof d.code === 'object' && d.code.value === 'link-outside-workspace');
        return found.length > 0 && found;
      });
      assert.equal(outside[0].range.start.line, 4);
      const state = await api.store.get(uri);
      const item = state && allItems(state.analysis.checklist)[0];
      assert.ok(item);
      const before = vscode.window.visibleTextEditors.length;
      assert.equal(await vscode.commands.executeCommand('readiness.openEvidence', { kind: 'item', uri, itemId: item.id }), undefined);
      assert.equal(vscode.window.visibleTextEditors.length, before, 'an editor was opened');
      const editor = await vscode.window.showTextDocument(uri);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 8));
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /outside the workspace/);
      assert.ok(!text.includes('file:///etc'), text);
      assert.equal(editor.document.isDirty, false);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('renders document text inert in tree tooltips', async () => {
    const api = await activateExtension();
    const uri = workspaceUri('checklists/hover.md');
    const state = await waitFor('the hover checklist', () => api.store.get(uri));
    const poisoned = allItems(state.analysis.checklist).find((i) => i.text.startsWith('Poisoned item'));
    assert.ok(poisoned);
    const tooltip = api.tree.getTreeItem({ kind: 'item', uri, itemId: poisoned.id }).tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    assert.ok(!/\]\(command:/.test(tooltip.value), tooltip.value);
    assert.ok(!/<img/i.test(tooltip.value), tooltip.value);
  });
});
