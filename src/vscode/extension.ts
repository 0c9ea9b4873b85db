import * as vscode from 'vscode';
import { ChecklistStore } from './checklistStore';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { registerCreateChecklist } from './createChecklist';
import { registerDiagnostics } from './diagnostics';
import { registerEvidenceCommands } from './evidence';
import { registerHover } from './hover';
import { registerStatusBar, type StatusBarSnapshot } from './statusBar';
import { ReadinessTreeProvider, registerTreeView } from './treeView';

/** What the extension returns from `activate`, for tests and other extensions. */
export interface ReadinessApi {
  store: ChecklistStore;
  tree: ReadinessTreeProvider;
  /** Milliseconds `activate` took. */
  activationMs: number;
  /** What the readiness status bar item shows right now. */
  statusBar(): StatusBarSnapshot;
}

/** Wires the features; nothing is parsed until a view, provider or command asks. */
export function activate(context: vscode.ExtensionContext): ReadinessApi {
  const started = performance.now();
  const store = new ChecklistStore();
  const tree = new ReadinessTreeProvider(store);
  const statusBar = registerStatusBar(store);
  context.subscriptions.push(
    store,
    registerTreeView(store, tree),
    registerCommands(store, tree),
    registerEvidenceCommands(store),
    registerDiagnostics(store),
    registerCodeActions(store),
    registerHover(store),
    registerCodeLens(store),
    statusBar,
    registerCreateChecklist(store),
  );
  return { store, tree, activationMs: performance.now() - started, statusBar: () => statusBar.snapshot() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
