// Checklists no config names (issue 17 point 9): in a workspace without .readiness.yml
// (test/fixtures/unlisted, run with --workspace test/fixtures/unlisted), the files that look like
// checklists are offered, and adding them writes their globs into a new .readiness.yml, after
// which the view shows them. Skipped in every other workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';

const inFixture = vscode.workspace.workspaceFolders?.[0]?.name === 'unlisted';

(inFixture ? describe : describe.skip)('unlisted checklists', () => {
  let api: ReadinessApi;
  const paths = (uris: readonly vscode.Uri[]) => uris.map((u) => vscode.workspace.asRelativePath(u, false));

  before(async () => {
    api = await activateExtension();
  });

  it('finds no checklist, and offers the two files that look like one (not the README)', async () => {
    assert.deepEqual(await api.store.checklistUris(), []);
    await api.unlisted.refresh();
    // docs/PRODUCTION_CHECKLIST.md by its name; ops/service-notes.md by its "Go-live review" heading over three tasks.
    assert.deepEqual(paths(api.unlisted.candidates), ['docs/PRODUCTION_CHECKLIST.md', 'ops/service-notes.md']);
  });

  it('writes the glob (and the default it relied on) into a new .readiness.yml, and the view shows the checklist', async () => {
    const config = workspaceUri('.readiness.yml');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(config)), 'no config to start with');
    const result = await vscode.commands.executeCommand('readiness.addUnlistedChecklists', [workspaceUri('docs/PRODUCTION_CHECKLIST.md')]);
    assert.equal(result, 'added');
    assert.equal(await readDisk(config), 'checklists:\n  - "**/PRODUCTION_READINESS.md"\n  - docs/PRODUCTION_CHECKLIST.md\n');
    assert.deepEqual(paths(await api.store.checklistUris()), ['docs/PRODUCTION_CHECKLIST.md']);
    assert.deepEqual(paths(api.unlisted.candidates), ['ops/service-notes.md'], 'the added file is no longer offered');
    // The only checklist: its categories are the view's top level.
    const roots = await waitFor('the view to show the checklist', async () => {
      const nodes = (await api.tree.getChildren()) ?? [];
      return nodes.length > 0 && nodes;
    });
    const items = roots.map((n) => api.tree.getTreeItem(n) as vscode.TreeItem);
    const labels = items.map(({ label }) => (typeof label === 'string' ? label : (label?.label ?? '')));
    // The other candidate is offered in a first row, which runs the command that adds it.
    assert.deepEqual(labels, ['Found 1 more Markdown checklist — add it?', 'Security', 'Reliability']);
    assert.equal(items[0].command?.command, 'readiness.addUnlistedChecklists');
    assert.deepEqual(items[0].command?.arguments, undefined, 'the row asks which files to add');
  });

  it('adds the other candidate through the pick, keeping the config\'s bytes, and stops offering after "Don\'t ask again"', async () => {
    const config = workspaceUri('.readiness.yml');
    // Without arguments: a pick of every candidate, all picked; accepting it adds them.
    let settled = false;
    const result = Promise.resolve(vscode.commands.executeCommand('readiness.addUnlistedChecklists')).finally(() => (settled = true));
    await waitFor('the pick accepted', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled;
    });
    assert.equal(await result, 'added');
    assert.equal(
      await readDisk(config),
      'checklists:\n  - "**/PRODUCTION_READINESS.md"\n  - docs/PRODUCTION_CHECKLIST.md\n  - ops/service-notes.md\n',
    );
    assert.equal((await api.store.checklistUris()).length, 2);
    await vscode.workspace.fs.writeFile(workspaceUri('go-live.md'), new TextEncoder().encode('# Go live\n\n- [ ] Announce\n'));
    await waitFor('the new file to be offered', () => paths(api.unlisted.candidates).includes('go-live.md'));
    const offer = async () =>
      ((await api.tree.getChildren()) ?? []).filter((n) => n.kind === 'message' && n.hint?.command === 'readiness.addUnlistedChecklists');
    await waitFor('the view to offer it', async () => (await offer()).length === 1);
    await vscode.commands.executeCommand('readiness.dismissUnlistedChecklists');
    assert.deepEqual(api.unlisted.candidates, []);
    assert.equal(api.unlisted.dismissed, true);
    assert.deepEqual(await offer(), [], 'no offer row after "Don\'t ask again"');
  });

  it('leaves a config that does not parse unchanged', async () => {
    const config = workspaceUri('.readiness.yml');
    const broken = 'checklists:\n  - docs/PRODUCTION_CHECKLIST.md\nrules: overdue: error\n';
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(broken));
    assert.equal(await vscode.commands.executeCommand('readiness.addUnlistedChecklists', [workspaceUri('go-live.md')]), 'refused');
    assert.equal(await readDisk(config), broken);
  });
});
