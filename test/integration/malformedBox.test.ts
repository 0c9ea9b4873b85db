// Boxes GitHub does not show as checkboxes, in a real VS Code: the warnings VS Code shows on each
// box, the quick fix it returns (vscode.executeCodeActionProvider) and the exact bytes it writes,
// and a tick from the command that writes a box GitHub reads.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { type Action, codeActionsWithAny, lineRange } from './helpers/codeActions';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/malformed-box-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

const CHECKLIST_TEXT = `# Box suite

## Launch

- [ ]Load test at peak
- [ x ] SLO review
- [x] Canary configured
`;

const OURS = new Set([
  'Write the box as "[ ]", which GitHub shows as a checkbox',
  'Write the box as "[x]", which GitHub shows as a checkbox',
]);

describe('malformed-box', () => {
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

  it('counts both malformed boxes open and shows a warning on each box', async () => {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    assert.deepEqual(
      allItems(state.analysis.checklist).map((i) => `${i.text} ${i.state}`),
      ['Load test at peak open', 'SLO review open', 'Canary configured done'],
    );
    await waitFor('two malformed-box diagnostics', () => readinessDiagnostics(CHECKLIST, 'malformed-box').length === 2);
    const shown = readinessDiagnostics(CHECKLIST, 'malformed-box')
      .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity])
      .sort((a, b) => a[0] - b[0]);
    // Lines 4 and 5 (0-based), from the `[` to the `]`.
    assert.deepEqual(shown, [
      [4, 2, 5, vscode.DiagnosticSeverity.Warning],
      [5, 2, 7, vscode.DiagnosticSeverity.Warning],
    ]);
  });

  it('the quick fix writes the box GitHub reads, with the space it needs', async () => {
    await waitFor('malformed-box diagnostics', () => readinessDiagnostics(CHECKLIST, 'malformed-box').length === 2);
    const actions: Action[] = await codeActionsWithAny(
      'code actions on the load test',
      CHECKLIST,
      lineRange(document, '- [ ]Load test at peak'),
      OURS,
    );
    const fix = actions.find((a) => OURS.has(a.title));
    assert.ok(fix instanceof vscode.CodeAction && fix.edit, 'no quick fix');
    assert.equal(fix.title, 'Write the box as "[ ]", which GitHub shows as a checkbox');
    assert.equal(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), CHECKLIST_TEXT.replace('- [ ]Load', '- [ ] Load'));
    await waitFor('one malformed-box diagnostic left', () => readinessDiagnostics(CHECKLIST, 'malformed-box').length === 1);
  });

  it('readiness.markDone writes a box GitHub reads and the item is done', async () => {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    const item = allItems(state.analysis.checklist).find((i) => i.text === 'SLO review');
    assert.ok(item);
    assert.equal(await vscode.commands.executeCommand('readiness.markDone', { kind: 'item', uri: CHECKLIST, itemId: item.id }), 'applied');
    const text = CHECKLIST_TEXT.replace('- [ x ] SLO', '- [x] SLO');
    await waitFor('the tick on disk or in the document', () => document.getText() === text);
    const after = await waitFor('re-analysed', async () => {
      const s = await api.store.get(CHECKLIST);
      return s?.text === text && s;
    });
    assert.equal(allItems(after.analysis.checklist).find((i) => i.text === 'SLO review')?.state, 'done');
    await waitFor('one malformed-box diagnostic left', () => readinessDiagnostics(CHECKLIST, 'malformed-box').length === 1);
  });
});
