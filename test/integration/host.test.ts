// Proves the harness: the tests run inside a real VS Code extension host, on the fixture workspace.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

describe('integration host', () => {
  it('is a real VS Code, 1.90 or later', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const minor = Number(vscode.version.split('.')[1]);
    assert.ok(minor >= 90, `VS Code ${vscode.version} is older than 1.90`);
  });

  it('has the copied fixture workspace open', () => {
    const expected = process.env.READINESS_TEST_WORKSPACE;
    assert.ok(expected, 'READINESS_TEST_WORKSPACE is not set');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1, `expected one workspace folder, got ${folders.map((f) => f.uri.toString()).join(', ')}`);
    assert.equal(folders[0].uri.scheme, 'file');
    assert.equal(folders[0].uri.fsPath, expected);
  });

  it('reads the fixture README.md through vscode.workspace.fs', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, 'README.md'));
    const text = new TextDecoder().decode(bytes);
    assert.ok(text.length > 0, 'README.md is empty');
    assert.equal(text, readFileSync(join(folder.uri.fsPath, 'README.md'), 'utf8'));
  });
});
