// The workspace-wide first scan: one checklist at a time, open editors first, the view filling as
// results arrive and showing its progress. Speed is the bench's business; these are the orders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, waitFor, workspaceUri } from './helpers/extension';
import { removeWorkspaceFiles, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = 'scan-generated';
const COUNT = 60;

/** Ten categories of ten items, every third one ticked. */
function checklist(n: number): string {
  const lines = [`# Service ${n}`, ''];
  for (let c = 1; c <= 10; c++) {
    lines.push(`## Area ${c}`, '');
    for (let i = 1; i <= 10; i++) lines.push(`- [${i % 3 === 0 ? 'x' : ' '}] Check ${c}.${i} of service ${n}`);
    lines.push('');
  }
  return lines.join('\n');
}

const pathOf = (n: number) => `${FOLDER}/${String(n).padStart(2, '0')}/PRODUCTION_READINESS.md`;

describe('first scan', () => {
  let api: ReadinessApi;
  const paths = Array.from({ length: COUNT }, (_, n) => pathOf(n));

  before(async () => {
    api = await activateExtension();
    await writeWorkspaceFiles(Object.fromEntries(paths.map((p, n) => [p, checklist(n)])));
    const last = workspaceUri(paths[COUNT - 1]).toString();
    // The file watcher reports the 60 new files over seconds, each a rediscovery that would start
    // the scan again: wait until it has been quiet for a second.
    let lastEvent = Date.now();
    const events = api.store.onDidChange((uri) => uri === undefined && (lastEvent = Date.now()));
    try {
      await waitFor(
        'the generated checklists discovered and the file events over',
        async () => (await api.store.checklistUris()).some((u) => u.toString() === last) && Date.now() - lastEvent > 1000,
        60_000,
      );
    } finally {
      events.dispose();
    }
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeWorkspaceFiles(FOLDER, paths);
    api.store.reset();
    // Leaves the store scanned and the file events over for the suites after this one.
    let lastEvent = Date.now();
    const events = api.store.onDidChange((uri) => uri === undefined && (lastEvent = Date.now()));
    try {
      await waitFor(
        'the generated checklists gone',
        async () => (await api.store.all()) && api.store.scanned && Date.now() - lastEvent > 1000,
        60_000,
      );
    } finally {
      events.dispose();
    }
  });

  it('lists the first checklist before the last is analysed, open editors first, and shows its progress', async () => {
    // The view had its provider from activation on.
    assert.ok(api.tree.view, 'the Readiness view has no provider');
    // Last in discovery order and as large as the others, so only being open puts it first.
    const opened = workspaceUri(paths[COUNT - 1]);
    await vscode.window.showTextDocument(opened);
    const arrivals: string[] = [];
    const subscription = api.store.onDidChange((uri) => uri && arrivals.push(uri.toString()));
    try {
      api.store.reset();
      const roots = (await api.tree.getChildren()) ?? [];
      const generated = paths.map((p) => workspaceUri(p));
      const analysedWhenListed = generated.filter((u) => api.store.peek(u)).length;
      assert.ok(roots.length > 0, 'the view listed nothing while the scan ran');
      assert.ok(analysedWhenListed < COUNT, 'the view waited for every checklist');
      assert.ok(
        roots.every((n) => n.kind === 'file' && api.store.peek(n.uri)),
        'the view listed a checklist not analysed yet',
      );

      await api.store.scan();
      assert.equal(arrivals[0], opened.toString(), `first analysed: ${arrivals[0]}`);
      for (const uri of generated) assert.ok(arrivals.includes(uri.toString()), `${uri.path} never analysed`);
      const all = (await api.tree.getChildren()) ?? [];
      assert.ok(all.length >= COUNT, `the view lists ${all.length} checklists after the scan`);
    } finally {
      subscription.dispose();
    }

    const messages = api.scanProgress.messages;
    const total = Number(/ of (\d+) checklists$/.exec(messages[0] ?? '')?.[1]);
    assert.ok(total >= COUNT, `first progress message: ${messages[0]}`);
    assert.equal(messages[0], `Analysing 1 of ${total} checklists`);
    // Checklists the file watcher reports late extend the scan, and its total.
    assert.match(messages.at(-1) ?? '', /^Analysing (\d+) of \1 checklists$/);
    assert.equal(api.tree.view?.message, undefined, 'the progress message stayed after the scan');
  });
});
