// One evidence policy in every surface: with `evidence.required: critical`, the tree checkbox,
// the toggle command (palette and keybinding: the item at the cursor), the mark commands and the
// quick fix all refuse to mark a critical item done while it links no existing evidence, in the
// same words, and change no byte; once the evidence exists the same item ticks.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { evidenceRefusalMessage } from '../../src/core/edit/evidencePolicy';
import { allItems } from '../../src/core/model/walk';
import { ReadinessCodeActionProvider } from '../../src/vscode/codeActions';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/evidence-policy-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const EVIDENCE_PATH = `${FOLDER}/evidence/access.md`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

const CHECKLIST_TEXT = `# Evidence policy suite

## Security

- [ ] Pen test signed off @security due: 2030-01-15
- [ ] Firewall reviewed
- [ ] Access review ([evidence](evidence/access.md))

## Docs

- [ ] Readme written
`;

/** The pen test's full text; messages name it by its clean label, "Pen test signed off". */
const PEN_TEXT = 'Pen test signed off @security due: 2030-01-15';

const CONFIG_TEXT = `critical:
  - category: Security
evidence:
  required: critical
  dir: evidence
`;

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `${JSON.stringify(from)} not in the text`);
  return text.replace(from, to);
}

describe('evidence policy', () => {
  let api: ReadinessApi;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: CONFIG_TEXT, [EVIDENCE_PATH]: '# Access review\n', [CHECKLIST_PATH]: CHECKLIST_TEXT });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  afterEach(async () => {
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH, EVIDENCE_PATH]);
  });

  async function node(text: string) {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    const found = allItems(state.analysis.checklist).find((i) => i.text === text);
    assert.ok(found, `no item "${text}"`);
    return { kind: 'item' as const, uri: CHECKLIST, itemId: found.id };
  }
  /** The file on disk and the checklist as the store has it are both still the original. */
  async function assertUnchanged(what: string) {
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT, `${what}: the file changed on disk`);
    assert.equal((await api.store.get(CHECKLIST))?.text, CHECKLIST_TEXT, `${what}: the document changed`);
  }

  it('the tree checkbox: refused, no byte changed, the item still unchecked and the view rendered again', async () => {
    const pen = await node(PEN_TEXT);
    let renders = 0;
    const listener = api.tree.onDidChangeTreeData(() => renders++);
    try {
      assert.deepEqual(await api.tree.checkboxesChanged([[pen, vscode.TreeItemCheckboxState.Checked]]), ['refused']);
    } finally {
      listener.dispose();
    }
    await assertUnchanged('checkbox');
    assert.ok(renders > 0, 'the view was not rendered again, so the clicked checkbox would stay checked');
    assert.equal(api.tree.getTreeItem(await node(PEN_TEXT)).checkboxState, vscode.TreeItemCheckboxState.Unchecked);
  });

  it('the toggle command, on a tree node and at the cursor (the keybinding), and every mark command: refused', async () => {
    const pen = await node(PEN_TEXT);
    assert.equal(await vscode.commands.executeCommand('readiness.toggleItem', pen), 'refused');
    assert.equal(await vscode.commands.executeCommand('readiness.markDone', pen), 'refused');
    const editor = await vscode.window.showTextDocument(CHECKLIST);
    const line = CHECKLIST_TEXT.split('\n').findIndex((l) => l.includes('Firewall reviewed'));
    editor.selection = new vscode.Selection(line, 8, line, 8);
    assert.equal(await vscode.commands.executeCommand('readiness.toggleItem'), 'refused');
    assert.equal(editor.document.isDirty, false);
    await assertUnchanged('commands');
    // Other states need no evidence.
    assert.equal(await vscode.commands.executeCommand('readiness.markInProgress', pen), 'applied');
    assert.equal(await readDisk(CHECKLIST), replaceOnce(CHECKLIST_TEXT, '- [ ] Pen test', '- [~] Pen test'));
  });

  it('the quick fix: Mark as done is disabled with the same words, and its command is refused', async () => {
    const document = await vscode.workspace.openTextDocument(CHECKLIST);
    await waitFor('the open checklist analysed', async () => (await api.store.get(CHECKLIST))?.version === document.version);
    const line = CHECKLIST_TEXT.split('\n').findIndex((l) => l.includes('Pen test signed off'));
    const actions = await new ReadinessCodeActionProvider(api.store).provideCodeActions(document, document.lineAt(line).range, {
      diagnostics: readinessDiagnostics(CHECKLIST),
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    });
    const done = actions.find((a) => a.title === 'Mark as done');
    assert.ok(done?.command, 'no Mark as done action');
    // The same words as everywhere, naming the item by its clean label (no @owner, no due date).
    assert.equal(done.disabled?.reason, evidenceRefusalMessage('Pen test signed off'));
    assert.equal(
      done.disabled?.reason,
      'Evidence is required before "Pen test signed off" can be marked done: link an existing evidence file first.',
    );
    assert.equal(await vscode.commands.executeCommand(done.command.command, ...(done.command.arguments ?? [])), 'refused');
    await assertUnchanged('quick fix');
  });

  it('ticks an item whose evidence exists, and an item once its evidence is linked', async () => {
    const access = await node('Access review (evidence)');
    assert.deepEqual(await api.tree.checkboxesChanged([[access, vscode.TreeItemCheckboxState.Checked]]), ['applied']);
    const ticked = replaceOnce(CHECKLIST_TEXT, '- [ ] Access review', '- [x] Access review');
    assert.equal(await readDisk(CHECKLIST), ticked);
    assert.equal(api.tree.getTreeItem(await node('Access review (evidence)')).checkboxState, vscode.TreeItemCheckboxState.Checked);

    assert.equal(await vscode.commands.executeCommand('readiness.linkEvidence', await node('Firewall reviewed'), EVIDENCE_PATH), 'applied');
    const linked = replaceOnce(ticked, '- [ ] Firewall reviewed', '- [ ] Firewall reviewed ([evidence](evidence/access.md))');
    assert.equal(await readDisk(CHECKLIST), linked);
    assert.equal(await vscode.commands.executeCommand('readiness.toggleItem', await node('Firewall reviewed (evidence)')), 'applied');
    assert.equal(await readDisk(CHECKLIST), replaceOnce(linked, '- [ ] Firewall', '- [x] Firewall'));
  });

  it('ticks items the policy does not cover', async () => {
    assert.deepEqual(await api.tree.checkboxesChanged([[await node('Readme written'), vscode.TreeItemCheckboxState.Checked]]), ['applied']);
    assert.equal(await readDisk(CHECKLIST), replaceOnce(CHECKLIST_TEXT, '- [ ] Readme', '- [x] Readme'));
  });
});
