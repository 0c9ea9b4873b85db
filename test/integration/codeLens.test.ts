// Progress lenses on category headings, as VS Code's CodeLens API returns them; running one
// reveals its category in the Readiness view; the `readiness.codeLens.enabled` setting turns
// them off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessCategory } from '../../src/core';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';

const REVEAL_CATEGORY = 'readiness.revealCategory';

async function readinessLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.filter((l) => l.command?.command === REVEAL_CATEGORY);
}

describe('readiness code lens', () => {
  const uri = workspaceUri('checklists/hover.md');
  const setting = () => vscode.workspace.getConfiguration('readiness', uri);

  let api: ReadinessApi;

  before(async () => {
    api = await activateExtension();
    await vscode.workspace.openTextDocument(uri);
  });

  after(async () => {
    await setting().update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('puts done/total · NN% and the open critical count on each category heading', async () => {
    const lenses = await waitFor('lenses on hover.md', async () => {
      const found = await readinessLenses(uri);
      return found.length > 0 && found;
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [2, '1/3 · 33% · 1 critical open'],
        [8, '1/1 · 100%'],
      ],
    );
    assert.ok(lenses.every((l) => l.range.isEmpty && l.range.start.character === 0));
  });

  it('reveals the category it sits above in the Readiness view, selected, even under a filter that hides it', async () => {
    const lenses = await waitFor('lenses on hover.md', async () => {
      const found = await readinessLenses(uri);
      return found.length === 2 && found;
    });
    const state = await api.store.get(uri);
    const flatten = (cs: readonly ReadinessCategory[]): ReadinessCategory[] => cs.flatMap((c) => [c, ...flatten(c.categories)]);
    const categories = flatten(state!.analysis.checklist.categories);
    // Each lens sits on its category's heading ("## Reliability" on line 3, "## Mojibake" on line 9).
    for (const lens of lenses) {
      const category = categories.find((c) => c.line - 1 === lens.range.start.line);
      assert.ok(category, `a category on line ${lens.range.start.line + 1}`);
      assert.equal(await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])), true);
      await waitFor(`the view to select "${category.title}"`, () => {
        const selected = api.tree.view?.selection ?? [];
        return selected.length === 1 && selected[0].kind === 'category' && selected[0].categoryId === category.id && api.tree.view?.visible;
      });
    }
    // A filter that hides a category ("Mojibake" holds no open critical item) is switched off to show it.
    api.tree.setFilter('critical');
    const last = lenses[lenses.length - 1];
    assert.equal(await vscode.commands.executeCommand(last.command!.command, ...(last.command!.arguments ?? [])), true);
    assert.equal(api.tree.filter, 'all');
    api.tree.setFilter('all');
    // Back to the Explorer: the other suites run with the Readiness view hidden, as they were written.
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('has no lenses on Markdown files that are not checklists', async () => {
    const readme = await vscode.workspace.openTextDocument(workspaceUri('README.md'));
    assert.equal(readme.languageId, 'markdown');
    assert.deepEqual(await readinessLenses(readme.uri), []);
  });

  it('shows no lenses while readiness.codeLens.enabled is off, and shows them again when it is back on', async () => {
    await setting().update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    await waitFor('lenses gone', async () => (await readinessLenses(uri)).length === 0);
    await setting().update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    const back = await waitFor('lenses back', async () => {
      const found = await readinessLenses(uri);
      return found.length === 2 && found;
    });
    assert.equal(back[0].command?.title, '1/3 · 33% · 1 critical open');
  });
});
