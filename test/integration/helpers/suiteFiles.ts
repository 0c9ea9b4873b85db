// Files a suite writes into the workspace copy for itself (a folder with its own .readiness.yml,
// so editing that config touches no other suite), the readiness diagnostics of a file, and
// putting an edited checklist back.
import * as vscode from 'vscode';
import type { ReadinessApi } from '../../../src/vscode/extension';
import { readDisk, waitFor, workspaceUri } from './extension';

/** Writes workspace files (workspace-relative POSIX path → text) through `vscode.workspace.fs`. */
export async function writeWorkspaceFiles(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(workspaceUri(path), new TextEncoder().encode(text));
}

/**
 * Deletes a suite's files one by one, then its folder: the store forgets a checklist when it
 * sees the checklist's own delete event, which a folder deletion may not produce.
 */
export async function removeWorkspaceFiles(folder: string, files: readonly string[]): Promise<void> {
  for (const path of files) await vscode.workspace.fs.delete(workspaceUri(path), { useTrash: false }).then(undefined, () => undefined);
  await vscode.workspace.fs.delete(workspaceUri(folder), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** The `readiness` diagnostics of a file, optionally of one rule only. */
export function readinessDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'readiness' && (rule === undefined || (typeof d.code === 'object' && d.code.value === rule)));
}

/** Waits until the store knows a checklist and analyses it under the expected config file. */
export async function waitForChecklist(api: ReadinessApi, uri: vscode.Uri, config: vscode.Uri): Promise<void> {
  await waitFor(`${uri.path} analysed under ${config.path}`, async () => {
    const known = (await api.store.checklistUris()).some((u) => u.toString() === uri.toString());
    return known && (await api.store.get(uri))?.configUri?.toString() === config.toString();
  });
}

/**
 * Puts a file back to `text`: the open document (if any) is edited back and saved, so closing
 * editors never asks to save; the disk is rewritten; then waits until the store has read it.
 */
export async function restoreFile(api: ReadinessApi, uri: vscode.Uri, text: string): Promise<void> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (document && document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }
  if (document?.isDirty) await document.save();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if ((await readDisk(uri)) !== text) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await waitFor(`${uri.path} re-read by the store`, async () => {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && open.getText() !== text) throw new Error(`the open document differs (dirty: ${open.isDirty})`);
    const state = await api.store.get(uri);
    if (state?.text !== text) throw new Error(`the store has ${state ? JSON.stringify(state.text) : 'no state'}`);
    return true;
  });
}
