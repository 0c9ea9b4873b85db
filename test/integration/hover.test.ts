// Hovers on checklist items and on their links, as VS Code's hover API returns them: state,
// owner, due, category progress, clickable links built from resolved workspace paths, a runbook
// preview, and document text that stays inert (no command links, no HTML).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, workspaceFolder, workspaceUri } from './helpers/extension';

const HOVER = 'checklists/hover.md';
const STATUS = 'checklists/status.md';

/** Our hover at a position (other providers' hovers are ignored). */
async function hoverAt(
  path: string,
  line: number,
  text: string,
): Promise<{ hover: vscode.Hover; md: vscode.MarkdownString; plain: string }> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(path));
  const character = document.lineAt(line).text.indexOf(text);
  assert.ok(character >= 0, `"${text}" is not on line ${line + 1} of ${path}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    new vscode.Position(line, character + 1),
  );
  for (const hover of hovers) {
    for (const content of hover.contents) {
      if (content instanceof vscode.MarkdownString && /State|Evidence|Runbook/.test(content.value)) {
        return { hover, md: content, plain: content.value.replace(/\\(.)/g, '$1').replace(/&nbsp;/g, ' ') };
      }
    }
  }
  assert.fail(`no readiness hover at ${path}:${line + 1} "${text}" among ${JSON.stringify(hovers.map((h) => h.contents))}`);
}

describe('readiness hover', () => {
  before(async () => {
    await activateExtension();
  });

  it('shows state, criticality, owner, due, category progress, a resolved runbook link and its preview on an item', async () => {
    const { hover, md, plain } = await hoverAt(HOVER, 4, 'Rollback');
    // The title is the item's clean label: owner and due date have their own lines, "(runbook)" its link.
    assert.match(plain, /\*\*Rollback rehearsed\*\*/);
    assert.match(plain, /State: open · critical/);
    assert.match(plain, /Owner: @sre/);
    assert.match(plain, /Due: 2030-06-30 {2}\n/, 'not overdue');
    assert.match(plain, /Category: Reliability — 1\/3 · 33% · 1 critical/);
    const runbook = workspaceUri('docs/runbooks/rollback.md').toString();
    assert.ok(md.value.includes(`](${runbook})`), `the runbook link targets ${runbook}: ${md.value}`);
    assert.ok(!md.value.includes('](../docs'), 'the destination as written is never linked');
    assert.match(plain, /Runbook: \[docs\/runbooks\/rollback\.md\]\([^)]+\) \(exists\)/);
    assert.match(plain, /Runbook preview: docs\/runbooks\/rollback\.md/);
    assert.match(plain, /\*\*Rolling back a release\*\*/);
    assert.match(
      plain,
      /1\. Freeze deploys in the pipeline\. {2}\n2\. Redeploy the previous image tag\. {2}\n3\. Watch the error-rate dashboard for 15 minutes\./,
    );
    assert.equal(md.isTrusted, false);
    assert.equal(md.supportHtml, false);
    const document = await vscode.workspace.openTextDocument(workspaceUri(HOVER));
    assert.ok(hover.range, 'the hover has a range');
    assert.deepEqual(
      [hover.range.start.line, hover.range.start.character, hover.range.end.line, hover.range.end.character],
      [4, 0, 4, document.lineAt(4).text.length],
    );
  });

  it('renders a poisoned item inert: no command link, no HTML, the link called outside and not followed', async () => {
    for (const text of ['Poisoned', 'sendSequence', 'img src']) {
      const { md, plain } = await hoverAt(HOVER, 6, text);
      assert.ok(!md.value.includes('command:'), `a command link survived: ${md.value}`);
      assert.ok(!/<img|onerror=/i.test(md.value), `HTML survived: ${md.value}`);
      assert.ok(
        !new RegExp(`\\]\\((?!${workspaceFolder().uri.scheme}:)`).test(md.value),
        `a link other than a workspace file: ${md.value}`,
      );
      assert.equal(md.isTrusted, false);
      assert.equal(md.supportHtml, false);
      assert.match(plain, /outside the workspace, not followed/);
    }
  });

  it('says whether a hovered link exists, and the range is the link', async () => {
    const missing = await hoverAt(STATUS, 5, 'evidence');
    // The workspace's own scheme: file: on disk, vscode-remote: in the web worker (code-server).
    const scheme = workspaceFolder().uri.scheme;
    assert.match(missing.plain, new RegExp(`^Evidence: \\[docs/evidence/missing-release-notes\\.md\\]\\(${scheme}:[^)]+\\) \\(missing\\)`));
    assert.ok(!/State:/.test(missing.plain), 'a link hover is about the link only');
    const line = (await vscode.workspace.openTextDocument(workspaceUri(STATUS))).lineAt(5).text;
    assert.equal(missing.hover.range?.start.character, line.indexOf('[evidence]'));
    assert.equal(missing.hover.range?.end.character, line.indexOf('.md)') + 4);
    const existing = await hoverAt(HOVER, 5, 'evidence');
    assert.match(existing.plain, new RegExp(`^Evidence: \\[docs/evidence/capacity\\.md\\]\\(${scheme}:[^)]+\\) \\(exists\\)`));
  });

  it('marks overdue items, missing evidence and outside links on the item hover', async () => {
    const overdue = await hoverAt(STATUS, 4, 'Feature');
    assert.match(overdue.plain, /Due: 2020-01-01 \(overdue\)/);
    assert.match(overdue.plain, /Owner: @web/);
    assert.match(overdue.plain, /State: open · not critical/);
    const done = await hoverAt(STATUS, 5, 'Release');
    assert.match(done.plain, /State: done/);
    assert.match(done.plain, /Evidence: .*\(missing\)/);
    const outside = await hoverAt(STATUS, 6, 'Privacy');
    assert.match(outside.plain, /Evidence: \.\.\/\.\.\/outside-the-workspace\.md \(outside the workspace, not followed\)/);
  });
});
