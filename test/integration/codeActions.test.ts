// Code actions as VS Code returns them (vscode.executeCodeActionProvider), applied for real: the
// exact text they write, the diagnostics they clear, and the evidence commands behind them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allItems } from '../../src/core/model/walk';
import { FIX_ALL_KIND, ReadinessCodeActionProvider } from '../../src/vscode/codeActions';
import type { ReadinessApi } from '../../src/vscode/extension';
import { type Action, codeActionsWithAny, lineRange } from './helpers/codeActions';
import { activateExtension, readDisk, waitFor, workspaceUri } from './helpers/extension';
import { readinessDiagnostics, removeWorkspaceFiles, restoreFile, waitForChecklist, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'services/code-actions-suite';
const CHECKLIST_PATH = `${FOLDER}/PRODUCTION_READINESS.md`;
const CONFIG_PATH = `${FOLDER}/.readiness.yml`;
const EVIDENCE = {
  access: `${FOLDER}/evidence/access.md`,
  accessReview: `${FOLDER}/evidence/access review.md`,
  tls: `${FOLDER}/evidence/tls-report.md`,
};
const CHECKLIST = workspaceUri(CHECKLIST_PATH);
const CONFIG = workspaceUri(CONFIG_PATH);
/** `✅` read as windows-1252. */
const MOJIBAKE = '\u00e2\u0153\u2026';

const CHECKLIST_TEXT = `# Code actions suite

## Security

- [x] Access review done
- [ ] Secrets scanned <!-- id: secrets-scan -->
- [x] Backup restore tested ([evidence](evidence/missing.md))
- [ ] TLS scan ([evidence](evidence/tls-report.md))

## Rollout

- [ ] Canary ready ([runbook](../../docs/runbooks/rollback.md))
- [ ] Vendor report ([evidence](/etc/hostname))
- [x] Monitoring set up ${MOJIBAKE}
- [x] Alerts routed ${MOJIBAKE}
- [x] Audit trail kept ([log](evidence/access.md), [scan](evidence/tls-report.md))

| Check | Status |
|---|---|
| Dashboards published | ☐ |

## Operations

- **On-call rotation**: published in the wiki
- **Escalation policy**: agreed with support
`;

const CONFIG_TEXT = `critical:
  - category: Security
evidence:
  required: critical
  dir: evidence
`;

/** Titles of this extension's actions (the built-in Markdown extension adds its own). */
const OURS = new Set([
  'Link evidence file…',
  'Create evidence file…',
  'Mark as done',
  'Re-link evidence…',
  'Re-link runbook…',
  'Remove broken link',
  'Repair mis-decoded text',
  'Repair all mis-decoded text',
  'Convert to checklist item',
  'Convert section to checklist',
]);
const titles = (actions: readonly Action[]) => actions.map((a) => a.title).filter((t) => OURS.has(t));

function replaceOnce(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `${JSON.stringify(from)} not in the text`);
  return text.replace(from, to);
}

describe('code actions', () => {
  let api: ReadinessApi;
  let document: vscode.TextDocument;
  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles({
      [CONFIG_PATH]: CONFIG_TEXT,
      [EVIDENCE.access]: '# Access review\n',
      [EVIDENCE.accessReview]: '# Access review, second round\n',
      [EVIDENCE.tls]: '# TLS report\n',
      [CHECKLIST_PATH]: CHECKLIST_TEXT,
    });
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
    await removeWorkspaceFiles(FOLDER, [CHECKLIST_PATH, CONFIG_PATH, ...Object.values(EVIDENCE)]);
  });

  /** This extension's actions at a line; unless `expectNone`, waits until there are some. */
  function actionsAt(needle: string, kind?: string, expectNone = false): Promise<Action[]> {
    return codeActionsWithAny(`code actions on "${needle}"`, CHECKLIST, lineRange(document, needle, true), OURS, kind, expectNone);
  }
  async function action(needle: string, title: string): Promise<vscode.CodeAction> {
    const actions = await actionsAt(needle);
    const found = actions.find((a) => a.title === title);
    assert.ok(found && found instanceof vscode.CodeAction, `no action "${title}" on "${needle}" among ${titles(actions).join(', ')}`);
    return found;
  }
  async function run(found: vscode.CodeAction, ...extra: unknown[]): Promise<unknown> {
    if (found.edit) assert.ok(await vscode.workspace.applyEdit(found.edit), `applying "${found.title}"`);
    if (found.command) return vscode.commands.executeCommand(found.command.command, ...(found.command.arguments ?? []), ...extra);
    return undefined;
  }
  async function itemId(text: string): Promise<string> {
    const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
    const item = allItems(state.analysis.checklist).find((i) => i.text === text);
    assert.ok(item, `no item "${text}"`);
    return item.id;
  }
  const diagnosticsOn = (needle: string, rule: string) =>
    readinessDiagnostics(CHECKLIST, rule).filter((d) => d.range.start.line === lineRange(document, needle, true).start.line);

  it('offers the evidence actions on an item, and Mark as done only on items that are not done', async () => {
    assert.deepEqual(titles(await actionsAt('Access review done')), ['Link evidence file…', 'Create evidence file…']);
    assert.deepEqual(titles(await actionsAt('Canary ready')), ['Link evidence file…', 'Create evidence file…', 'Mark as done']);
  });

  it('Link evidence file… with a path inserts the exact link and clears evidence-missing', async () => {
    await waitFor('evidence-missing before', () => diagnosticsOn('Access review done', 'evidence-missing').length === 1);
    assert.equal(await run(await action('Access review done', 'Link evidence file…'), EVIDENCE.access), 'applied');
    assert.equal(
      document.getText(),
      replaceOnce(CHECKLIST_TEXT, '- [x] Access review done\n', '- [x] Access review done ([evidence](evidence/access.md))\n'),
    );
    await waitFor('evidence-missing gone', () =>
      readinessDiagnostics(CHECKLIST, 'evidence-missing').every((d) => !document.lineAt(d.range.start.line).text.includes('Access review')),
    );
  });

  it('links before a trailing id comment, encodes spaces, and links a table row in its text cell', async () => {
    const uri = CHECKLIST;
    await vscode.commands.executeCommand('readiness.linkEvidence', { uri, itemId: 'secrets-scan' }, EVIDENCE.accessReview);
    await vscode.commands.executeCommand(
      'readiness.linkEvidence',
      { uri: uri.toString(), itemId: await itemId('Dashboards published') },
      workspaceUri(EVIDENCE.tls),
    );
    let expected = replaceOnce(CHECKLIST_TEXT, 'Secrets scanned <!--', 'Secrets scanned ([evidence](evidence/access%20review.md)) <!--');
    expected = replaceOnce(expected, '| Dashboards published |', '| Dashboards published ([evidence](evidence/tls-report.md)) |');
    assert.equal(document.getText(), expected);
    const state = await waitFor('re-analysed', async () => {
      const s = await api.store.get(uri);
      return s?.text === expected && s;
    });
    const links = allItems(state.analysis.checklist).flatMap((i) => i.evidence.map((e) => [i.text, e.resolved, e.exists]));
    assert.deepEqual(
      links.filter(([text]) => text === 'Secrets scanned (evidence)' || text === 'Dashboards published (evidence)'),
      [
        ['Secrets scanned (evidence)', EVIDENCE.accessReview, true],
        ['Dashboards published (evidence)', EVIDENCE.tls, true],
      ],
    );
  });

  it('Remove broken link removes exactly the link', async () => {
    await waitFor('evidence-broken before', () => diagnosticsOn('Backup restore tested', 'evidence-broken').length === 1);
    await run(await action('Backup restore tested', 'Remove broken link'));
    assert.equal(
      document.getText(),
      replaceOnce(CHECKLIST_TEXT, '- [x] Backup restore tested ([evidence](evidence/missing.md))\n', '- [x] Backup restore tested\n'),
    );
    await waitFor('evidence-broken gone', () => readinessDiagnostics(CHECKLIST, 'evidence-broken').length === 0);
  });

  it('Re-link evidence… replaces the broken destination', async () => {
    assert.equal(await run(await action('Backup restore tested', 'Re-link evidence…'), EVIDENCE.access), 'applied');
    assert.equal(document.getText(), replaceOnce(CHECKLIST_TEXT, '([evidence](evidence/missing.md))', '([evidence](evidence/access.md))'));
    await waitFor('evidence-broken gone', () => readinessDiagnostics(CHECKLIST, 'evidence-broken').length === 0);
  });

  it('Repair mis-decoded text repairs one run; source.fixAll.readiness repairs every run', async () => {
    await waitFor('mojibake diagnostics', () => readinessDiagnostics(CHECKLIST, 'mojibake').length === 2);
    await run(await action('Monitoring set up', 'Repair mis-decoded text'));
    assert.equal(document.getText(), replaceOnce(CHECKLIST_TEXT, `Monitoring set up ${MOJIBAKE}`, 'Monitoring set up ✅'));
    await waitFor('one mojibake diagnostic left', () => readinessDiagnostics(CHECKLIST, 'mojibake').length === 1);

    const fixAll = await actionsAt('Dashboards published', FIX_ALL_KIND.value);
    assert.deepEqual(titles(fixAll), ['Repair all mis-decoded text']);
    await run(fixAll[0] as vscode.CodeAction);
    assert.equal(document.getText(), CHECKLIST_TEXT.replaceAll(MOJIBAKE, '✅'));
    assert.deepEqual(titles(await actionsAt('Dashboards published', FIX_ALL_KIND.value, true)), [], 'nothing left to fix');
  });

  it('Convert to checklist item and Convert section to checklist add the box after the list marker', async () => {
    await run(await action('On-call rotation', 'Convert to checklist item'));
    assert.equal(document.getText(), replaceOnce(CHECKLIST_TEXT, '- **On-call rotation**', '- [ ] **On-call rotation**'));
    await waitFor('the converted item tracked as open', async () => {
      const state = await api.store.get(CHECKLIST);
      return state && allItems(state.analysis.checklist).find((i) => i.text.startsWith('On-call rotation'))?.state === 'open';
    });
    await restoreFile(api, CHECKLIST, CHECKLIST_TEXT);
    document = await vscode.workspace.openTextDocument(CHECKLIST);
    await run(await action('Escalation policy', 'Convert section to checklist'));
    assert.equal(
      document.getText(),
      replaceOnce(replaceOnce(CHECKLIST_TEXT, '- **On-call', '- [ ] **On-call'), '- **Escalation', '- [ ] **Escalation'),
    );
  });

  it('Mark as done is disabled with a reason while required evidence is missing, and ticks otherwise', async () => {
    const provider = new ReadinessCodeActionProvider(api.store);
    const context: vscode.CodeActionContext = {
      diagnostics: readinessDiagnostics(CHECKLIST),
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    };
    const secrets = await provider.provideCodeActions(document, lineRange(document, 'Secrets scanned', true), context);
    const done = secrets.find((a) => a.title === 'Mark as done');
    assert.ok(done?.disabled, 'Mark as done is not disabled');
    assert.match(done.disabled.reason, /evidence is required/i);
    // VS Code leaves disabled actions out of what it returns to callers.
    assert.ok(!titles(await actionsAt('Secrets scanned')).includes('Mark as done'));

    const tls = await provider.provideCodeActions(document, lineRange(document, 'TLS scan', true), context);
    assert.equal(tls.find((a) => a.title === 'Mark as done')?.disabled, undefined);
    assert.equal(await run(await action('TLS scan', 'Mark as done')), 'applied');
    assert.equal(document.getText(), replaceOnce(CHECKLIST_TEXT, '- [ ] TLS scan', '- [x] TLS scan'));
  });

  it('attaches the diagnostics each quick fix fixes and marks the preferred fix', async () => {
    await waitFor(
      'diagnostics of the backup item',
      () =>
        diagnosticsOn('Backup restore tested', 'evidence-broken').length === 1 &&
        diagnosticsOn('Backup restore tested', 'evidence-missing').length === 1,
    );
    const provider = new ReadinessCodeActionProvider(api.store);
    const context: vscode.CodeActionContext = {
      diagnostics: readinessDiagnostics(CHECKLIST),
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Invoke,
    };
    const actions = await provider.provideCodeActions(document, lineRange(document, 'Backup restore tested', true), context);
    const summary = actions.map((a) => [
      a.title,
      (a.diagnostics ?? []).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
      a.isPreferred === true,
    ]);
    assert.deepEqual(summary, [
      ['Link evidence file…', ['evidence-missing'], true],
      ['Create evidence file…', ['evidence-missing'], false],
      ['Re-link evidence…', ['evidence-broken'], true],
      ['Remove broken link', ['evidence-broken'], false],
    ]);
    for (const a of actions) assert.ok(a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
  });

  it('cancelling the quick pick or the input box changes nothing', async () => {
    const ref = { uri: CHECKLIST, itemId: await itemId('Access review done') };
    for (const command of ['readiness.linkEvidence', 'readiness.createEvidence']) {
      let settled = false;
      const result = Promise.resolve(vscode.commands.executeCommand(command, ref)).finally(() => (settled = true));
      await waitFor(`${command} to be cancelled`, async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        return settled;
      });
      assert.equal(await result, 'cancelled');
    }
    assert.equal(document.getText(), CHECKLIST_TEXT);
    assert.equal(await readDisk(CHECKLIST), CHECKLIST_TEXT);
    const files = await vscode.workspace.fs.readDirectory(workspaceUri(`${FOLDER}/evidence`));
    assert.deepEqual(files.map(([name]) => name).sort(), ['access review.md', 'access.md', 'tls-report.md']);
  });

  describe('evidence commands', () => {
    async function ref(text: string) {
      const state = await waitFor('suite analysis', () => api.store.get(CHECKLIST));
      const item = allItems(state.analysis.checklist).find((i) => i.text === text);
      assert.ok(item, `no item "${text}"`);
      return { kind: 'item' as const, uri: CHECKLIST, itemId: item.id };
    }
    const activePath = () => vscode.window.activeTextEditor?.document.uri.path;

    it('createEvidence writes a stub in evidence.dir, links it, opens it, and never overwrites a file', async () => {
      const created = workspaceUri(`${FOLDER}/evidence/canary proof.md`);
      try {
        assert.equal(
          await vscode.commands.executeCommand('readiness.createEvidence', await ref('Canary ready (runbook)'), 'canary proof'),
          'applied',
        );
        const stub = await readDisk(created);
        assert.match(stub, /^# Evidence: Canary ready\n/);
        assert.match(stub, /\[services\/code-actions-suite\/PRODUCTION_READINESS\.md\]\(\.\.\/PRODUCTION_READINESS\.md\)/);
        assert.equal(activePath(), created.path);
        const checklist = vscode.workspace.textDocuments.find((d) => d.uri.toString() === CHECKLIST.toString());
        assert.equal(
          checklist?.getText(),
          replaceOnce(CHECKLIST_TEXT, 'rollback.md))\n', 'rollback.md)) ([evidence](evidence/canary%20proof.md))\n'),
        );

        const before = await readDisk(workspaceUri(EVIDENCE.access));
        assert.equal(
          await vscode.commands.executeCommand('readiness.createEvidence', await ref('TLS scan (evidence)'), 'access.md'),
          'invalid',
        );
        assert.equal(await readDisk(workspaceUri(EVIDENCE.access)), before);
      } finally {
        await vscode.workspace.fs.delete(created, { useTrash: false }).then(undefined, () => undefined);
      }
    });

    it('openEvidence and openRunbook open the linked file; missing and outside links are refused', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      const opened = await vscode.commands.executeCommand<vscode.Uri>('readiness.openEvidence', await ref('TLS scan (evidence)'));
      assert.equal(opened?.path, workspaceUri(EVIDENCE.tls).path);
      await waitFor('the evidence editor', () => activePath() === workspaceUri(EVIDENCE.tls).path);

      const runbook = await vscode.commands.executeCommand<vscode.Uri>('readiness.openRunbook', await ref('Canary ready (runbook)'));
      assert.equal(runbook?.path, workspaceUri('docs/runbooks/rollback.md').path);
      await waitFor('the runbook editor', () => activePath() === runbook.path);

      assert.equal(
        await vscode.commands.executeCommand('readiness.openEvidence', await ref('Backup restore tested (evidence)')),
        undefined,
      );
      assert.equal(await vscode.commands.executeCommand('readiness.openEvidence', await ref('Vendor report (evidence)')), undefined);
      assert.equal(activePath(), runbook.path, 'a refused link opened an editor');

      // Two existing files: a quick pick, in link order.
      let settled = false;
      const picked = Promise.resolve(
        vscode.commands.executeCommand<vscode.Uri>('readiness.openEvidence', await ref('Audit trail kept (log, scan)')),
      ).finally(() => (settled = true));
      await waitFor('the first evidence file picked', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      });
      assert.equal((await picked)?.path, workspaceUri(EVIDENCE.access).path);
      await waitFor('the picked evidence editor', () => activePath() === workspaceUri(EVIDENCE.access).path);
    });

    it('the file quick pick offers the evidence folder first', async () => {
      const item = await ref('Canary ready (runbook)');
      let settled = false;
      const result = Promise.resolve(vscode.commands.executeCommand('readiness.linkEvidence', item)).finally(() => (settled = true));
      await waitFor('the first file picked', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        return settled;
      });
      assert.equal(await result, 'applied');
      assert.equal(
        await readDisk(CHECKLIST),
        replaceOnce(CHECKLIST_TEXT, 'rollback.md))\n', 'rollback.md)) ([evidence](evidence/access%20review.md))\n'),
      );
    });
  });
});
