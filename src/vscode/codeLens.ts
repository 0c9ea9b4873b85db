import * as vscode from 'vscode';
import type { ReadinessCategory } from '../core';
import type { ChecklistStore } from './checklistStore';
import { spanRange } from './ranges';
import { readSettings, SECTION } from './settings';
import { openCriticalCount, progressText } from './treeView';

/** Shows a category in the Readiness view (registered in commands.ts). */
const REVEAL_CATEGORY = 'readiness.revealCategory';

/** Registers progress lenses (`done/total · NN% · N critical open`) on the category headings of checklists. */
export function registerCodeLens(store: ChecklistStore): vscode.Disposable {
  const provider = new CategoryLensProvider(store);
  return vscode.Disposable.from(provider, vscode.languages.registerCodeLensProvider({ language: 'markdown' }, provider));
}

class CategoryLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ChecklistStore) {
    this.subscriptions = [
      this.changed,
      store.onDidChange(() => this.changed.fire()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.codeLens.enabled`)) this.changed.fire();
      }),
    ];
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!readSettings(document.uri).codeLens) return [];
    // The analysis of this very version, waited for: the first request after opening or editing gets the lenses too.
    const state = await this.store.forDocument(document, token);
    if (!state || token.isCancellationRequested) return [];
    const lenses: vscode.CodeLens[] = [];
    const stack = [...state.analysis.checklist.categories].reverse();
    while (stack.length > 0) {
      const category = stack.pop()!;
      lenses.push(categoryLens(document.uri, category));
      stack.push(...[...category.categories].reverse());
    }
    return lenses;
  }
}

function categoryLens(uri: vscode.Uri, category: ReadinessCategory): vscode.CodeLens {
  const start = spanRange(category.span).start;
  const range = new vscode.Range(start, start);
  const critical = openCriticalCount(category.items, category.categories);
  const title =
    critical > 0 ? `${progressText(category.progress)} · ${vscode.l10n.t('{0} critical open', critical)}` : progressText(category.progress);
  return new vscode.CodeLens(range, {
    title,
    command: REVEAL_CATEGORY,
    arguments: [uri, category.id],
    tooltip: vscode.l10n.t('Show this category in the Readiness view'),
  });
}
