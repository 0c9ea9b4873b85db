import * as vscode from 'vscode';
import { findItem, type ReadinessItem, refusesDone, setState, type SettableState, StaleModelError, type TextEdit } from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { offsetRange } from './ranges';
import { readSettings } from './settings';

/** Outcome of an item edit, for callers and tests. */
export type EditResult = 'applied' | 'unchanged' | 'stale' | 'failed' | 'missing';

/** Outcome of setting an item's state: an edit's, or refused by the evidence policy. */
export type TickResult = EditResult | 'refused';

/**
 * Computes an edit of one item from an analysis of the checklist document's current version and
 * applies it as one `WorkspaceEdit` (one undo step); recomputed once if the document changed
 * meanwhile (or `compute` throws `StaleModelError`), else refused with a message. Saves
 * afterwards when the document was not dirty before and `readiness.saveAfterTick` is on. Never
 * writes through the file system. `compute` returning null means there is nothing to change.
 */
export async function editItem(
  store: ChecklistStore,
  uri: vscode.Uri,
  itemId: string,
  compute: (state: ChecklistState, item: ReadinessItem) => TextEdit | null,
): Promise<EditResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  for (let attempt = 0; attempt < 2; attempt++) {
    const wasDirty = document.isDirty;
    const version = document.version;
    const analysed = await store.get(uri);
    if (!analysed) return 'missing';
    if (analysed.version !== version) continue;
    const item = findItem(analysed.analysis.checklist, itemId);
    if (!item) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The checklist item no longer exists: {0}', itemId));
      return 'missing';
    }
    let edit: TextEdit | null;
    try {
      edit = compute(analysed, item);
    } catch (error) {
      if (error instanceof StaleModelError) continue;
      throw error;
    }
    if (!edit) return 'unchanged';
    if (document.version !== version) continue;
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.replace(uri, offsetRange(document, edit), edit.newText);
    const applied = await vscode.workspace.applyEdit(workspaceEdit);
    // VS Code refuses an edit computed against a document version that changed meanwhile.
    if (!applied && document.version !== version) continue;
    if (!applied) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not update "{0}": VS Code refused the edit. The view was refreshed.', item.label),
      );
      store.reset();
      return 'failed';
    }
    if (!wasDirty && readSettings(uri).saveAfterTick) await document.save();
    await store.get(uri);
    return 'applied';
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('The checklist changed while it was being updated; nothing was changed. Try again.'));
  return 'stale';
}

/**
 * Sets an item's state by editing exactly its status marker (core `setState`), see `editItem`.
 * Marking done is refused (`'refused'`, nothing edited) while the evidence policy (core
 * `refusesDone`, on the same analysis the edit would come from) finds required evidence missing;
 * the message offers to link an evidence file.
 */
export async function setItemState(store: ChecklistStore, uri: vscode.Uri, itemId: string, state: SettableState): Promise<TickResult> {
  let refused: ReadinessItem | undefined;
  const result = await editItem(store, uri, itemId, (analysed, item) => {
    refused = refusesDone(analysed.analysis.config, item, state) ? item : undefined;
    return refused ? null : setState(analysed.text, analysed.analysis.checklist, item, state);
  });
  if (result !== 'unchanged' || !refused) return result;
  showEvidenceRefusal(uri, refused);
  return 'refused';
}

/** The evidence policy's refusal, with the way out: link an evidence file to the item. */
export function showEvidenceRefusal(uri: vscode.Uri, item: ReadinessItem): void {
  const link = vscode.l10n.t('Link Evidence File…');
  void vscode.window.showWarningMessage(evidenceRefusalText(item), link).then((choice) => {
    if (choice === link) void vscode.commands.executeCommand('readiness.linkEvidence', { uri, itemId: item.id });
  });
}

/** The evidence policy's refusal in the display language (the core's `EVIDENCE_REFUSAL`). */
export function evidenceRefusalText(item: ReadinessItem): string {
  return vscode.l10n.t('Evidence is required before "{0}" can be marked done: link an existing evidence file first.', item.label);
}
