import * as vscode from 'vscode';
import { insertLinkEdit, linkDestination, runbookTarget, runbookText } from '../core';
import type { ChecklistStore } from './checklistStore';
import { exists, isFile } from './fileSystem';
import { type ItemReference, resolveItemTarget } from './itemTarget';
import { editItem } from './ticking';

/** The command that creates (or opens) an item's runbook. */
export const CREATE_RUNBOOK = 'readiness.createRunbook';

/**
 * What `readiness.createRunbook` accepts besides a tree node: an item reference, optionally
 * naming the destination (as written) of the missing runbook link to create.
 */
export interface CreateRunbookArgument extends ItemReference {
  target?: string;
}

/**
 * Outcome of `readiness.createRunbook`: the file was written (and linked when the item linked
 * no runbook), it existed already and was opened (and linked), or nothing could be done.
 */
export type RunbookResult = 'created' | 'opened' | 'invalid' | 'failed';

/**
 * Registers `readiness.createRunbook(item?)`: on the item it is given (tree node or
 * `{uri, itemId, target?}`), else the item under the cursor, writes the runbook from the core's
 * template where `runbookTarget` says — the missing file a runbook link names, else
 * `<first of runbooks.dirs>/<slug>.md`, then linked from the item — and opens it. An existing
 * file is never overwritten: it is opened (and linked) instead.
 */
export function registerCreateRunbook(store: ChecklistStore): vscode.Disposable {
  return vscode.commands.registerCommand(CREATE_RUNBOOK, (arg?: unknown) => createRunbook(store, arg));
}

/** A command link for a hover: runs `readiness.createRunbook` for one link of an item. */
export function createRunbookLink(argument: CreateRunbookArgument): string {
  // Parentheses too (encodeURIComponent keeps them): a `)` in a path would end the Markdown link.
  const args = encodeURIComponent(JSON.stringify([{ ...argument, uri: argument.uri.toString() }])).replace(/[()]/g, (c) =>
    c === '(' ? '%28' : '%29',
  );
  return `[${vscode.l10n.t('Create runbook')}](command:${CREATE_RUNBOOK}?${args})`;
}

/**
 * Shows a message with a "Create runbook" button that runs `readiness.createRunbook` with the
 * argument; not awaited by callers, so a command that shows it returns at once.
 */
export function offerCreateRunbook(message: string, argument: CreateRunbookArgument, warning: boolean): void {
  const create = vscode.l10n.t('Create runbook');
  const shown = warning ? vscode.window.showWarningMessage(message, create) : vscode.window.showInformationMessage(message, create);
  void shown.then((choice) => (choice === create ? vscode.commands.executeCommand(CREATE_RUNBOOK, argument) : undefined));
}

async function createRunbook(store: ChecklistStore, arg: unknown): Promise<RunbookResult | undefined> {
  const target = await resolveItemTarget(store, arg);
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a checklist item, or run this from the Readiness view.'));
    return undefined;
  }
  const { state, item } = target;
  const config = state.analysis.config;
  const place = runbookTarget(item, config, targetOf(arg));
  if (place.kind === 'outside') {
    void vscode.window.showErrorMessage(vscode.l10n.t('The runbook folder "{0}" is not inside the workspace folder.', place.dir));
    return 'invalid';
  }
  const uri = vscode.Uri.joinPath(state.folder.uri, ...place.path.split('/'));
  // Checked right before writing: a file that exists (or appeared meanwhile) is opened, never overwritten.
  let result: RunbookResult = 'opened';
  try {
    if (!(await exists(uri))) {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      if (!(await exists(uri))) {
        const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
        const text = runbookText({ label: item.label, owner: item.owner, checklistPath: state.path, runbookPath: place.path, eol });
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        store.fileCreated(uri);
        result = 'created';
      }
    }
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Could not create {0}: {1}', place.path, error instanceof Error ? error.message : String(error)),
    );
    return 'failed';
  }
  if (!(await isFile(uri))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a file; no runbook was created.', place.path));
    return 'invalid';
  }
  if (place.link) {
    const linked = await editItem(store, state.uri, item.id, (analysed, current) =>
      insertLinkEdit(analysed.text, current, 'runbook', linkDestination(analysed.path, place.path)),
    );
    if (linked !== 'applied') result = 'failed';
  }
  await vscode.window.showTextDocument(uri);
  return result;
}

function targetOf(arg: unknown): string | undefined {
  const value = typeof arg === 'object' && arg !== null ? (arg as CreateRunbookArgument).target : undefined;
  return typeof value === 'string' ? value : undefined;
}
