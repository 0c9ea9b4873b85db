// Checks inside a code block, in a real VS Code: the checks-in-code-block diagnostic on the
// fence, the quick fix that takes the checks out (exact bytes written), and the items it makes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { codeActionsUntil } from './helpers/codeActions';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/code-block-checks-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

const CHECKLIST_TEXT = `# Code block checks suite

## Release

- [x] Tagged

\`\`\`
Pre-deployment:
☐ Create Procfile
✅ Update CORS
\`\`\`

## Build

\`\`\`bash
echo "✅ done"
\`\`\`
`;

/** The same text without the first block's two fence lines. */
const FIXED_TEXT = `# Code block checks suite

## Release

- [x] Tagged

Pre-deployment:
☐ Create Procfile
✅ Update CORS

## Build

\`\`\`bash
echo "✅ done"
\`\`\`
`;

const TITLE = 'Take the checks out of the code block';

describe('checks in a code block', () => {
  let api: ReadinessApi;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: 'rules: {}\n', [CHECKLIST_PATH]: CHECKLIST_TEXT });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  afterEach(async () => {
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH]);
  });

  it('shows one warning on the opening fence, and the checks are not items', async () => {
    const found = await waitFor('checks-in-code-block diagnostic', () => {
      const list = readinessDiagnostics(CHECKLIST, 'checks-in-code-block');
      return list.length > 0 && list;
    });
    // Line 7 (0-based 6) is the first block's opening fence; the bash block only echoes a glyph.
    assert.deepEqual(
      found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.severity]),
      [[6, 0, 6, vscode.DiagnosticSeverity.Warning]],
    );
    assert.match(found[0].message, /2 checks \(1 open\)/);
    const state = await api.store.get(CHECKLIST);
    assert.ok(state);
    assert.deepEqual(
      allItems(state.analysis.checklist).map((i) => i.text),
      ['Tagged'],
    );
  });

  it('offers the quick fix, which deletes exactly the fence lines; the checks become items', async () => {
    const document = await vscode.workspace.openTextDocument(CHECKLIST);
    await waitFor('the open checklist analysed', async () => (await api.store.get(CHECKLIST))?.version === document.version);
    await waitFor('the diagnostic', () => readinessDiagnostics(CHECKLIST, 'checks-in-code-block').length === 1);
    const fix = await codeActionsUntil(`"${TITLE}" offered`, CHECKLIST, document.lineAt(6).range, (actions) =>
      actions.find((a): a is vscode.CodeAction => a.title === TITLE && a instanceof vscode.CodeAction),
    );
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)));
    assert.equal(document.getText(), FIXED_TEXT);
    const state = await waitFor('the new items in the store', async () => {
      const s = await api.store.get(CHECKLIST);
      return s?.text === FIXED_TEXT && s;
    });
    assert.deepEqual(
      allItems(state.analysis.checklist).map((i) => [i.text, i.state]),
      [
        ['Tagged', 'done'],
        ['Create Procfile', 'open'],
        ['Update CORS', 'done'],
      ],
    );
    await waitFor('the diagnostic gone', () => readinessDiagnostics(CHECKLIST, 'checks-in-code-block').length === 0);
  });
});
