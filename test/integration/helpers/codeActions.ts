import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './extension';

/** What `vscode.executeCodeActionProvider` answers: code actions, or bare commands. */
export type Action = vscode.CodeAction | vscode.Command;

/**
 * The code actions VS Code returns for `range`, asked again until `accept` takes them (it returns
 * what the caller wants, or undefined to ask again). VS Code cancels a request when the document
 * model changes meanwhile (a reload from disk), and a cancelled request throws or answers nothing.
 */
export function codeActionsUntil<T>(
  what: string,
  uri: vscode.Uri,
  range: vscode.Range,
  accept: (actions: Action[]) => T | undefined,
  kind?: string,
): Promise<T> {
  return waitFor(what, async () => {
    try {
      const actions = await vscode.commands.executeCommand<Action[]>('vscode.executeCodeActionProvider', uri, range, kind);
      return accept(actions);
    } catch (error) {
      if (error instanceof Error && error.name === 'Canceled') return undefined;
      throw error;
    }
  });
}

/** The code actions at `range`, once some of them have a title in `ours` (or at once, with `expectNone`). */
export function codeActionsWithAny(
  what: string,
  uri: vscode.Uri,
  range: vscode.Range,
  ours: ReadonlySet<string>,
  kind?: string,
  expectNone = false,
): Promise<Action[]> {
  return codeActionsUntil(
    what,
    uri,
    range,
    (actions) => (expectNone || actions.some((a) => ours.has(a.title)) ? actions : undefined),
    kind,
  );
}

/** The range of the first line of `document` that is `needle` (or, with `partial`, that contains it). */
export function lineRange(document: vscode.TextDocument, needle: string, partial = false): vscode.Range {
  const line = document
    .getText()
    .split(/\r?\n/)
    .findIndex((l) => (partial ? l.includes(needle) : l === needle));
  assert.ok(line >= 0, `no line ${partial ? 'with ' : ''}${JSON.stringify(needle)}`);
  return document.lineAt(line).range;
}
