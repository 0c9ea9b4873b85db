import * as vscode from 'vscode';
import { allItems, findItem, type ReadinessCategory, type ReadinessItem } from '../core';
import type { ChecklistState, ChecklistStore } from './checklistStore';

/** A tree node the view shows. */
export type ReadinessNode =
  | { kind: 'file'; uri: vscode.Uri }
  | { kind: 'category'; uri: vscode.Uri; categoryId: string }
  | { kind: 'item'; uri: vscode.Uri; itemId: string }
  | { kind: 'message'; message: string; uri?: vscode.Uri; hint?: TreeHint };

/** A row above the checklists that says what the view hides or misses, and offers a fix: clicking it runs `command`. */
export interface TreeHint {
  /** A short action, e.g. "Show all" (the row's description). */
  action: string;
  command: string;
  /** A codicon id. */
  icon: string;
}

/** An item and the checklist it belongs to. */
export interface ItemTarget {
  state: ChecklistState;
  item: ReadinessItem;
}

/** What code actions pass to item commands: the checklist (a uri, or its string form) and the item id. */
export interface ItemReference {
  uri: vscode.Uri | string;
  itemId: string;
}

/**
 * The item a command acts on: the tree node or item reference it was invoked with, else the
 * item under the active editor's cursor (when the editor shows a checklist).
 */
export async function resolveItemTarget(store: ChecklistStore, arg: unknown): Promise<ItemTarget | undefined> {
  const ref = itemReference(arg);
  if (ref) {
    const state = await store.get(ref.uri);
    const item = state && findItem(state.analysis.checklist, ref.itemId);
    return state && item ? { state, item } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  return itemAtPosition(store, editor.document, editor.selection.active);
}

/**
 * The innermost item whose text covers a position of a checklist document, in the analysis of
 * the document's current version (waited for).
 */
export async function itemAtPosition(
  store: ChecklistStore,
  document: vscode.TextDocument,
  position: vscode.Position,
  token?: vscode.CancellationToken,
): Promise<ItemTarget | undefined> {
  const state = await store.forDocument(document, token);
  return state && itemInState(state, document, position);
}

/** The innermost item at a position, in an analysis of the document's current version. */
export function itemInState(state: ChecklistState, document: vscode.TextDocument, position: vscode.Position): ItemTarget | undefined {
  const offset = document.offsetAt(position);
  let best: ReadinessItem | undefined;
  for (const item of allItems(state.analysis.checklist)) {
    const line = position.line + 1;
    const covers = item.span.start <= offset && offset <= item.span.end;
    const onFirstLine = item.line === line;
    if ((covers || onFirstLine) && (!best || item.span.start >= best.span.start)) best = item;
  }
  return best ? { state, item: best } : undefined;
}

/** Finds a category by id. */
export function findCategory(categories: readonly ReadinessCategory[], id: string): ReadinessCategory | undefined {
  const stack = [...categories];
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.id === id) return c;
    stack.push(...c.categories);
  }
  return undefined;
}

/** The checklist and item id of a tree node `{kind: 'item', uri, itemId}` or an `ItemReference`. */
function itemReference(arg: unknown): { uri: vscode.Uri; itemId: string } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { kind, uri, itemId } = arg as { kind?: unknown; uri?: unknown; itemId?: unknown };
  if ((kind !== undefined && kind !== 'item') || typeof itemId !== 'string') return undefined;
  if (uri instanceof vscode.Uri) return { uri, itemId };
  return typeof uri === 'string' ? { uri: vscode.Uri.parse(uri), itemId } : undefined;
}
