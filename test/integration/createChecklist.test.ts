// `readiness.createChecklist`: refuses to overwrite an existing checklist, writes a starter
// checklist that parses into categories and items, opens it and makes the store see it.
import * as assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { defaultConfig } from '../../src/core/config/types';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, readDisk, waitFor, workspaceFolder, workspaceUri } from './helpers/extension';

describe('readiness create checklist', () => {
  let api: ReadinessApi;
  const folder = workspaceUri(`tmp-create-${Date.now()}`);
  const created = vscode.Uri.joinPath(folder, 'PRODUCTION_READINESS.md');

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    for (const tab of vscode.window.tabGroups.all.flatMap((g) => g.tabs)) {
      if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === created.toString())
        await vscode.window.tabGroups.close(tab);
    }
    // The file first, and wait: the store forgets a checklist on its own delete event, and the
    // file watcher reports only the folder when both go at once.
    await Promise.resolve(vscode.workspace.fs.delete(created)).catch(() => undefined);
    await waitFor(
      'the store to drop the deleted checklist',
      async () => !(await api.store.checklistUris()).some((u) => u.toString() === created.toString()),
    );
    await Promise.resolve(vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false })).catch(() => undefined);
  });

  it('refuses when PRODUCTION_READINESS.md exists and leaves it unchanged', async () => {
    const main = workspaceUri('PRODUCTION_READINESS.md');
    const before = await readDisk(main);
    const stat = await vscode.workspace.fs.stat(main);
    assert.equal(await vscode.commands.executeCommand('readiness.createChecklist', workspaceFolder().uri), 'exists');
    assert.equal(await vscode.commands.executeCommand('readiness.createChecklist'), 'exists', 'the only workspace folder, without asking');
    assert.equal(
      await vscode.commands.executeCommand('readiness.createChecklist', workspaceUri('README.md')),
      'exists',
      'a file means its folder',
    );
    assert.equal(await readDisk(main), before);
    assert.equal((await vscode.workspace.fs.stat(main)).mtime, stat.mtime);
  });

  it('refuses a folder outside the workspace and writes nothing there', async () => {
    const outside = vscode.Uri.file(join(tmpdir(), `readiness-outside-${Date.now()}`));
    assert.equal(await vscode.commands.executeCommand('readiness.createChecklist', outside), 'no-folder');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(outside, 'PRODUCTION_READINESS.md'))));
  });

  it('writes a starter checklist into the given folder, opens it and lists it', async () => {
    await vscode.workspace.fs.createDirectory(folder);
    assert.equal(await vscode.commands.executeCommand('readiness.createChecklist', folder), 'created');
    const text = await readDisk(created);
    const folderName = folder.path.split('/').pop()!;
    assert.ok(text.startsWith(`# ${folderName}: production readiness\n`), text.slice(0, 80));
    const { checklist } = analyzeChecklist(text, { config: defaultConfig(), path: `${folderName}/PRODUCTION_READINESS.md` });
    assert.deepEqual(
      checklist.categories.map((c) => c.title),
      ['Security', 'Reliability', 'Observability', 'Performance', 'Data', 'Testing', 'Operations', 'Documentation'],
      'the service template, without asking, when a folder is given',
    );
    assert.ok(checklist.categories.every((c) => c.items.length >= 3 && c.items.every((i) => i.state === 'open')));
    assert.ok(checklist.progress.open >= 18);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString(), 'the new checklist is opened');
    await waitFor('the store to list the new checklist', async () =>
      (await api.store.checklistUris()).some((u) => u.toString() === created.toString()),
    );
    assert.equal(await vscode.commands.executeCommand('readiness.createChecklist', folder), 'exists', 'a second run does not overwrite it');
    assert.equal(await readDisk(created), text);
  });

  it('takes a template argument, and leaves the config to the .readiness.yml that already governs the folder', async () => {
    const sub = vscode.Uri.joinPath(folder, 'pipeline');
    const subChecklist = vscode.Uri.joinPath(sub, 'PRODUCTION_READINESS.md');
    await vscode.workspace.fs.createDirectory(sub);
    try {
      assert.equal(await vscode.commands.executeCommand('readiness.createChecklist', sub, 'data-pipeline'), 'created');
      const { checklist } = analyzeChecklist(await readDisk(subChecklist), {
        config: defaultConfig(),
        path: 'pipeline/PRODUCTION_READINESS.md',
      });
      assert.equal(checklist.categories[0].title, 'Data');
      assert.ok(checklist.categories.some((c) => c.title === 'Performance'));
      await assert.rejects(
        Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(sub, '.readiness.yml'))),
        'the workspace root config applies; no second one',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await Promise.resolve(vscode.workspace.fs.delete(subChecklist)).catch(() => undefined);
      await waitFor(
        'the store to drop the template checklist',
        async () => !(await api.store.checklistUris()).some((u) => u.toString() === subChecklist.toString()),
      );
    }
  });
});
