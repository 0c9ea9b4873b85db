import * as vscode from 'vscode';
import { type Progress, sumProgress } from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';
import { readSettings, SECTION } from './settings';
import { openCriticalCount, VIEW_ID } from './treeView';

/** What the status bar item currently shows, for tests and the extension API. */
export interface StatusBarSnapshot {
  visible: boolean;
  text: string;
  /** The tooltip's Markdown source. */
  tooltip: string;
  /** True when the warning background is on (open critical items). */
  warning: boolean;
}

/** The readiness status bar item; dispose it to remove it. */
export interface ReadinessStatusBar extends vscode.Disposable {
  snapshot(): StatusBarSnapshot;
}

/** Context key package.json menus use: the active editor shows a checklist. */
const IS_CHECKLIST = 'readiness.isChecklist';

/**
 * Registers the status bar item: readiness of the active editor's checklist, or of the whole
 * workspace when the active editor is not a checklist or `readiness.statusBar.scope` says
 * `workspace`; hidden when there is no checklist. Its text names what it counts (the checklist's
 * folder, or the workspace), so it is never mistaken for the badge's workspace count.
 * Also keeps the `readiness.isChecklist` context key in step with the active editor.
 */
export function registerStatusBar(store: ChecklistStore): ReadinessStatusBar {
  const item = vscode.window.createStatusBarItem('readiness.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Production Readiness');
  item.command = `${VIEW_ID}.focus`;
  let visible = false;
  let generation = 0;

  const update = async () => {
    const current = ++generation;
    const editorUri = vscode.window.activeTextEditor?.document.uri;
    await store.checklistUris();
    const isChecklist = editorUri !== undefined && store.isChecklist(editorUri);
    const settings = readSettings();
    const single = isChecklist && settings.statusBarScope === 'activeFile';
    const states = !settings.statusBar
      ? []
      : single
        ? [await store.get(editorUri)].filter((s): s is ChecklistState => s !== undefined)
        : await store.all();
    // A newer update started meanwhile: its result wins.
    if (current !== generation) return;
    await vscode.commands.executeCommand('setContext', IS_CHECKLIST, isChecklist);
    if (states.length === 0) {
      item.hide();
      visible = false;
      return;
    }
    render(item, states, single);
    item.show();
    visible = true;
  };
  // Analyses arrive in bursts (one event per checklist): update once per burst.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void update();
    }, 50);
  };

  schedule();
  const disposable = vscode.Disposable.from(
    item,
    { dispose: () => timer && clearTimeout(timer) },
    store.onDidChange(schedule),
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.statusBar`)) schedule();
    }),
  );
  return {
    dispose: () => disposable.dispose(),
    snapshot: () => ({
      visible,
      text: item.text,
      tooltip: item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? ''),
      warning: item.backgroundColor !== undefined,
    }),
  };
}

function render(item: vscode.StatusBarItem, states: readonly ChecklistState[], single: boolean): void {
  const progress = sumProgress(states.map((s) => s.analysis.checklist.progress));
  const critical = states.reduce((n, s) => n + openCriticalCount(s.analysis.checklist.items, s.analysis.checklist.categories), 0);
  const percent = progress.percent === null ? vscode.l10n.t('no tracked items') : `${progress.percent}%`;
  const scope = single ? checklistFolderName(states[0]) : (vscode.workspace.name ?? vscode.l10n.t('Workspace'));
  const counts = critical > 0 ? `${percent} · ${vscode.l10n.t('{0} critical', critical)}` : percent;
  item.text = `$(checklist) ${scope}: ${counts}`;
  item.backgroundColor = critical > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  const title = single
    ? vscode.l10n.t("{0} (the active editor's checklist)", `${states[0].folder.name}/${states[0].path}`)
    : states.length === 1
      ? vscode.l10n.t('Workspace {0}: 1 checklist', scope)
      : vscode.l10n.t('Workspace {0}: {1} checklists', scope, states.length);
  item.tooltip = tooltip(title, progress, critical);
  item.accessibilityInformation = { label: vscode.l10n.t('Readiness of {0}: {1}, {2} open critical items', scope, percent, critical) };
}

/** The name of the folder holding a checklist: its own folder, or the workspace folder's name for a checklist at the root. */
function checklistFolderName(state: ChecklistState): string {
  const parts = state.path.split('/');
  return parts.length > 1 ? parts[parts.length - 2] : state.folder.name;
}

function tooltip(title: string, progress: Progress, critical: number): vscode.MarkdownString {
  // Paths come from the file system: plain text only.
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('$(checklist) ').appendText(title).appendMarkdown('\n\n');
  const rows: [string, number][] = [
    [vscode.l10n.t('Done'), progress.done],
    [vscode.l10n.t('Open'), progress.open],
    [vscode.l10n.t('In progress'), progress.inProgress],
    [vscode.l10n.t('Not applicable'), progress.notApplicable],
    [vscode.l10n.t('Open critical'), critical],
  ];
  for (const [label, count] of rows) md.appendText(`${label}: ${count}`).appendMarkdown('  \n');
  return md;
}
