// Who signed a done item off, from git, in a real VS Code: the suite's folder is made a git
// repository (commits by different authors and dates), VS Code's Git extension is switched on and
// opens it, and the hover and the tree tooltip of a done item name the commit that ticked it; the
// link opens that commit's change. With the Git extension off (the test settings' default), nothing shows.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { removeWorkspaceFiles, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/signoff-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const CHECKLIST = workspaceUri(CHECKLIST_PATH);

const FIRST = `# Sign-off suite

## Reliability

- [ ] Rollback tested on staging (critical)
- [ ] Backups restored
- [x] On-call rotation staffed
`;
const TICKED = FIRST.replace('- [ ] Rollback tested', '- [x] Rollback tested');

/** The few members of the Git extension's API the test drives. */
interface TestGitApi {
  state: string;
  openRepository(root: vscode.Uri): Promise<unknown>;
  getRepository(uri: vscode.Uri): unknown;
}

/** Markdown source with its backslash escapes removed: the text as it reads. */
const readable = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('sign-off from git', function () {
  this.timeout(60_000);
  let api: ReadinessApi;
  let head = '';
  let first = '';
  const root = workspaceUri(FOLDER);
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, { cwd: root.fsPath, encoding: 'utf8', env: { ...process.env, ...env } }).trim();
  const commitAs = (author: string, date: string, message: string) => {
    const who = { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'a@example.com', GIT_AUTHOR_DATE: date };
    git(['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '-qam', message], { ...who, GIT_COMMITTER_DATE: date });
  };

  async function node(prefix: string) {
    const state = await waitFor('the suite checklist', () => api.store.get(CHECKLIST));
    const item = allItems(state.analysis.checklist).find((i) => i.label.startsWith(prefix));
    assert.ok(item, prefix);
    return { kind: 'item' as const, uri: CHECKLIST, itemId: item.id };
  }
  async function hoverText(needle: string): Promise<string> {
    const document = await vscode.workspace.openTextDocument(CHECKLIST);
    const line = document
      .getText()
      .split('\n')
      .findIndex((l) => l.includes(needle));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      CHECKLIST,
      new vscode.Position(line, 8),
    );
    return readable(hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n'));
  }
  async function tooltip(prefix: string): Promise<string> {
    const n = await node(prefix);
    const item = api.tree.getTreeItem(n) as vscode.TreeItem;
    const resolved = await api.tree.resolveTreeItem(item, n, new vscode.CancellationTokenSource().token);
    return readable((resolved.tooltip as vscode.MarkdownString).value);
  }

  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({ [CONFIG_PATH]: 'evidence:\n  required: none\n', [CHECKLIST_PATH]: FIRST });
    await waitForChecklist(api, CHECKLIST, workspaceUri(CONFIG_PATH));
    git(['init', '-q']);
    git(['add', '.']);
    commitAs('Alice', '2026-11-01T09:00:00+01:00', 'Add the checklist');
    first = git(['rev-parse', 'HEAD']);
    await writeWorkspaceFiles({ [CHECKLIST_PATH]: TICKED });
    commitAs('Bob Okafor', '2026-11-20T14:03:00+01:00', 'Tick rollback drill');
    head = git(['rev-parse', 'HEAD']);
    await waitFor('the tick read', async () => (await api.store.get(CHECKLIST))?.text === TICKED);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH]);
  });

  it('shows nothing while the Git extension is off', async () => {
    assert.equal(vscode.workspace.getConfiguration('git').get('enabled'), false, 'the test settings turn git off');
    assert.match(await hoverText('Rollback tested'), /State: done/);
    assert.doesNotMatch(await hoverText('Rollback tested'), /Done since/);
    assert.doesNotMatch(await tooltip('Rollback tested'), /Done since/);
  });

  it('names who ticked a done item, when, and in which commit, in the hover and the tree tooltip; open items have none', async () => {
    await vscode.workspace.getConfiguration('git').update('enabled', true, vscode.ConfigurationTarget.Global);
    const extension = vscode.extensions.getExtension<{ enabled: boolean; getAPI(v: 1): TestGitApi }>('vscode.git');
    assert.ok(extension, 'the built-in Git extension');
    const exports = extension.isActive ? extension.exports : await extension.activate();
    await waitFor('git enabled', () => exports.enabled);
    const gitApi = exports.getAPI(1);
    await waitFor('git initialised', () => gitApi.state === 'initialized');
    await gitApi.openRepository(root);
    await waitFor('the repository open', () => gitApi.getRepository(CHECKLIST) !== null);
    const expected = new RegExp(
      `Done since 2026-11-20 · Bob Okafor · \\[\`${head.slice(0, 7)}\` Tick rollback drill\\]\\(command:readiness\\.openSignOffChange\\?`,
    );
    const hover = await waitFor('the sign-off in the hover', async () => {
      const text = await hoverText('Rollback tested');
      return expected.test(text) && text;
    });
    assert.match(hover, expected);
    // Ticked in the first commit: Alice's.
    assert.match(
      await hoverText('On-call rotation'),
      new RegExp(`Done since 2026-11-01 · Alice · \\[\`${first.slice(0, 7)}\` Add the checklist\\]`),
    );
    assert.doesNotMatch(await hoverText('Backups restored'), /Done since/, 'an open item has no sign-off');
    assert.match(await tooltip('Rollback tested'), expected);
    assert.doesNotMatch(await tooltip('Backups restored'), /Done since/);
  });

  it("draws the checklist's burn-up in the report view from its commits", async () => {
    await vscode.commands.executeCommand('readiness.openReport');
    // Commit 1 (2026-11-01): on-call done, rollback (critical) open: 1 of 3. Commit 2 (2026-11-20): rollback done: 2 of 3.
    const html = await waitFor('the burn-up in the report', () => {
      const page = api.reportHtml();
      return page?.includes('id="history"') && page.includes(CHECKLIST_PATH) && page;
    });
    const section = html.slice(html.indexOf('<section id="history">'), html.indexOf('</section>', html.indexOf('<section id="history">')));
    assert.match(section, /From 2026-11-01 to 2026-11-20: done 1 → 2 of 3, critical open 1 → 0\./);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says nothing for a tick not committed yet, and opens the change a sign-off names', async () => {
    await writeWorkspaceFiles({ [CHECKLIST_PATH]: TICKED.replace('- [ ] Backups restored', '- [x] Backups restored') });
    await waitFor('the new tick read', async () => (await api.store.get(CHECKLIST))?.text.includes('- [x] Backups restored'));
    const text = await hoverText('Backups restored');
    assert.match(text, /State: done/);
    assert.doesNotMatch(text, /Done since/, 'not committed: no sign-off yet');
    await vscode.commands.executeCommand('readiness.openSignOffChange', CHECKLIST.toString(), head);
    const tab = await waitFor('the diff of the commit', () => vscode.window.tabGroups.activeTabGroup.activeTab);
    assert.ok(tab.input instanceof vscode.TabInputTextDiff, `a diff editor: ${tab.label}`);
    assert.match(tab.label, new RegExp(`PRODUCTION_READINESS\\.md \\(${head.slice(0, 7)}\\)`));
  });
});
