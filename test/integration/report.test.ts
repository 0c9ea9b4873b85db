// "Readiness: Open Report" and "Readiness: Export Report…": the webview's HTML (strict CSP, no
// scripts, every checklist), its refresh when a checklist appears or goes, and each export format.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ReadinessReport } from '../../src/core/report/jsonReport';
import type { ReadinessApi } from '../../src/vscode/extension';
import { activateExtension, reportTabs, waitFor } from './helpers/extension';
import { removeWorkspaceFiles, writeWorkspaceFiles } from './helpers/suiteFiles';

const FOLDER = `tmp-report-${Date.now()}`;
const PROBE = `${FOLDER}/PRODUCTION_READINESS.md`;

describe('readiness report view', () => {
  let api: ReadinessApi;
  const exportDir = mkdtempSync(join(tmpdir(), 'readiness-export-'));

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    await removeWorkspaceFiles(FOLDER, [PROBE]);
    await vscode.window.tabGroups.close(reportTabs());
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('opens a webview with the report under a CSP that allows only its own stylesheet', async () => {
    const html = await vscode.commands.executeCommand<string>('readiness.openReport');
    assert.equal(typeof html, 'string');
    assert.equal(api.reportHtml(), html, 'the API shows what the panel shows');
    await waitFor('the report tab', () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      if (reportTabs().length !== 1)
        throw new Error(
          `tabs: ${tabs.map((t) => `${t.label} ${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}`).join(', ')}`,
        );
      return true;
    });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
    const nonce = /^default-src 'none'; style-src 'nonce-([0-9a-f]{32})'; img-src data:$/.exec(csp ?? '')?.[1];
    assert.ok(nonce, `CSP: ${csp}`);
    assert.equal((html.match(/<style\b[^>]*>/g) ?? []).join(), `<style nonce="${nonce}">`);
    assert.doesNotMatch(html, /<script|\son\w+=|\sstyle="|<link|<img|<iframe/i);
    for (const path of ['PRODUCTION_READINESS.md', 'checklists/status.md', 'services/payments api/PRODUCTION_READINESS.md']) {
      assert.ok(html.includes(`<code>${path}</code>`), `${path} is in the report`);
    }
    assert.match(html, /<h3 id="checklist-\d+">Checkout service: production readiness/, 'checklist titles head their sections');
    assert.match(html, /<section id="critical">\n<h2>Open critical items \(\d+\)<\/h2>/);
    assert.ok(html.includes('services/broken-config/.readiness.yml'), 'config problems are listed');

    const again = await vscode.commands.executeCommand<string>('readiness.openReport');
    assert.equal(reportTabs().length, 1, 'opening again reveals the same panel');
    assert.notEqual(/nonce-([0-9a-f]+)/.exec(again)?.[1], nonce, 'each render gets a fresh nonce');
  });

  it('links each place to its file and line through the one command the panel may run', async () => {
    const html = (await vscode.commands.executeCommand<string>('readiness.openReport'))!;
    const links = [...html.matchAll(/<a class="place" href="command:([\w.]+)\?([^"]+)"><code>([^<]+)<\/code><\/a>/g)];
    assert.ok(links.length > 0, 'places are command links');
    assert.deepEqual([...new Set(links.map((m) => m[1]))], ['readiness.openLocation']);
    // The first open critical item's row: its place (e.g. "PRODUCTION_READINESS.md:14") opens that file at that line, on the item.
    const section = /<section id="critical">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const row = /<tr><td>([^<]+)<\/td>.*?<a class="place" href="command:readiness\.openLocation\?([^"]+)"><code>([^<]+):(\d+)<\/code>/.exec(
      section,
    );
    assert.ok(row, 'an open critical item with a place');
    const [, label, args, path, lineText] = row;
    const [uri, line] = JSON.parse(decodeURIComponent(args.replace(/&amp;/g, '&'))) as [string, number];
    assert.equal(line, Number(lineText));
    const folder = vscode.workspace.workspaceFolders![0].uri;
    assert.equal(uri, vscode.Uri.joinPath(folder, path).toString());
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('readiness.openLocation', uri, line);
    assert.equal(editor.document.uri.toString(), uri);
    assert.equal(editor.selection.active.line, line - 1);
    const firstWord = label
      .replace(/&[a-z#0-9]+;/g, ' ')
      .trim()
      .split(/\s+/)[0];
    assert.ok(editor.document.lineAt(line - 1).text.includes(firstWord), `line ${line} holds "${label}"`);
    // Nothing outside the workspace opens through it.
    const outside = vscode.Uri.file(join(exportDir, 'outside.md')).toString();
    assert.equal(await vscode.commands.executeCommand('readiness.openLocation', outside, 1), undefined);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('follows the store: a new checklist appears in the open report, and goes when deleted', async () => {
    await writeWorkspaceFiles({ [PROBE]: '# Report refresh probe\n\n## Launch\n\n- [ ] Probe item (critical) @probe\n' });
    await vscode.commands.executeCommand('readiness.refresh');
    // Discovery (a workspace file search) and file events take seconds on a loaded 2-core machine.
    await waitFor('the report to show the new checklist', () => api.reportHtml()?.includes('Report refresh probe'), 30_000);
    assert.match(api.reportHtml()!, /<td>Probe item<\/td><td><span class="state state-open">open<\/span><\/td><td>@probe<\/td>/);
    await removeWorkspaceFiles(FOLDER, [PROBE]);
    await waitFor('the report to drop the deleted checklist', () => api.reportHtml()?.includes('Report refresh probe') === false, 30_000);
  });

  it('exports HTML, Markdown, JSON and SARIF to the given file', async () => {
    const target = (name: string) => vscode.Uri.file(join(exportDir, name));
    const written = async (name: string, format: string) => {
      const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('readiness.exportReport', target(name), format);
      assert.equal(uri?.fsPath, target(name).fsPath, `${format} written`);
      return readFileSync(target(name).fsPath, 'utf8');
    };
    const html = await written('report.html', 'html');
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.ok(
      html.includes(`content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:"`),
      'a standalone policy, no webview nonce',
    );
    // Places link to their files relative to the page: from the export folder to the workspace.
    const href = /<a class="place" href="([^"]+)"><code>PRODUCTION_READINESS\.md:(\d+)<\/code>/.exec(html);
    assert.ok(href, 'places link in the exported page');
    const resolved = new URL(href[1].replace(/&amp;/g, '&'), vscode.Uri.file(join(exportDir, 'report.html')).toString());
    assert.equal(
      vscode.Uri.parse(resolved.toString()).fsPath,
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'PRODUCTION_READINESS.md').fsPath,
    );
    assert.equal(resolved.hash, `#L${href[2]}`);
    assert.match(await written('summary.md', 'markdown'), /^## Production readiness: \d+% done\n/);
    const json = JSON.parse(await written('report.json', 'json')) as ReadinessReport;
    assert.equal(json.version, 1);
    assert.ok(json.files.some((f) => f.path === 'services/payments api/PRODUCTION_READINESS.md'));
    const sarif = JSON.parse(await written('report.sarif', 'sarif')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(
      sarif.runs[0].results.some(
        (r) => r.ruleId === 'critical-open' && r.locations[0].physicalLocation.artifactLocation.uri === 'PRODUCTION_READINESS.md',
      ),
    );
  });
});
