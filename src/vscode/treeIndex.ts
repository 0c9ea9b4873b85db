import type { Checklist, ReadinessCategory, ReadinessItem } from '../core';

/** A checklist's items and categories by id, with the parent of each, for the tree's lookups. */
export interface TreeIndex {
  items: ReadonlyMap<string, ReadinessItem>;
  categories: ReadonlyMap<string, ReadinessCategory>;
  /** The item or category directly above an item or a category; absent at the top. */
  parents: ReadonlyMap<ReadinessItem | ReadinessCategory, ReadinessItem | ReadinessCategory>;
  /** Every item, nested ones included. */
  itemCount: number;
}

const indexes = new WeakMap<Checklist, TreeIndex>();

/**
 * The index of a checklist, built once per analysis (a new analysis is a new checklist object).
 * The view asks for every node it renders: a walk per node made showing a checklist of 10,000
 * items quadratic, seconds of the extension host's thread for each refresh.
 */
export function treeIndex(checklist: Checklist): TreeIndex {
  let index = indexes.get(checklist);
  if (index) return index;
  const items = new Map<string, ReadinessItem>();
  const categories = new Map<string, ReadinessCategory>();
  const parents = new Map<ReadinessItem | ReadinessCategory, ReadinessItem | ReadinessCategory>();
  const addItems = (list: readonly ReadinessItem[], parent: ReadinessItem | ReadinessCategory | undefined) => {
    for (const item of list) {
      if (!items.has(item.id)) items.set(item.id, item);
      if (parent) parents.set(item, parent);
      addItems(item.children, item);
    }
  };
  const addCategories = (list: readonly ReadinessCategory[], parent: ReadinessCategory | undefined) => {
    for (const category of list) {
      categories.set(category.id, category);
      if (parent) parents.set(category, parent);
      addItems(category.items, category);
      addCategories(category.categories, category);
    }
  };
  addItems(checklist.items, undefined);
  addCategories(checklist.categories, undefined);
  index = { items, categories, parents, itemCount: items.size };
  indexes.set(checklist, index);
  return index;
}
