import type { CriticalSelector } from './configTypes';
import { labelMatches, slugify } from './labels';
import type { ReadinessCategory, ReadinessItem } from './model';

/**
 * Gives every category and item its id: explicit ids stay; others get a slug of the category
 * path and text (the status marker is not part of it, so ticking keeps the id). Repeated slugs
 * get `~2`, `~3`… in document order so ids stay unique; repeated explicit ids are left for the
 * `duplicate-id` rule.
 */
export function assignIds(rootItems: ReadinessItem[], categories: ReadinessCategory[]): void {
  const taken = new Set<string>();
  for (const item of walkItems(rootItems, categories)) {
    if (item.explicitId) taken.add(item.id);
  }
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}~${n}`;
    taken.add(id);
    return id;
  };
  const visitCategories = (list: ReadinessCategory[], parentSlug: string) => {
    for (const c of list) {
      const slug = [parentSlug, slugify(c.title) || 'section'].filter(Boolean).join('/');
      c.id = unique(slug);
      visitCategories(c.categories, slug);
    }
  };
  visitCategories(categories, '');
  for (const item of walkItems(rootItems, categories)) {
    if (item.explicitId) continue;
    const slug = [...item.categoryPath, item.text].map(slugify).filter(Boolean).join('/') || 'item';
    item.id = unique(slug);
  }
}

/** Marks items critical that match a config selector (category title, item text glob, or id). */
export function applySelectors(selectors: readonly CriticalSelector[], rootItems: ReadinessItem[], categories: ReadinessCategory[]): void {
  if (selectors.length === 0) return;
  for (const item of walkItems(rootItems, categories)) {
    if (item.critical) continue;
    item.critical = selectors.some((s) => {
      if ('id' in s) return s.id === item.id;
      if ('item' in s) return labelMatches(s.item, item.text);
      return item.categoryPath.some((title) => labelMatches(s.category, title));
    });
  }
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
