// The table-malformed quick fix as VS Code returns it (vscode.executeCodeActionProvider), applied
// for real: the exact delimiter row it writes, the diagnostic it clears, and the fix-all action.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import { FIX_ALL_KIND, ReadinessCodeActionProvider } from '../../src/vscode/codeActions';
import type { ReadinessApi } from '../../src/vscode/extension';
import { type Action, codeActionsWithAny, lineRange } from './helpers/codeActions';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/table-malformed-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

// Two tables GitHub shows as text: three header cells over two delimiter cells, then two over three.
const CHECKLIST_TEXT = `# Table suite

## Security

| Check | Status | Notes |
| :--- | :---: |
| TLS everywhere | ✅ | scanned |
| Secrets rotated | ❌ | |

## Operations

|Check|Status|
|---|---|---|
|Pager set up|⏳|
`;

const OURS = new Set(["Repair the table's delimiter row", "Repair all tables' delimiter rows"]);
const titles = (actions: readonly Action[]) => actions.map((a) => a.title).filter((t) => OURS.has(t));

describe('table-malformed quick fix', () => {
  let api: ReadinessApi;
  let document: vscode.TextDocument;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: 'critical: []\n', [CHECKLIST_PATH]: CHECKLIST_TEXT });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  beforeEach(async () => {
    document = await vscode.workspace.openTextDocument(CHECKLIST);
    await waitFor('the open checklist analysed', async () => (await api.store.get(CHECKLIST))?.version === document.version);
  });
  afterEach(async () => {
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH]);
  });

  function actionsAt(needle: string, kind?: string, expectNone = false): Promise<Action[]> {
    return codeActionsWithAny(`code actions on "${needle}"`, CHECKLIST, lineRange(document, needle), OURS, kind, expectNone);
  }
  async function apply(found: Action | undefined): Promise<void> {
    assert.ok(found instanceof vscode.CodeAction && found.edit, 'no edit to apply');
    assert.ok(await vscode.workspace.applyEdit(found.edit), `applying "${found.title}"`);
  }

  it('reads the rows as items and reports each delimiter row', async () => {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    assert.deepEqual(
      allItems(state.analysis.checklist).map((i) => `${i.text} ${i.state}`),
      ['TLS everywhere done', 'Secrets rotated open', 'Pager set up in-progress'],
    );
    await waitFor('two table-malformed diagnostics', () => readinessDiagnostics(CHECKLIST, 'table-malformed').length === 2);
    const lines = readinessDiagnostics(CHECKLIST, 'table-malformed').map((d) => d.range.start.line);
    assert.deepEqual(
      lines.sort((a, b) => a - b),
      [5, 12],
    );
  });

  it("Repair the table's delimiter row rewrites exactly that row, keeping its alignment", async () => {
    await waitFor('table-malformed diagnostics', () => readinessDiagnostics(CHECKLIST, 'table-malformed').length === 2);
    // The provider itself, given the diagnostics, says which one the fix fixes.
    const provider = new ReadinessCodeActionProvider(api.store);
    const context: vscode.CodeActionContext = {
      diagnostics: readinessDiagnostics(CHECKLIST),
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    };
    const provided = await provider.provideCodeActions(document, lineRange(document, '| :--- | :---: |'), context);
    assert.deepEqual(
      provided.map((a) => [a.title, (a.diagnostics ?? []).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)), a.isPreferred]),
      [["Repair the table's delimiter row", ['table-malformed'], true]],
    );
    const actions = await actionsAt('| :--- | :---: |');
    const repair = actions.find((a) => a.title === "Repair the table's delimiter row");
    await apply(repair);
    assert.equal(document.getText(), CHECKLIST_TEXT.replace('| :--- | :---: |\n', '| :--- | :---: | --- |\n'));
    await waitFor('one table-malformed diagnostic left', () => readinessDiagnostics(CHECKLIST, 'table-malformed').length === 1);
  });

  it('source.fixAll.readiness repairs every delimiter row', async () => {
    const fixAll = await actionsAt('|Pager set up|⏳|', FIX_ALL_KIND.value);
    assert.deepEqual(titles(fixAll), ["Repair all tables' delimiter rows"]);
    await apply(fixAll.find((a) => a.title === "Repair all tables' delimiter rows"));
    assert.equal(
      document.getText(),
      CHECKLIST_TEXT.replace('| :--- | :---: |\n', '| :--- | :---: | --- |\n').replace('|---|---|---|\n', '|---|---|\n'),
    );
    await waitFor('no table-malformed diagnostics', () => readinessDiagnostics(CHECKLIST, 'table-malformed').length === 0);
    const state = await waitFor('re-analysed', async () => {
      const s = await api.store.get(CHECKLIST);
      return s?.text === document.getText() && s;
    });
    assert.deepEqual(
      allItems(state.analysis.checklist).map((i) => `${i.text} ${i.state}`),
      ['TLS everywhere done', 'Secrets rotated open', 'Pager set up in-progress'],
      'the same items once the tables are well-formed',
    );
  });
});
