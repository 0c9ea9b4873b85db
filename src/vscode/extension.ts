import * as vscode from 'vscode';
import { ChecklistStore } from './checklistStore';
import { registerCodeActions } from './codeActions';
import { registerCodeLens } from './codeLens';
import { registerCommands } from './commands';
import { registerCreateChecklist } from './createChecklist';
import { registerCreateRunbook } from './createRunbook';
import { registerDiagnostics } from './diagnostics';
import { registerEvidenceCommands } from './evidence';
import { registerHover } from './hover';
import { createLog, type Log } from './log';
import { registerReportView } from './reportView';
import { registerScanProgress, type ScanProgressRecord } from './scanProgress';
import { registerStatusBar, type StatusBarSnapshot } from './statusBar';
import { registerTasks } from './tasks';
import { registerTeachStatus } from './teachStatus';
import { ReadinessTreeProvider, registerTreeView } from './treeView';
import { registerSignOffs, SignOffs } from './signOff';
import { registerUnlistedChecklists, type UnlistedChecklists } from './unlistedChecklists';

/** What the extension returns from `activate`, for tests and other extensions. */
export interface ReadinessApi {
  store: ChecklistStore;
  tree: ReadinessTreeProvider;
  /** The "Production Readiness" output channel features write failures and timings to. */
  log: Log;
  /** Milliseconds `activate` took. */
  activationMs: number;
  /**
   * Milliseconds from the first statement of the bundle to its last: the evaluation of every
   * module it holds (VS Code's "code loading" less reading and compiling the file); undefined
   * when the bundle was built without the markers (scripts/build.mjs).
   */
  moduleLoadMs: number | undefined;
  /** What the first scan's progress showed. */
  scanProgress: ScanProgressRecord;
  /** What the readiness status bar item shows right now. */
  statusBar(): StatusBarSnapshot;
  /** The HTML the report panel shows, or undefined while it is closed. */
  reportHtml(): string | undefined;
  /** Markdown files that look like checklists but that no config lists. */
  unlisted: UnlistedChecklists;
}

/** Set by the bundle's first and last statements (scripts/build.mjs banner and footer). */
declare const __readinessLoadStart: number | undefined;
declare const __readinessLoadEnd: number | undefined;

/** Wires the features; nothing is parsed until a view, provider or command asks. */
export function activate(context: vscode.ExtensionContext): ReadinessApi {
  const started = performance.now();
  const moduleLoadMs =
    typeof __readinessLoadStart === 'number' && typeof __readinessLoadEnd === 'number'
      ? __readinessLoadEnd - __readinessLoadStart
      : undefined;
  const log = createLog();
  const store = new ChecklistStore(log);
  const signOffs = new SignOffs(log);
  const tree = new ReadinessTreeProvider(store, context.workspaceState, signOffs);
  // First: a view shown before its provider is registered says "no data provider registered".
  const treeView = registerTreeView(store, tree);
  const scanProgress = registerScanProgress(store, tree, started);
  const statusBar = registerStatusBar(store);
  const reportView = registerReportView(store, log, signOffs);
  const unlisted = registerUnlistedChecklists(store, context.workspaceState, log);
  context.subscriptions.push(
    store,
    treeView,
    scanProgress,
    registerCommands(store, tree),
    registerEvidenceCommands(store),
    registerCreateRunbook(store),
    registerDiagnostics(store, log),
    registerCodeActions(store),
    registerTeachStatus(store),
    registerHover(store, signOffs),
    registerSignOffs(signOffs),
    registerCodeLens(store),
    statusBar,
    registerCreateChecklist(store),
    reportView,
    unlisted,
    tree.offerUnlisted(unlisted.finder),
    registerTasks(context.extensionUri),
    // Last: disposed after every feature that may still write to it.
    log,
  );
  return {
    store,
    tree,
    log,
    activationMs: performance.now() - started,
    moduleLoadMs,
    scanProgress: scanProgress.record,
    statusBar: () => statusBar.snapshot(),
    reportHtml: () => reportView.html(),
    unlisted: unlisted.finder,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
