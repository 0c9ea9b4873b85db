import * as vscode from 'vscode';
import { buildReport, type ReadinessReport, type ReportSource } from '../core/report/jsonReport';
import type { ChecklistStore } from './checklistStore';

/**
 * The workspace's report, as `readiness check` would build it at the workspace root: config files
 * with problems first, then every checklist by path. Paths are workspace-relative (prefixed with
 * the folder's name in a multi-root workspace).
 */
export async function workspaceReport(store: ChecklistStore): Promise<ReadinessReport> {
  const [states, configs] = await Promise.all([store.all(), store.configStates()]);
  const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  const path = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, multiRoot);
  const configSources: ReportSource[] = configs
    .filter((c) => c.result.findings.length > 0)
    .map((c) => ({ path: path(c.uri), analysis: { checklist: null, findings: c.result.findings } }));
  const checklistSources: ReportSource[] = states.map((s) => {
    // The store may hold a newer analysis than the one `all()` answered with.
    const latest = store.peek(s.uri) ?? s;
    return { path: path(latest.uri), analysis: latest.analysis };
  });
  const byPath = (a: ReportSource, b: ReportSource) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return buildReport([...configSources.sort(byPath), ...checklistSources.sort(byPath)]);
}
