// Editing an open checklist: after each edit the store's analysis (re-parsed only where the edit
// landed) equals a full analysis of the document's text, and the Problems panel follows.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { analyzeChecklist } from '../../src/core/analyze/analyze';
import { localIsoDate } from '../../src/core/text/dates';
import type { ChecklistState } from '../../src/vscode/checklistStore';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, waitFor, workspaceFolder, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/incremental-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);

const section = (title: string, n: number) =>
  `## ${title}\n\n${[1, 2, 3].map((i) => `- [ ] ${title} check ${i}${i === 2 ? ` ([evidence](evidence/${n}.md))` : ''}`).join('\n')}\n\n`;
const TEXT = `# Incremental suite\n\n${['Security', 'Operations', 'Data', 'Release', 'Support'].map(section).join('')}`;

describe('incremental analysis in the editor', () => {
  let api: ReadinessApi;
  let editor: vscode.TextEditor;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({
      [CONFIG_PATH]: 'critical:\n  - category: Security\nevidence:\n  required: critical\n',
      [`${FOLDER}/evidence/2.md`]: 'ok\n',
      [CHECKLIST_PATH]: TEXT,
    });
    await waitForChecklist(api, CHECKLIST, workspaceUri(CONFIG_PATH));
    editor = await vscode.window.showTextDocument(CHECKLIST);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH, `${FOLDER}/evidence/2.md`]);
    // The next suite starts once the store has let go of this one's checklist.
    await waitFor(
      'the suite checklist to be forgotten',
      async () => !(await api.store.checklistUris()).some((u) => u.toString() === CHECKLIST.toString()),
    );
    await waitFor('its problems to be cleared', () => readinessDiagnostics(CHECKLIST).length === 0);
  });

  /** Waits for the analysis of the document's current version and checks it against a full analysis of its text. */
  async function current(): Promise<ChecklistState> {
    const document = editor.document;
    const state = await waitFor('the analysis of the current version', async () => {
      const s = await api.store.get(CHECKLIST);
      return s?.version === document.version ? s : undefined;
    });
    const root = workspaceFolder().uri.fsPath;
    const full = analyzeChecklist(document.getText(), {
      config: state.analysis.config,
      path: CHECKLIST_PATH,
      exists: (p) => existsSync(join(root, ...p.split('/'))),
      today: localIsoDate(new Date()),
    });
    assert.deepStrictEqual(state.analysis.checklist, full.checklist);
    assert.deepStrictEqual(state.analysis.findings, full.findings);
    await waitFor('the Problems panel to follow', () => readinessDiagnostics(CHECKLIST).length === full.findings.length);
    return state;
  }

  async function edit(change: (builder: vscode.TextEditorEdit, text: string) => void): Promise<ChecklistState> {
    const text = editor.document.getText();
    assert.ok(await editor.edit((builder) => change(builder, text)), 'the editor refused the edit');
    return current();
  }
  const at = (text: string, needle: string, plus = 0) => editor.document.positionAt(text.indexOf(needle) + plus);

  it('follows typing inside an item, ticking, and a new section in the middle', async () => {
    await current();
    let state = await edit((b, text) => b.insert(at(text, 'Operations check 2', 10), 'x'));
    assert.ok(state.analysis.checklist.categories[1].items.some((i) => i.text === 'Operationsx check 2 (evidence)'));
    state = await edit((b, text) =>
      b.replace(new vscode.Range(at(text, '- [ ] Security check 1', 3), at(text, '- [ ] Security check 1', 4)), 'x'),
    );
    assert.equal(state.analysis.checklist.categories[0].items[0].state, 'done');
    assert.ok(state.analysis.findings.some((f) => f.rule === 'evidence-missing' && f.itemId === 'security/security-check-1'));
    state = await edit((b, text) => b.insert(at(text, '## Release'), '## Added\n\n- [ ] Added check\n\n'));
    assert.deepEqual(
      state.analysis.checklist.categories.map((c) => c.title),
      ['Security', 'Operations', 'Data', 'Added', 'Release', 'Support'],
    );
  });

  it('follows a fence that swallows the sections after it, and its removal', async () => {
    let state = await edit((b, text) => b.insert(at(text, '## Data'), '```\n'));
    assert.deepEqual(
      state.analysis.checklist.categories.map((c) => c.title),
      ['Security', 'Operations'],
    );
    state = await edit((b, text) => b.delete(new vscode.Range(at(text, '```\n'), at(text, '```\n', 4))));
    assert.equal(state.analysis.checklist.categories.length, 6);
  });

  it('analyses each version once: concurrent requests share one analysis', async () => {
    const text = editor.document.getText();
    assert.ok(await editor.edit((b) => b.insert(at(text, 'Support check 3', 7), 'y')));
    const [a, b] = await Promise.all([api.store.get(CHECKLIST), api.store.get(CHECKLIST)]);
    assert.ok(a && a === b, 'two analyses of the same version');
    assert.equal(a.version, editor.document.version);
    assert.equal(await api.store.get(CHECKLIST), a);
  });
});
