import * as vscode from 'vscode';
import type { LinkCheck } from '../core';
import { realPath } from './realPath';

/**
 * Whether a workspace-relative link target exists, through `workspace.fs`. A target reached
 * through a symbolic link is followed only when, on disk, it resolves inside the workspace
 * folder; otherwise (or when that cannot be known, off the local disk or in the web worker, which
 * has no disk to resolve it on) it is `'outside'`.
 */
export async function checkLinkTarget(folder: vscode.WorkspaceFolder, path: string): Promise<LinkCheck> {
  const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(uri);
  } catch {
    return false;
  }
  if ((stat.type & vscode.FileType.SymbolicLink) === 0) return true;
  if (uri.scheme !== 'file' || folder.uri.scheme !== 'file' || !realPath) return 'outside';
  try {
    const [target, root] = await Promise.all([realPath(uri.fsPath), realPath(folder.uri.fsPath)]);
    return target === root || target.startsWith(root.endsWith('/') ? root : `${root}/`) ? true : 'outside';
  } catch {
    return 'outside';
  }
}
