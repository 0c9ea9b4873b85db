// Diagnostics as VS Code holds them: every checklist's findings (open or not) and every
// .readiness.yml's problems, kept in step with ticks, edits, evidence files, config and deletions.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULE_DOCS_BASE } from '../../src/core/model/ruleTable';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/diagnostics-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const EXTRA_PATH = `${FOLDER}/extra/PRODUCTION_READINESS.md`;
const EVIDENCE_PATH = `${FOLDER}/evidence/pen-test.md`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

const CHECKLIST_TEXT = `# Diagnostics suite

## Security

- [ ] Firewall rules reviewed
- [x] Pen test report filed ([evidence](evidence/pen-test.md))

## Operations

- [ ] Pager set up due: 2020-01-01
`;

const CONFIG_TEXT = `critical:
  - category: Security
evidence:
  required: none
  dir: evidence
`;

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('diagnostics', () => {
  let api: ReadinessApi;
  before(async () => {
    api = await activateExtension();
    // The evidence folder exists beforehand, so creating the missing file later is a plain file event.
    await writeWorkspaceFiles({
      [CONFIG_PATH]: CONFIG_TEXT,
      [`${FOLDER}/evidence/index.txt`]: 'evidence of the diagnostics suite\n',
      [CHECKLIST_PATH]: CHECKLIST_TEXT,
    });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeWorkspaceFiles(FOLDER, [EXTRA_PATH, CHECKLIST_PATH, EVIDENCE_PATH, CONFIG_PATH]);
  });
  afterEach(async () => {
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
  });

  it('publishes the findings of every checklist with source, rule code, docs link, severity and range', async () => {
    const main = workspaceUri('PRODUCTION_READINESS.md');
    const text = await readDisk(main);
    const lines = text.split('\n');
    const critical = await waitFor('critical-open on the main checklist', () => {
      const found = readinessDiagnostics(main, 'critical-open');
      return found.length === 3 && found;
    });
    const expected = ['Secrets rotated', 'Dependency audit clean', 'Load test at'].map((needle) => {
      const line = lineOf(text, needle);
      return new vscode.Range(line, 0, line, lines[line].replace(/\r$/, '').length);
    });
    assert.deepEqual(
      critical.map((d) => d.range).sort((a, b) => a.start.line - b.start.line),
      expected,
    );
    for (const d of critical) {
      assert.equal(d.source, 'readiness');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.ok(typeof d.code === 'object', 'the code carries a link');
      assert.equal(d.code.value, 'critical-open');
      assert.equal(d.code.target.toString(), vscode.Uri.parse(`${RULE_DOCS_BASE}critical-open`).toString());
    }
    const untracked = readinessDiagnostics(main, 'untracked-item');
    assert.deepEqual(
      untracked.map((d) => [d.range.start.line, d.severity]),
      [lineOf(text, '**On-call rotation**'), lineOf(text, '**Escalation policy**')].map((l) => [l, vscode.DiagnosticSeverity.Information]),
    );

    const broken = await waitFor(
      'evidence-broken in checklists/evidence.md',
      () => readinessDiagnostics(workspaceUri('checklists/evidence.md'), 'evidence-broken')[0],
    );
    assert.deepEqual(broken.range, new vscode.Range(9, 26, 9, 73));
    assert.equal(broken.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(broken.message, /missing-restore\.md/);

    // This suite's checklist was never opened, and still has its diagnostics.
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === CHECKLIST.toString()), 'the suite checklist is open');
    const own = await waitFor('diagnostics of the unopened suite checklist', () => {
      const found = readinessDiagnostics(CHECKLIST);
      return found.length === 3 && found;
    });
    assert.deepEqual(own.map(codeOf).sort(), ['critical-open', 'evidence-broken', 'overdue']);

    const all = vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((d) => d.source === 'readiness'));
    assert.ok(!all.some((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'no finding is published as a hint');
  });

  it('locates config-invalid problems at the offending keys of a broken .readiness.yml', async () => {
    const config = workspaceUri('services/broken-config/.readiness.yml');
    const found = await waitFor('config-invalid diagnostics', () => {
      const ds = readinessDiagnostics(config, 'config-invalid');
      return ds.length === 2 && ds;
    });
    const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(sorted[0].range.start, new vscode.Position(1, 12));
    assert.match(sorted[0].message, /evidence\.required/);
    assert.deepEqual(sorted[1].range.start, new vscode.Position(3, 4));
    assert.match(sorted[1].message, /unknown key "section"/);
    for (const d of found) assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  it('drops critical-open once the item is ticked with readiness.markDone', async () => {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    const item = allItems(state.analysis.checklist).find((i) => i.text === 'Firewall rules reviewed');
    assert.ok(item);
    await waitFor('critical-open before the tick', () => readinessDiagnostics(CHECKLIST, 'critical-open').length === 1);
    assert.equal(await vscode.commands.executeCommand('readiness.markDone', { kind: 'item', uri: CHECKLIST, itemId: item.id }), 'applied');
    await waitFor('critical-open gone after the tick', () => readinessDiagnostics(CHECKLIST, 'critical-open').length === 0);
    assert.equal(readinessDiagnostics(CHECKLIST, 'overdue').length, 1, 'other findings stay');
  });

  it('follows edits of the open document before they are saved', async () => {
    const document = await vscode.workspace.openTextDocument(CHECKLIST);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(CHECKLIST, new vscode.Position(5, 0), '- [ ] Audit log enabled\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const lines = await waitFor('critical-open of the new item', () => {
      const found = readinessDiagnostics(CHECKLIST, 'critical-open').map((d) => d.range.start.line);
      return found.length === 2 && found.sort();
    });
    assert.deepEqual(lines, [4, 5]);
    assert.ok(document.isDirty);
  });

  it('clears evidence-broken when the missing file is created, and brings it back when the file is deleted', async () => {
    await waitFor('evidence-broken before', () => readinessDiagnostics(CHECKLIST, 'evidence-broken').length === 1);
    const evidence = workspaceUri(EVIDENCE_PATH);
    await vscode.workspace.fs.writeFile(evidence, new TextEncoder().encode('# Pen test\n'));
    await waitFor('evidence-broken gone', () => readinessDiagnostics(CHECKLIST, 'evidence-broken').length === 0);
    await vscode.workspace.fs.delete(evidence, { useTrash: false });
    const back = await waitFor('evidence-broken back', () => readinessDiagnostics(CHECKLIST, 'evidence-broken')[0]);
    assert.deepEqual(back.range, new vscode.Range(5, 29, 5, 61));
  });

  it('follows .readiness.yml edits: a rule set to off disappears, a severity override applies', async () => {
    await waitFor('overdue before', () => readinessDiagnostics(CHECKLIST, 'overdue').length === 1);
    const document = await vscode.workspace.openTextDocument(CONFIG);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(CONFIG, document.positionAt(document.getText().length), 'rules:\n  overdue: off\n  critical-open: warning\n');
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await document.save());
      await waitFor('overdue off and critical-open a warning', () => {
        const critical = readinessDiagnostics(CHECKLIST, 'critical-open');
        return (
          readinessDiagnostics(CHECKLIST, 'overdue').length === 0 &&
          critical.length === 1 &&
          critical[0].severity === vscode.DiagnosticSeverity.Warning
        );
      });
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.replace(CONFIG, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), CONFIG_TEXT);
      await vscode.workspace.applyEdit(undo);
      await document.save();
    }
    await waitFor('config restored', () => {
      const critical = readinessDiagnostics(CHECKLIST, 'critical-open');
      return readinessDiagnostics(CHECKLIST, 'overdue').length === 1 && critical[0]?.severity === vscode.DiagnosticSeverity.Error;
    });
  });

  it('publishes a new checklist and drops its diagnostics when it is deleted', async () => {
    const extra = workspaceUri(EXTRA_PATH);
    await writeWorkspaceFiles({ [EXTRA_PATH]: '# Extra\n\n## Security\n\n- [ ] Keys rotated\n' });
    // Found through the file watcher, whose events can come seconds late on a loaded machine (as in tree.test.ts and report.test.ts).
    const found = await waitFor('diagnostics of the new checklist', () => readinessDiagnostics(extra, 'critical-open')[0], 30_000);
    assert.deepEqual(found.range, new vscode.Range(4, 0, 4, 18));
    await vscode.workspace.fs.delete(extra, { useTrash: false });
    await waitFor('diagnostics of the deleted checklist gone', () => readinessDiagnostics(extra).length === 0, 30_000);
  });
});
