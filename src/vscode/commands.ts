import * as vscode from 'vscode';
import { allItems, type ItemState, SETTABLE_STATES, type SettableState } from '../core';
import type { ChecklistStore } from './checklistStore';
import { resolveItemTarget } from './itemTarget';
import { setItemState } from './ticking';
import { stateLabel, type ReadinessTreeProvider, type TreeFilter } from './treeView';

/** Registers the item commands: toggle, set state, mark …, next critical item, reveal, refresh, filters. */
export function registerCommands(store: ChecklistStore, tree: ReadinessTreeProvider): vscode.Disposable {
  const mark = (state: SettableState) => async (arg?: unknown) => {
    const target = await resolveItemTarget(store, arg);
    if (!target) return noItem();
    return setItemState(store, target.state.uri, target.item.id, state);
  };
  const filter = (value: TreeFilter) => () => tree.setFilter(value);
  return vscode.Disposable.from(
    vscode.commands.registerCommand('readiness.toggleItem', async (arg?: unknown) => {
      const target = await resolveItemTarget(store, arg);
      if (!target) return noItem();
      return setItemState(store, target.state.uri, target.item.id, target.item.state === 'done' ? 'open' : 'done');
    }),
    vscode.commands.registerCommand('readiness.setState', async (arg?: unknown) => {
      const target = await resolveItemTarget(store, arg);
      if (!target) return noItem();
      const picked = await vscode.window.showQuickPick(
        SETTABLE_STATES.map((s) => ({
          label: stateLabel(s),
          description: s === target.item.state ? vscode.l10n.t('current') : undefined,
          state: s,
        })),
        { title: vscode.l10n.t('Set state of "{0}"', target.item.label), placeHolder: vscode.l10n.t('Choose a state') },
      );
      if (!picked) return undefined;
      return setItemState(store, target.state.uri, target.item.id, picked.state);
    }),
    vscode.commands.registerCommand('readiness.markDone', mark('done')),
    vscode.commands.registerCommand('readiness.markOpen', mark('open')),
    vscode.commands.registerCommand('readiness.markInProgress', mark('in-progress')),
    vscode.commands.registerCommand('readiness.markNotApplicable', mark('n/a')),
    vscode.commands.registerCommand('readiness.nextCriticalItem', () => nextCriticalItem(store)),
    vscode.commands.registerCommand('readiness.revealLine', (uri: vscode.Uri, line: number) => revealLine(uri, line)),
    vscode.commands.registerCommand('readiness.revealCategory', (uri: vscode.Uri, categoryId: string) =>
      tree.revealCategory(uri, categoryId),
    ),
    vscode.commands.registerCommand('readiness.refresh', () => {
      store.reset();
      tree.refresh();
    }),
    vscode.commands.registerCommand('readiness.filterAll', filter('all')),
    vscode.commands.registerCommand('readiness.filterOpen', filter('open')),
    vscode.commands.registerCommand('readiness.filterCritical', filter('critical')),
  );
}

/** Opens a file at a 1-based line with the cursor at its start. */
export async function revealLine(uri: vscode.Uri, line: number): Promise<vscode.TextEditor> {
  const position = new vscode.Position(Math.max(0, line - 1), 0);
  // An editor already showing the file is reused where it is, instead of opening it again in the active group.
  const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const options: vscode.TextDocumentShowOptions = {
    viewColumn: shown?.viewColumn,
    selection: new vscode.Range(position, position),
    preserveFocus: false,
  };
  return shown ? vscode.window.showTextDocument(shown.document, options) : vscode.window.showTextDocument(uri, options);
}

function noItem(): undefined {
  void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a checklist item, or run this from the Readiness view.'));
  return undefined;
}

const OPEN_STATES: ReadonlySet<ItemState> = new Set(['open', 'in-progress']);

/** Moves to the next open critical item after the cursor (wrapping, then across checklists). */
async function nextCriticalItem(store: ChecklistStore): Promise<void> {
  const states = await store.all();
  const editor = vscode.window.activeTextEditor;
  const current = editor ? states.findIndex((s) => s.uri.toString() === editor.document.uri.toString()) : -1;
  const order = current < 0 ? states : [...states.slice(current), ...states.slice(0, current + 1)];
  const cursorLine = editor && current >= 0 ? editor.selection.active.line + 1 : 0;
  for (let i = 0; i < order.length; i++) {
    const state = order[i];
    const candidates = allItems(state.analysis.checklist)
      .filter((item) => item.critical && OPEN_STATES.has(item.state))
      .sort((a, b) => a.line - b.line);
    const afterCursor = i === 0 && current >= 0 ? candidates.find((c) => c.line > cursorLine) : candidates[0];
    const wrapped = i === order.length - 1 && current >= 0 ? candidates.find((c) => c.line <= cursorLine) : undefined;
    const next = afterCursor ?? wrapped;
    if (next) {
      await revealLine(state.uri, next.line);
      return;
    }
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('No open critical items. 🎉'));
}
