/**
 * Walks over the readiness model's item tree. Items nest (a task under a task) and categories
 * nest, so every consumer that wants "all items" or "the item with this id or on this line"
 * needs the same document-order walk; it is written once here, iteratively, so that a deeply
 * nested hostile document cannot overflow the stack.
 */
import type { Checklist, ReadinessCategory, ReadinessItem } from './types';

/** The items and their nested items, parents before children (document order), appended to `out`. */
export function preOrder(items: readonly ReadinessItem[], out: ReadinessItem[] = []): ReadinessItem[] {
  const stack: ReadinessItem[] = [];
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
  while (stack.length > 0) {
    const item = stack.pop()!;
    out.push(item);
    for (let c = item.children.length - 1; c >= 0; c--) stack.push(item.children[c]);
  }
  return out;
}

/** Every item (nested ones included) in document order. */
export function* walkItems(rootItems: readonly ReadinessItem[], categories: readonly ReadinessCategory[]): Generator<ReadinessItem> {
  const stack: ReadinessItem[] = [];
  const pushAll = (items: readonly ReadinessItem[]) => {
    for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]);
  };
  const drain = function* () {
    while (stack.length > 0) {
      const item = stack.pop()!;
      yield item;
      pushAll(item.children);
    }
  };
  pushAll(rootItems);
  yield* drain();
  const cats: ReadinessCategory[] = [];
  for (let i = categories.length - 1; i >= 0; i--) cats.push(categories[i]);
  while (cats.length > 0) {
    const c = cats.pop()!;
    pushAll(c.items);
    yield* drain();
    for (let i = c.categories.length - 1; i >= 0; i--) cats.push(c.categories[i]);
  }
}

/** Every item, nested ones included, in document order. */
export function allItems(checklist: Checklist): ReadinessItem[] {
  return [...walkItems(checklist.items, checklist.categories)];
}

/** An item by id, or by a 1-based line number given as digits (the item starting on that line, else the innermost item covering it). */
export function findItem(checklist: Checklist, idOrLine: string): ReadinessItem | undefined {
  const items = allItems(checklist);
  const byId = items.find((i) => i.id === idOrLine);
  if (byId || !/^\d+$/.test(idOrLine)) return byId;
  const line = Number(idOrLine);
  const starting = items.find((i) => i.line === line);
  if (starting) return starting;
  let best: ReadinessItem | undefined;
  for (const i of items) {
    if (i.span.startPosition.line <= line && line <= i.span.endPosition.line) {
      if (!best || i.span.start >= best.span.start) best = i;
    }
  }
  return best;
}
