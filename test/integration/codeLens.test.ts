// Progress lenses on category headings, as VS Code's CodeLens API returns them, and the
// `readiness.codeLens.enabled` setting that turns them off.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';

const SHOW_VIEW = 'workbench.view.extension.readiness';

async function readinessLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
  return lenses.filter((l) => l.command?.command === SHOW_VIEW);
}

describe('readiness code lens', () => {
  const uri = workspaceUri('checklists/hover.md');
  const setting = () => vscode.workspace.getConfiguration('readiness', uri);

  before(async () => {
    await activateExtension();
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
