import * as vscode from 'vscode';
import { type Finding, ruleDocsUrl, type Severity } from '../core';
import type { ChecklistStore } from './checklistStore';
import { logFailure, type Log } from './log';
import { spanRange } from './ranges';

/** The `source` of every diagnostic this extension publishes. */
export const DIAGNOSTIC_SOURCE = 'readiness';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/**
 * Publishes the findings of every checklist of the workspace, open or not, and the problems of
 * every `.readiness.yml`, in one `readiness` diagnostic collection. The store re-analyses on
 * edits, saves, config and settings changes and evidence files appearing or disappearing; this
 * only mirrors its results, dropping the diagnostics of files that are no longer checklists.
 */
export function registerDiagnostics(store: ChecklistStore, log: Log): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  let published = new Set<string>();
  let generation = 0;
  let disposed = false;

  const refreshAll = async (): Promise<void> => {
    const current = ++generation;
    const [states, configs] = await Promise.all([store.all(), store.configStates()]);
    // A later refresh started meanwhile: it knows better.
    if (current !== generation || disposed) return;
    const next = new Map<string, [vscode.Uri, vscode.Diagnostic[]]>();
    for (const state of states) {
      // The store may hold a newer analysis than the one `all()` answered with.
      const latest = store.peek(state.uri) ?? state;
      next.set(state.uri.toString(), [state.uri, findingDiagnostics(latest.analysis.findings)]);
    }
    for (const config of configs) next.set(config.uri.toString(), [config.uri, findingDiagnostics(config.result.findings)]);
    for (const key of published) if (!next.has(key)) collection.delete(vscode.Uri.parse(key));
    collection.set([...next.values()]);
    published = new Set(next.keys());
  };

  const refreshOne = (uri: vscode.Uri): void => {
    // Only checklists: anything may ask the store to analyse a file that is not one.
    if (disposed || !store.isChecklist(uri)) return;
    const state = store.peek(uri);
    if (state) {
      collection.set(uri, findingDiagnostics(state.analysis.findings));
      published.add(uri.toString());
    } else {
      collection.delete(uri);
      published.delete(uri.toString());
    }
  };

  // An event handler must never throw: failures go to the output channel.
  const failed = (error: unknown) => logFailure(log, 'updating diagnostics failed', error);

  const refresh = (uri: vscode.Uri | undefined): void => {
    try {
      if (uri) refreshOne(uri);
      else void refreshAll().catch(failed);
    } catch (error) {
      failed(error);
    }
  };

  const subscription = store.onDidChange(refresh);
  refresh(undefined);
  return new vscode.Disposable(() => {
    disposed = true;
    subscription.dispose();
    collection.dispose();
  });
}

/** Diagnostics for findings located in one file's analysed text. */
export function findingDiagnostics(findings: readonly Finding[]): vscode.Diagnostic[] {
  return findings.map((finding) => {
    const diagnostic = new vscode.Diagnostic(spanRange(finding.span), finding.message, SEVERITIES[finding.severity]);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = { value: finding.rule, target: vscode.Uri.parse(ruleDocsUrl(finding.rule)) };
    return diagnostic;
  });
}

/** The rule id of a diagnostic this extension published, else undefined. */
export function diagnosticRule(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}
