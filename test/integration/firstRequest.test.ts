// The first request after a checklist is opened, or right after it is edited, is answered from
// the analysis of that very version: code actions, hovers and lenses are asked once, at once,
// with no polling, and must already be this extension's.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/first-request-suite';
const REVEAL_CATEGORY = 'readiness.revealCategory';

const TEXT = `# First request suite

## Launch

- [ ] Canary ready @sre
- [x] Dashboards published

## Support

- [ ] Pager rota agreed
`;

/** Titles of this extension's item actions (the built-in Markdown extension adds its own). */
const OURS = new Set(['Link evidence file…', 'Create evidence file…', 'Mark as done', 'Convert to checklist item']);

function lineOf(document: vscode.TextDocument, needle: string): number {
  const line = document
    .getText()
    .split(/\r?\n/)
    .findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${JSON.stringify(needle)}`);
  return line;
}

async function actionTitles(document: vscode.TextDocument, needle: string): Promise<string[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    document.lineAt(lineOf(document, needle)).range,
  );
  return actions.map((a) => a.title).filter((t) => OURS.has(t));
}

async function hoverText(document: vscode.TextDocument, needle: string): Promise<string | undefined> {
  const line = lineOf(document, needle);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    new vscode.Position(line, document.lineAt(line).text.indexOf(needle) + 1),
  );
  const contents = hovers.flatMap((h) => h.contents).map((c) => (c instanceof vscode.MarkdownString ? c.value : ''));
  return contents.find((c) => c.includes('State'))?.replace(/\\(.)/g, '$1');
}

async function lenses(document: vscode.TextDocument): Promise<[number, string | undefined][]> {
  const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri, 100);
  return found.filter((l) => l.command?.command === REVEAL_CATEGORY).map((l) => [l.range.start.line, l.command?.title]);
}

/**
 * Asks again only when VS Code cancelled the request itself: it does so when the document model
 * changes meanwhile (a fresh file's model reloaded from disk). An empty answer is never retried.
 */
async function unlessCancelled<T>(ask: () => Thenable<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (!(error instanceof Error && error.name === 'Canceled') || attempt === 5) throw error;
    }
  }
}

/** Asks all three providers at once, the moment the document is in this state. */
async function askAll(document: vscode.TextDocument, item: string) {
  const [actions, hover, lens] = await Promise.all([
    unlessCancelled(() => actionTitles(document, item)),
    unlessCancelled(() => hoverText(document, item)),
    unlessCancelled(() => lenses(document)),
  ]);
  return { actions, hover, lens };
}

describe('first request after opening or editing a checklist', () => {
  let api: ReadinessApi;
  let n = 0;
  const written: string[] = [];

  /** A checklist of this suite, written to disk (nothing has opened it yet). */
  async function writeChecklist(text = TEXT): Promise<vscode.Uri> {
    const path = `${FOLDER}/c${++n}/PRODUCTION_READINESS.md`;
    written.push(path);
    const uri = workspaceUri(path);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  before(async () => {
    api = await activateExtension();
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, written);
    await waitFor(
      'the suite checklists to be forgotten',
      async () => !(await api.store.checklistUris()).some((u) => u.path.includes('/first-request-suite/')),
      60_000,
    );
    await waitFor('their problems to be cleared', () => written.every((p) => readinessDiagnostics(workspaceUri(p)).length === 0), 60_000);
  });

  it('answers the first requests on a checklist written a moment ago and opened at once', async () => {
    const uri = await writeChecklist();
    const document = await vscode.workspace.openTextDocument(uri);
    const { actions, hover, lens } = await askAll(document, 'Canary ready');
    assert.deepEqual(actions, ['Link evidence file…', 'Create evidence file…', 'Mark as done']);
    assert.match(hover ?? 'no readiness hover', /State: open · not critical/);
    assert.deepEqual(lens, [
      [2, '1/2 · 50%'],
      [7, '0/1 · 0%'],
    ]);
  });

  it('answers the first requests on a known checklist, analysed from disk, when it is opened', async () => {
    const uri = await writeChecklist();
    // The file watcher's event may take seconds on a loaded machine.
    await waitFor(
      'the store to know the new checklist',
      async () => (await api.store.checklistUris()).some((u) => u.toString() === uri.toString()),
      60_000,
    );
    const fromDisk = await api.store.get(uri);
    assert.equal(fromDisk?.version, undefined, 'analysed from disk before it is opened');
    const document = await vscode.workspace.openTextDocument(uri);
    const { actions, hover, lens } = await askAll(document, 'Pager rota');
    assert.deepEqual(actions, ['Link evidence file…', 'Create evidence file…', 'Mark as done']);
    assert.match(hover ?? 'no readiness hover', /State: open · not critical/);
    assert.deepEqual(lens, [
      [2, '1/2 · 50%'],
      [7, '0/1 · 0%'],
    ]);
  });

  it('answers the first requests right after an edit from the edited version', async () => {
    const uri = await writeChecklist();
    const document = await vscode.workspace.openTextDocument(uri);
    await waitFor('the opened version analysed', async () => (await api.store.get(uri))?.version === document.version);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(
      uri,
      new vscode.Position(lineOf(document, 'Pager rota') + 1, 0),
      '\n## Added\n\n- [ ] Status page wired\n- [x] Runbook read\n',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    const { actions, hover, lens } = await askAll(document, 'Status page wired');
    assert.deepEqual(actions, ['Link evidence file…', 'Create evidence file…', 'Mark as done']);
    assert.match(hover ?? 'no readiness hover', /State: open · not critical/);
    assert.deepEqual(lens, [
      [2, '1/2 · 50%'],
      [7, '0/1 · 0%'],
      [11, '1/2 · 50%'],
    ]);
    // And once more, after a second edit that only ticks a box.
    const tick = new vscode.WorkspaceEdit();
    const line = lineOf(document, 'Status page wired');
    tick.replace(uri, new vscode.Range(line, 3, line, 4), 'x');
    assert.ok(await vscode.workspace.applyEdit(tick));
    const after = await askAll(document, 'Status page wired');
    assert.deepEqual(after.actions, ['Link evidence file…', 'Create evidence file…']);
    assert.match(after.hover ?? 'no readiness hover', /State: done · not critical/);
    assert.deepEqual(after.lens[2], [11, '2/2 · 100%']);
  });
});
