// "Create runbook" in its three places, run in a real VS Code: the quick fix on a broken runbook
// link, the hover's command link next to a missing runbook, and the command on an item without a
// runbook (the view's context menu runs it with the tree node). The runbook file it writes, the
// checklist bytes around it, and the diagnostic that goes once the file exists.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import { ReadinessCodeActionProvider } from '../../src/vscode/codeActions';
import type { ReadinessApi } from '../../src/vscode/extension';
import { type Action, codeActionsWithAny } from './helpers/codeActions';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/runbook-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);
const RUNBOOKS = {
  rollback: `${FOLDER}/ops/runbooks/rollback.md`,
  restore: `${FOLDER}/ops/runbooks/restore (db).md`,
  failover: `${FOLDER}/ops/runbooks/failover-drill.md`,
  escalation: `${FOLDER}/ops/runbooks/escalation.md`,
};

const CHECKLIST_TEXT = `# Runbook suite

## Operations

- [ ] Rollback rehearsed ([runbook](ops/runbooks/rollback.md))
- [ ] Restore tested ([runbook](ops/runbooks/restore%20(db).md))
- [ ] Failover drill @sre
- [ ] Escalation path agreed ([runbook](ops/runbooks/escalation.md))
`;

// The first runbook folder is the one new runbooks go to; `ops/runbooks` resolves against this folder.
const CONFIG_TEXT = `runbooks:
  dirs: [ops/runbooks, playbooks]
`;

/** The sections of the runbook template, in order. */
const SECTIONS = ['## When to use', '## Steps', '## Verify', '## Rollback', '## Contacts'];

function assertRunbook(text: string, label: string): void {
  assert.ok(text.startsWith(`# Runbook: ${label}\n`), `the heading names the item: ${text}`);
  // From ops/runbooks/ back to the checklist two folders up.
  assert.ok(text.includes(`[${CHECKLIST_PATH}](../../PRODUCTION_READINESS.md)`), `a link back to the checklist: ${text}`);
  const at = SECTIONS.map((s) => text.split('\n').indexOf(s));
  assert.ok(
    at.every((i, n) => i > 0 && (n === 0 || i > at[n - 1])),
    `sections ${SECTIONS.join(', ')} in order: ${text}`,
  );
}

describe('create runbook', () => {
  let api: ReadinessApi;
  let document: vscode.TextDocument;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: CONFIG_TEXT, [CHECKLIST_PATH]: CHECKLIST_TEXT });
    await waitForChecklist(api, CHECKLIST, CONFIG);
  });
  beforeEach(async () => {
    document = await vscode.workspace.openTextDocument(CHECKLIST);
    await waitFor('the open checklist analysed', async () => (await api.store.get(CHECKLIST))?.version === document.version);
  });
  afterEach(async () => {
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
    for (const path of Object.values(RUNBOOKS)) {
      await vscode.workspace.fs.delete(workspaceUri(path), { useTrash: false }).then(undefined, () => undefined);
    }
  });
  after(async () => {
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH, ...Object.values(RUNBOOKS)]);
  });

  function lineOf(needle: string): number {
    const line = document
      .getText()
      .split(/\r?\n/)
      .findIndex((l) => l.includes(needle));
    assert.ok(line >= 0, `no line with ${JSON.stringify(needle)}`);
    return line;
  }
  const brokenOn = (needle: string) =>
    readinessDiagnostics(CHECKLIST, 'evidence-broken').filter((d) => d.range.start.line === lineOf(needle));
  async function ref(prefix: string) {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    const item = allItems(state.analysis.checklist).find((i) => i.text.startsWith(prefix));
    assert.ok(item, `no item "${prefix}"`);
    return { kind: 'item' as const, uri: CHECKLIST, itemId: item.id };
  }
  const activePath = () => vscode.window.activeTextEditor?.document.uri.path;

  it('the quick fix on a broken runbook link creates exactly that file, changes no byte of the checklist, and the diagnostic goes', async () => {
    await waitFor('evidence-broken on the rollback link', () => brokenOn('Rollback rehearsed').length === 1);
    const title = `Create runbook "${RUNBOOKS.rollback}"`;
    const ours = new Set(['Re-link runbook…', title, 'Remove broken link']);
    const actions = await codeActionsWithAny(
      'quick fixes on the rollback link',
      CHECKLIST,
      document.lineAt(lineOf('Rollback')).range,
      ours,
    );
    assert.deepEqual(
      actions.map((a: Action) => a.title).filter((t) => ours.has(t)),
      ['Re-link runbook…', title, 'Remove broken link'],
    );
    const create = actions.find((a) => a.title === title);
    assert.ok(create instanceof vscode.CodeAction && create.command && !create.edit, 'the fix runs a command and edits nothing itself');
    // VS Code's command leaves the diagnostics out of the context; the provider is asked with them.
    const context: vscode.CodeActionContext = {
      diagnostics: readinessDiagnostics(CHECKLIST),
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    };
    const provided = await new ReadinessCodeActionProvider(api.store).provideCodeActions(
      document,
      document.lineAt(lineOf('Rollback')).range,
      context,
    );
    assert.deepEqual(
      provided
        .filter((a) => ours.has(a.title))
        .map((a) => [
          a.title,
          (a.diagnostics ?? []).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
          a.isPreferred === true,
        ]),
      [
        ['Re-link runbook…', ['evidence-broken'], true],
        [title, ['evidence-broken'], false],
        ['Remove broken link', ['evidence-broken'], false],
      ],
    );

    assert.equal(await vscode.commands.executeCommand(create.command.command, ...(create.command.arguments ?? [])), 'created');
    assertRunbook(await readDisk(workspaceUri(RUNBOOKS.rollback)), 'Rollback rehearsed');
    assert.equal(activePath(), workspaceUri(RUNBOOKS.rollback).path, 'the runbook is opened');
    assert.equal(document.getText(), CHECKLIST_TEXT);
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT);
    assert.equal(document.isDirty, false);
    await waitFor('evidence-broken on the rollback link gone', () => brokenOn('Rollback rehearsed').length === 0);
    assert.equal(brokenOn('Restore tested').length, 1, 'the other broken runbook is still reported');
  });

  it('the hover offers a Create runbook command link next to a missing runbook, and the link creates it', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      CHECKLIST,
      new vscode.Position(lineOf('Restore tested'), 8),
    );
    const md = hovers
      .flatMap((h) => h.contents)
      .find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /State/.test(c.value));
    assert.ok(md, `no readiness hover: ${JSON.stringify(hovers.map((h) => h.contents))}`);
    const plain = md.value.replace(/\\(.)/g, '$1');
    assert.match(
      plain,
      /Runbook: \[services\/runbook-suite\/ops\/runbooks\/restore \(db\)\.md\]\(.+?\) \(missing\) \[Create runbook\]\(command:readiness\.createRunbook\?[^()]+\) {2}$/m,
    );
    assert.deepEqual(md.isTrusted, { enabledCommands: ['readiness.createRunbook'] }, 'only this one command is trusted');
    assert.equal(md.value.split('command:').length, 2, `one command link: ${md.value}`);
    assert.equal(md.supportHtml, false);

    // The link hover on the link itself offers it too.
    const linkHovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      CHECKLIST,
      new vscode.Position(lineOf('Restore tested'), document.lineAt(lineOf('Restore tested')).text.indexOf('[runbook]') + 2),
    );
    const linkMd = linkHovers
      .flatMap((h) => h.contents)
      .find((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString && /Runbook/.test(c.value));
    assert.ok(linkMd?.value.includes('command:readiness.createRunbook?'), `no command link on the link hover: ${linkMd?.value}`);

    // Run what the link runs.
    const link = /\(command:readiness\.createRunbook\?([^)]+)\)/.exec(md.value);
    assert.ok(link);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    assert.equal(await vscode.commands.executeCommand('readiness.createRunbook', ...args), 'created');
    assertRunbook(await readDisk(workspaceUri(RUNBOOKS.restore)), 'Restore tested');
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT);
    await waitFor('evidence-broken on the restore link gone', () => brokenOn('Restore tested').length === 0);
  });

  it('the command on an item without a runbook creates <first runbook folder>/<slug>.md and links it', async () => {
    const failover = await ref('Failover drill');
    assert.equal(await vscode.commands.executeCommand('readiness.createRunbook', failover), 'created');
    const runbook = await readDisk(workspaceUri(RUNBOOKS.failover));
    assertRunbook(runbook, 'Failover drill');
    assert.ok(runbook.includes('\n- Owner: @sre\n'), `the owner under Contacts: ${runbook}`);
    const linked = CHECKLIST_TEXT.replace(
      '- [ ] Failover drill @sre\n',
      '- [ ] Failover drill @sre ([runbook](ops/runbooks/failover-drill.md))\n',
    );
    assert.notEqual(linked, CHECKLIST_TEXT);
    assert.equal(await readDisk(CHECKLIST), linked);
    assert.equal(activePath(), workspaceUri(RUNBOOKS.failover).path);
    const state = await waitFor('the link analysed as an existing runbook', async () => {
      const s = await api.store.get(CHECKLIST);
      return s?.text === linked && s;
    });
    const item = allItems(state.analysis.checklist).find((i) => i.text.startsWith('Failover drill'));
    assert.deepEqual(
      item?.runbooks.map((l) => [l.resolved, l.exists]),
      [[RUNBOOKS.failover, true]],
    );

    // Again: the runbook exists now, so it is opened and nothing is written or linked twice.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand('readiness.createRunbook', await ref('Failover drill')), 'opened');
    assert.equal(await readDisk(CHECKLIST), linked);
    assert.equal(await readDisk(workspaceUri(RUNBOOKS.failover)), runbook);
    assert.equal(activePath(), workspaceUri(RUNBOOKS.failover).path);
  });

  it("flags items whose runbook is missing for the view's Create runbook entry, until the runbook exists", async () => {
    // Escalation's runbook was never created (earlier tests' runbooks are deleted, and a deletion may reach the store late).
    const node = await ref('Escalation path agreed');
    const flags = async (n: typeof node) => {
      await api.store.get(CHECKLIST);
      return String((api.tree.getTreeItem(n) as vscode.TreeItem).contextValue);
    };
    await waitFor('the missing runbook flagged', async () => /\brunbookMissing\b/.test(await flags(node)));
    assert.doesNotMatch(await flags(await ref('Failover drill')), /runbookMissing/, 'no runbook link: nothing missing');
    await vscode.commands.executeCommand('readiness.createRunbook', node);
    await waitFor('the flag gone once the runbook exists', async () => !/\brunbookMissing\b/.test(await flags(node)));
  });

  it('Open Runbook on a missing runbook returns at once (its message offers Create runbook) and writes nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('readiness.openRunbook', await ref('Restore tested')), undefined);
    assert.equal(await vscode.commands.executeCommand('readiness.openRunbook', await ref('Failover drill')), undefined);
    await vscode.commands.executeCommand('notifications.clearAll');
    for (const path of [RUNBOOKS.restore, RUNBOOKS.failover]) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(workspaceUri(path))).then(
        () => 'exists',
        () => 'absent',
      );
      assert.equal(stat, 'absent', path);
    }
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT);
  });

  it('never overwrites a runbook that appeared meanwhile: it is opened as it is', async () => {
    const escalation = await ref('Escalation path agreed');
    await writeWorkspaceFiles({ [RUNBOOKS.escalation]: '# Our escalation\n' });
    assert.equal(await vscode.commands.executeCommand('readiness.createRunbook', escalation), 'opened');
    assert.equal(await readDisk(workspaceUri(RUNBOOKS.escalation)), '# Our escalation\n');
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT);
    assert.equal(activePath(), workspaceUri(RUNBOOKS.escalation).path);
  });
});
