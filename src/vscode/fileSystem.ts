import * as vscode from 'vscode';
import type { FolderWalk } from '../core';

/** True when something exists at the uri (asked through `workspace.fs`, so virtual file systems work). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** True when the uri names a file (not a folder). */
export async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/**
 * Walks from a folder up to `root` (a workspace folder), never above it: a folder that is not
 * inside `root` has no parent.
 */
export function walkUpTo(root: vscode.Uri): FolderWalk<vscode.Uri> {
  const top = root.toString();
  return {
    join: (dir, name) => vscode.Uri.joinPath(dir, name),
    parent: (dir) => {
      const key = dir.toString();
      if (key === top || !key.startsWith(top)) return undefined;
      const parent = vscode.Uri.joinPath(dir, '..');
      return parent.toString() === key ? undefined : parent;
    },
  };
}
