// The unknown-status quick fixes as VS Code returns them (vscode.executeCodeActionProvider),
// applied for real: the exact bytes they write to the checklist's .readiness.yml, the diagnostic
// that goes away and the state the item gets. (Every folder of the test workspace is under its
// root config, so creating a new .readiness.yml is covered by test/unit/teachStatus.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { type Action, codeActionsUntil } from './helpers/codeActions';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/teach-status-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);

const CHECKLIST_TEXT = `# Teach suite

## Release

| Check | Status |
|---|---|
| Backups restored | Verify |
| TLS renewed | Shipped |
`;

const CONFIG_TEXT = 'critical: [] # none yet\r\nstatuses:\r\n  Shipped: done\r\n';

const TITLES = (status: string) => [
  `Treat "${status}" as done`,
  `Treat "${status}" as open`,
  `Treat "${status}" as in progress`,
  `Treat "${status}" as n/a`,
];

async function teachActions(uri: vscode.Uri, needle: string, status: string): Promise<vscode.CodeAction[]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const line = document
    .getText()
    .split(/\r?\n/)
    .findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with ${JSON.stringify(needle)}`);
  return codeActionsUntil(`teach actions on "${needle}"`, uri, document.lineAt(line).range, (actions) => {
    const ours = actions.filter((a): a is vscode.CodeAction => a instanceof vscode.CodeAction && TITLES(status).includes(a.title));
    return ours.length > 0 ? ours : undefined;
  });
}

async function run(action: vscode.CodeAction | undefined): Promise<unknown> {
  assert.ok(action?.command, 'no command to run');
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('teach status quick fixes', () => {
  let api: ReadinessApi;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: CONFIG_TEXT, [CHECKLIST_PATH]: CHECKLIST_TEXT });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if ((await readDisk(CONFIG)) !== CONFIG_TEXT) await writeWorkspaceFiles({ [CONFIG_PATH]: CONFIG_TEXT });
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
    await waitFor('the suite config re-read', async () => readinessDiagnostics(CHECKLIST, 'unknown-status').length === 1);
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH]);
  });

  it('offers the four states on an unknown-status row, and none on a taught one', async () => {
    await waitFor('one unknown-status diagnostic', () => readinessDiagnostics(CHECKLIST, 'unknown-status').length === 1);
    const actions = await teachActions(CHECKLIST, '| Backups restored | Verify |', 'Verify');
    assert.deepEqual(
      actions.map((a) => a.title),
      TITLES('Verify'),
    );
    const document = await vscode.workspace.openTextDocument(CHECKLIST);
    const line = document.getText().split('\n').indexOf('| TLS renewed | Shipped |');
    const onTaught = await vscode.commands.executeCommand<Action[]>(
      'vscode.executeCodeActionProvider',
      CHECKLIST,
      document.lineAt(line).range,
    );
    assert.deepEqual(
      onTaught.filter((a) => a.title.startsWith('Treat "')),
      [],
    );
  });

  it('"Treat … as done" writes the entry under statuses: (CRLF and comments kept); the diagnostic goes and the row is done', async () => {
    const actions = await teachActions(CHECKLIST, '| Backups restored | Verify |', 'Verify');
    assert.equal(await run(actions.find((a) => a.title === 'Treat "Verify" as done')), 'applied');
    assert.equal(await readDisk(CONFIG), 'critical: [] # none yet\r\nstatuses:\r\n  Shipped: done\r\n  Verify: done\r\n');
    await waitFor('the unknown-status diagnostic gone', () => readinessDiagnostics(CHECKLIST, 'unknown-status').length === 0);
    await waitFor('Backups restored done', async () => {
      const state = await api.store.get(CHECKLIST);
      const item = state && allItems(state.analysis.checklist).find((i) => i.text === 'Backups restored');
      return item?.state === 'done';
    });
  });
});
