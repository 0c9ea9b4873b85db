/**
 * Assembles sections (see `sections.ts`) into a checklist: replays their headings to build the
 * category tree, then settles what depends on the whole document — the title, ids, critical flags
 * from enclosing headings and config selectors, progress, the dominant line break and the status
 * tokens in use.
 *
 * Ids: explicit ids (`<!-- id: … -->`, `{#…}`) stay; others are a slug of the category path and
 * the text (not the status marker, so ticking keeps the id). Repeated slugs get `~2`, `~3`… in
 * `walkItems` order, categories first, so ids stay unique; repeated explicit ids are left for the
 * `duplicate-id` rule.
 *
 * Items of a section already handed out in an earlier checklist are never changed: when the
 * section moved, or an item's id, critical flag or category path changed, the section's items
 * are copied (`cloneItem`); otherwise the very same objects are reused.
 */
import type { CriticalSelector, ReadinessConfig } from '../config/types';
import { preOrder } from '../model/walk';
import type { ItemMemo } from './itemMemo';
import type { PlacedSection, SectionState } from './sectionState';
import { baseOf, type AssemblyMemo, type CategoryEvent, type EventMemo } from './assemblyMemo';
import { cleanLabel, labelMatches } from '../text/labels';
import { eolOf, type EolCounts, type LineIndex } from '../text/lineIndex';
import { frontMatterBodyStart } from '../parse/markdown';
import type { Checklist, FrontMatter, Progress, ReadinessCategory, ReadinessItem, UsedTokens } from '../model/types';
import { addProgress, emptyProgress, finishProgress } from '../model/progress';
import type { CategoryTemplate, SectionBuild, SectionEvent } from '../parse/sections';
import { cloneItem, shiftSpan, type Delta } from './shift';

/** Inputs of `assembleChecklist`. */
export interface AssembleInputs {
  config: ReadinessConfig;
  /** The line index of the whole text. */
  index: LineIndex;
  /** The parsed front matter value (for the title), when there is front matter. */
  frontMatterData: unknown;
  memo: AssemblyMemo;
}

/** Items of one event and the category (or the root) they went to. */
export interface Placement {
  build: SectionBuild;
  state: SectionState;
  event: Extract<SectionEvent, { items: ReadinessItem[] }>;
}

/** A checklist and, per section, its placements in the order `walkItems` visits them. */
export interface Assembly {
  checklist: Checklist;
  walks: Placement[][];
  /** Items whose explicit id an earlier item (in `walkItems` order) already has, with that item. */
  duplicates: Map<ReadinessItem, ReadinessItem>;
}

/** One category while assembling (the root frame holds the items outside any category). */
interface Frame {
  depth: number;
  key: string;
  path: string[];
  underCritical: boolean;
  /** A `category:` selector matches a title on the path. */
  selected: boolean;
  /** `slugify` of the path's titles, empty ones left out (the prefix of item slugs). */
  pathSlug: string;
  /** The category's id before de-duplication (the prefix of sub-category ids). */
  idSlug: string;
  items: ReadinessItem[];
  category: ReadinessCategory | null;
  children: Frame[];
  placements: (Placement & { at: number; section: number; memo: EventMemo })[];
  counts: Progress;
}

/** Builds the checklist of the sections, in document order. */
export function assembleChecklist(sections: readonly PlacedSection[], inputs: AssembleInputs): Assembly {
  const { config, memo } = inputs;
  const { claims } = memo;
  const hasCategorySelectors = config.critical.some((s) => 'category' in s);
  const root: Frame = {
    depth: 0,
    key: '',
    path: [],
    underCritical: false,
    selected: false,
    pathSlug: '',
    idSlug: '',
    items: [],
    category: null,
    children: [],
    placements: [],
    counts: emptyProgress(),
  };
  const title = findTitle(sections);
  memo.startIds();
  let repeated = false;
  const explicitIds: string[] = [];
  for (const { build } of sections) {
    for (const id of build.explicitIds) {
      repeated ||= memo.isTaken(id);
      memo.take(id);
      explicitIds.push(id);
    }
  }
  const categoryIds: string[] = [];

  // Replay: the category tree, in document order (which is also the tree's pre-order).
  const order: Frame[] = [root];
  const stack: Frame[] = [root];
  const open = (parent: Frame, event: CategoryEvent, depth: number, delta: Delta): Frame => {
    const template = event.category;
    const placed = memo.categoryPlace(event, parent);
    categoryIds.push(placed.idSlug);
    const items: ReadinessItem[] = [];
    const still = delta.offset === 0 && delta.line === 0;
    const category: ReadinessCategory = {
      id: memo.unique(placed.idSlug),
      title: template.title,
      depth,
      line: template.line + delta.line,
      span: still ? template.span : shiftSpan(template.span, delta),
      items,
      categories: [],
      progress: emptyProgress(),
    };
    const frame: Frame = {
      depth,
      key: placed.key,
      path: placed.path,
      underCritical: placed.underCritical,
      selected: parent.selected || (hasCategorySelectors && memo.titleSelected(config.critical, template.title)),
      pathSlug: placed.pathSlug,
      idSlug: placed.idSlug,
      items,
      category,
      children: [],
      placements: [],
      counts: category.progress,
    };
    parent.category?.categories.push(category);
    parent.children.push(frame);
    order.push(frame);
    return frame;
  };
  sections.forEach((placed, section) => {
    const { build, state } = placed;
    const delta = deltaOf(placed);
    const events = build.events;
    for (let e = 0; e < events.length; e++) {
      const event = events[e];
      if (event.kind === 'heading') {
        const next = events[e + 1];
        const reports = next?.kind === 'items' && next.fromHeading === true;
        if (event.category === title) {
          if (reports) e++;
          continue;
        }
        while (stack.length > 1 && stack[stack.length - 1].depth >= event.depth) stack.pop();
        // A heading that reports a result with nothing under it is an item of the enclosing category.
        if (reports && !deeperHeadingFollows(sections, section, e + 2, event.depth)) continue;
        stack.push(open(stack[stack.length - 1], event, event.depth, delta));
        if (reports) e++;
      } else {
        const top = stack[stack.length - 1];
        const frame = event.kind === 'group' ? open(top, event, top.depth + 1, delta) : top;
        frame.placements.push({
          build,
          state,
          event,
          at: frame.items.length,
          section,
          memo: memo.place(build, state.memos, event, frame.pathSlug),
        });
        for (const item of event.items) frame.items.push(item);
      }
    }
  });

  // Ids, critical flags and progress counts, visiting items in `walkItems` order. Events placed
  // as before under an unchanged category keep what they were given, unless their ids depend on
  // the order of the walk.
  const everything = memo.endPlacing(categoryIds, explicitIds);
  const selectors = config.critical;
  const walks: Placement[][] = sections.map(() => []);
  for (const frame of order) {
    for (const placement of frame.placements) {
      walks[placement.section].push(placement);
      const em = placement.memo;
      addProgress(frame.counts, em.tally);
      if (
        !everything &&
        !em.claimed &&
        !em.contested &&
        em.path === frame.path &&
        em.underCritical === frame.underCritical &&
        em.selected === frame.selected &&
        em.selectors === selectors
      )
        continue;
      const { build, state, event } = placement;
      let contested = false;
      for (let k = event.first, end = event.first + event.count; k < end; k++) {
        const item = build.items[k];
        const itemMemo = state.memos[k];
        if (item.explicitId) itemMemo.nextId = item.id;
        else {
          const base = baseOf(itemMemo, item, frame.pathSlug);
          if (claims.count(base) === 1) itemMemo.nextId = base;
          else {
            contested = true;
            itemMemo.nextId = memo.unique(base);
          }
        }
        itemMemo.nextCritical =
          itemMemo.baseCritical ||
          frame.underCritical ||
          (selectors.length > 0 && isSelected(itemMemo, selectors, frame.selected, item.text));
        itemMemo.nextPath = frame.path;
        if (itemMemo.nextId !== item.id || itemMemo.nextCritical !== item.critical || frame.path !== item.categoryPath) state.dirty = true;
      }
      Object.assign(em, {
        claimed: false,
        contested,
        path: frame.path,
        underCritical: frame.underCritical,
        selected: frame.selected,
        selectors,
      });
    }
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const frame = order[i];
    for (const child of frame.children) addProgress(frame.counts, child.counts);
    finishProgress(frame.counts);
  }

  // Items: set in place when never handed out, reused when nothing changed, else copied.
  for (const frame of order) {
    for (const p of frame.placements) materialize(sections[p.section], p, frame);
  }
  const placedEvents = new Set<SectionEvent>();
  for (const frame of order) for (const p of frame.placements) placedEvents.add(p.event);
  for (const placed of sections) settle(placed, placedEvents);
  const duplicates = new Map<ReadinessItem, ReadinessItem>();
  if (repeated) {
    const firsts = new Map<string, ReadinessItem>();
    for (const frame of order) {
      for (const { build, event } of frame.placements) {
        for (let k = event.first, end = event.first + event.count; k < end; k++) {
          const item = build.items[k];
          if (!item.explicitId) continue;
          const first = firsts.get(item.id);
          if (first) duplicates.set(item, first);
          else firsts.set(item.id, item);
        }
      }
    }
  }

  const first = sections[0]?.build;
  const frontMatter = first?.frontMatter ? frontMatterOf(inputs.index, first.frontMatter, inputs.frontMatterData) : null;
  const checklist: Checklist = {
    title: title ? title.title : frontMatterTitle(frontMatter),
    frontMatter,
    items: root.items,
    categories: root.children.map((f) => f.category!),
    progress: root.counts,
    eol: eolOf(sumEols(sections)),
    usedTokens: mergeTokens(sections),
  };
  return { checklist, walks, duplicates };
}

function deltaOf(placed: PlacedSection): Delta {
  return { offset: placed.offset - placed.build.at.offset, line: placed.line - placed.build.at.line };
}

type HeadingEvent = Extract<SectionEvent, { kind: 'heading' }>;

/** Per list of section events: its first heading and how many H1s it has (never changes for a list). */
const headingsOf = new WeakMap<readonly SectionEvent[], { first: HeadingEvent | null; h1s: number }>();

/** A single leading H1 is the document's title, not a category. */
function findTitle(sections: readonly PlacedSection[]): CategoryTemplate | null {
  let first: HeadingEvent | null = null;
  let h1s = 0;
  for (const { build } of sections) {
    let headings = headingsOf.get(build.events);
    if (!headings) {
      headings = { first: null, h1s: 0 };
      for (const event of build.events) {
        if (event.kind !== 'heading') continue;
        headings.first ??= event;
        if (event.depth === 1) headings.h1s++;
      }
      headingsOf.set(build.events, headings);
    }
    first ??= headings.first;
    h1s += headings.h1s;
    if (h1s > 1) return null;
  }
  // Read through the event: moving a section replaces its category templates.
  return first && first.depth === 1 && h1s === 1 ? first.category : null;
}

/** Whether a config selector marks the item critical (by category title, item text or id). */
function isSelected(memo: ItemMemo, selectors: readonly CriticalSelector[], categorySelected: boolean, text: string): boolean {
  if (categorySelected) return true;
  if (memo.selectorsOf !== selectors) {
    memo.itemSelected = selectors.some((s) => 'item' in s && labelMatches(s.item, text));
    memo.selectorsOf = selectors;
  }
  return memo.itemSelected === true || selectors.some((s) => 'id' in s && s.id === memo.nextId);
}

/**
 * Gives the items of one placement their id, critical flag and category path: in place when
 * the section was never handed out, as copies when it moved or something changed.
 */
function materialize(placed: PlacedSection, placement: Placement & { at: number }, frame: Frame): void {
  const { build, state, event } = placement;
  const delta = deltaOf(placed);
  const fresh = !state.shared;
  if (!fresh && !state.dirty && delta.offset === 0 && delta.line === 0) return;
  // A move alone keeps the version: findings of a moved section are moved copies.
  if (fresh || state.dirty) state.version++;
  const items = fresh ? event.items : event.items.map((item) => cloneItem(item, delta));
  if (!fresh) {
    // The copies, numbered in pre-order like the originals.
    preOrder(items).forEach((copy, k) => (build.items[event.first + k] = copy));
    for (let k = 0; k < items.length; k++) frame.items[placement.at + k] = items[k];
    event.items = items;
  }
  for (let k = event.first, end = event.first + event.count; k < end; k++) {
    const item = build.items[k];
    const memo = state.memos[k];
    item.id = memo.nextId;
    item.critical = memo.nextCritical;
    item.categoryPath = memo.nextPath;
  }
}

/**
 * Records where the section's items now point, and moves its category templates, mojibake runs,
 * malformed tables and unplaced items along. (A heading that reports a result is not placed as an
 * item while a deeper heading follows it or it is the title; its item must still move with the
 * section, for the day it is placed.)
 */
function settle(placed: PlacedSection, placedEvents: ReadonlySet<SectionEvent>): void {
  const { build, state } = placed;
  const delta = deltaOf(placed);
  state.shared = true;
  state.dirty = false;
  if (delta.offset === 0 && delta.line === 0) return;
  for (const event of build.events) {
    if (event.kind !== 'items') event.category = shiftTemplate(event.category, delta);
    else if (!placedEvents.has(event)) {
      const items = event.items.map((item) => cloneItem(item, delta));
      preOrder(items).forEach((copy, k) => (build.items[event.first + k] = copy));
      event.items = items;
    }
  }
  if (build.mojibake.length > 0)
    build.mojibake = build.mojibake.map((run) => ({ ...run, start: run.start + delta.offset, end: run.end + delta.offset }));
  if (build.malformedTables.length > 0)
    build.malformedTables = build.malformedTables.map((t) => ({ ...t, start: t.start + delta.offset, end: t.end + delta.offset }));
  build.at = { offset: placed.offset, line: placed.line };
}

/** Whether the first heading after event `e` of section `s` (in any later section) is deeper than `depth`. */
function deeperHeadingFollows(sections: readonly PlacedSection[], s: number, e: number, depth: number): boolean {
  for (let i = s; i < sections.length; i++) {
    const events = sections[i].build.events;
    for (let k = i === s ? e : 0; k < events.length; k++) {
      const event = events[k];
      if (event.kind === 'heading') return event.depth > depth;
    }
  }
  return false;
}

function shiftTemplate(template: CategoryTemplate, delta: Delta): CategoryTemplate {
  return { ...template, line: template.line + delta.line, span: shiftSpan(template.span, delta) };
}

function sumEols(sections: readonly PlacedSection[]): EolCounts {
  const total: EolCounts = { lf: 0, crlf: 0, cr: 0 };
  for (const { build } of sections) {
    total.lf += build.eol.lf;
    total.crlf += build.eol.crlf;
    total.cr += build.eol.cr;
  }
  return total;
}

function mergeTokens(sections: readonly PlacedSection[]): UsedTokens {
  const merged: UsedTokens = {};
  // for…in: Object.entries would allocate arrays per section and family, on every assembly.
  for (const { build } of sections) {
    const used = build.usedTokens;
    for (const family in used) {
      const byState = used[family as keyof UsedTokens]!;
      const into = (merged[family as keyof UsedTokens] ??= {}) as Record<string, string>;
      for (const state in byState) into[state] ??= (byState as Record<string, string>)[state];
    }
  }
  return merged;
}

function frontMatterOf(index: LineIndex, yaml: { value: string; nodeStart: number }, data: unknown): FrontMatter {
  const start = frontMatterBodyStart(index.text, yaml.value, yaml.nodeStart);
  return { data: data ?? null, span: index.span(start, start + yaml.value.length) };
}

function frontMatterTitle(frontMatter: FrontMatter | null): string | null {
  const data = frontMatter?.data;
  if (data && typeof data === 'object' && 'title' in data && typeof (data as { title: unknown }).title === 'string') {
    return cleanLabel((data as { title: string }).title) || null;
  }
  return null;
}
