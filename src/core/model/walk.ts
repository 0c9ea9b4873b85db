import type { ReadinessCategory, ReadinessItem } from './types';

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
