import * as vscode from 'vscode';
import type { ReportSource } from '../core';
import type { ChecklistStore } from './checklistStore';

/** A report source and the file it was read from. */
export interface WorkspaceSource extends ReportSource {
  uri: vscode.Uri;
}

/**
 * What the workspace's report is made of, as `readiness check` would collect it at the workspace
 * root: config files with problems first, then every checklist by path. Paths are
 * workspace-relative (prefixed with the folder's name in a multi-root workspace).
 */
export async function workspaceSources(store: ChecklistStore): Promise<WorkspaceSource[]> {
  const [states, configs] = await Promise.all([store.all(), store.configStates()]);
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const path = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, multiRoot);
  const configSources: WorkspaceSource[] = configs
    .filter((c) => c.result.findings.length > 0)
    .map((c) => ({ path: path(c.uri), uri: c.uri, analysis: { checklist: null, findings: c.result.findings } }));
  const checklistSources: WorkspaceSource[] = states.map((s) => {
    // The store may hold a newer analysis than the one `all()` answered with.
    const latest = store.peek(s.uri) ?? s;
    return { path: path(latest.uri), uri: latest.uri, analysis: latest.analysis };
  });
  const byPath = (a: ReportSource, b: ReportSource) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return [...configSources.sort(byPath), ...checklistSources.sort(byPath)];
}
