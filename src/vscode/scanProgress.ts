import * as vscode from 'vscode';
import type { ChecklistStore, ScanStatus } from './checklistStore';
import { VIEW_ID, type ReadinessTreeProvider } from './treeView';

/** What the first scan showed, for tests. */
export interface ScanProgressRecord {
  /** Every message shown during the last scan, in order. */
  messages: string[];
}

/**
 * Shows the first scan's progress in the Readiness view: a progress bar (`withProgress` on the
 * view) and "Analysing 37 of 200 checklists" as the view's message, until the scan ends.
 */
export function registerScanProgress(
  store: ChecklistStore,
  tree: ReadinessTreeProvider,
): vscode.Disposable & { record: ScanProgressRecord } {
  const record: ScanProgressRecord = { messages: [] };
  let running: { report: (status: ScanStatus) => void; end: () => void } | undefined;
  const start = () => {
    record.messages = [];
    let reported = 0;
    let resolveEnd!: () => void;
    const ended = new Promise<void>((resolve) => (resolveEnd = resolve));
    let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
    let last: ScanStatus | undefined;
    const show = (status: ScanStatus) => {
      last = status;
      const message = scanMessage(status);
      record.messages.push(message);
      if (tree.view) tree.view.message = message;
      const percent = (status.done / status.total) * 100;
      progress?.report({ message, increment: percent - reported });
      reported = percent;
    };
    void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, (p) => {
      progress = p;
      if (last) show(last);
      return ended;
    });
    return {
      report: show,
      end: () => {
        if (tree.view && tree.view.message === (last && scanMessage(last))) tree.view.message = undefined;
        resolveEnd();
      },
    };
  };
  const subscription = store.onDidScan((status) => {
    if (!status) {
      running?.end();
      running = undefined;
      return;
    }
    running ??= start();
    running.report(status);
  });
  return Object.assign(vscode.Disposable.from(subscription, { dispose: () => running?.end() }), { record });
}

/** "Analysing 37 of 200 checklists": the one being analysed, counted from 1. */
function scanMessage({ done, total }: ScanStatus): string {
  return vscode.l10n.t('Analysing {0} of {1} checklists', Math.min(done + 1, total), total);
}
