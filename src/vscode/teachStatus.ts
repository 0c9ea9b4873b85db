import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, type Finding, type SettableState, teachStatus } from '../core';
import type { ChecklistStore } from './checklistStore';

/** What `readiness.teachStatus` takes: the checklist, the status value and the state to count it as. */
export interface TeachStatusArgument {
  uri: vscode.Uri | string;
  status: string;
  state: SettableState;
}

/** Outcome of teaching a status, for callers and tests. */
export type TeachStatusResult = 'applied' | 'refused' | 'failed' | 'invalid';

/** The states a quick fix offers, in the order they are listed. */
export const TEACHABLE_STATES: readonly SettableState[] = ['done', 'open', 'in-progress', 'n/a'];

/** The quick fix title for teaching `status` as `state`. */
export function teachTitle(status: string, state: SettableState): string {
  switch (state) {
    case 'done':
      return vscode.l10n.t('Treat "{0}" as done', status);
    case 'open':
      return vscode.l10n.t('Treat "{0}" as open', status);
    case 'in-progress':
      return vscode.l10n.t('Treat "{0}" as in progress', status);
    default:
      return vscode.l10n.t('Treat "{0}" as n/a', status);
  }
}

/** The `readiness.teachStatus` command arguments for an `unknown-status` finding, one per state. */
export function teachArguments(uri: vscode.Uri, finding: Finding): TeachStatusArgument[] {
  if (finding.rule !== 'unknown-status' || finding.status === undefined) return [];
  return TEACHABLE_STATES.map((state) => ({ uri, status: finding.status!, state }));
}

/**
 * Registers `readiness.teachStatus({ uri, status, state })`: writes `status: state` under
 * `statuses:` in the `.readiness.yml` the checklist uses, or in a new `.readiness.yml` beside the
 * checklist when it uses none. Every other byte of the file is kept; an open editor of the file
 * gets the edit (and is saved), a closed file is written. The store reloads configs on the save.
 */
export function registerTeachStatus(store: ChecklistStore): vscode.Disposable {
  return vscode.commands.registerCommand('readiness.teachStatus', (arg?: unknown) => teach(store, arg));
}

async function teach(store: ChecklistStore, arg: unknown): Promise<TeachStatusResult> {
  const parsed = argumentOf(arg);
  if (!parsed) return 'invalid';
  const { uri, status, state } = parsed;
  const checklist = await store.get(uri);
  const configUri = checklist?.configUri ?? vscode.Uri.joinPath(uri, '..', CONFIG_FILE_NAME);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
  const text = open ? open.getText() : await readText(configUri);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const result = teachStatus(text.slice(bom.length), status, state);
  if ('refused' in result) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Could not add "{0}" to {1}: {2}', status, vscode.workspace.asRelativePath(configUri), result.refused),
    );
    return 'refused';
  }
  const next = bom + result.text;
  try {
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      const { from, to, insert } = changedRange(text, next);
      edit.replace(configUri, new vscode.Range(open.positionAt(from), open.positionAt(to)), insert);
      if (!(await vscode.workspace.applyEdit(edit))) return 'failed';
      await open.save();
    } else {
      await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(next));
    }
  } catch {
    return 'failed';
  }
  return 'applied';
}

/** The file's text; '' when it does not exist (or cannot be read: it is created). */
async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return '';
  }
}

/** The one replacement that turns `before` into `after` (common prefix and suffix left alone). */
export function changedRange(before: string, after: string): { from: number; to: number; insert: string } {
  let from = 0;
  while (from < before.length && from < after.length && before[from] === after[from]) from++;
  let tail = 0;
  while (tail < before.length - from && tail < after.length - from && before[before.length - 1 - tail] === after[after.length - 1 - tail])
    tail++;
  return { from, to: before.length - tail, insert: after.slice(from, after.length - tail) };
}

function argumentOf(arg: unknown): { uri: vscode.Uri; status: string; state: SettableState } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { uri, status, state } = arg as Partial<TeachStatusArgument>;
  if (typeof status !== 'string' || status === '' || !TEACHABLE_STATES.includes(state as SettableState)) return undefined;
  const parsed = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  return parsed ? { uri: parsed, status, state: state as SettableState } : undefined;
}
