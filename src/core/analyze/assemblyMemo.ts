/**
 * What successive assemblies of one document share (see `assembleChecklist`): the ids taken in
 * the assembly under way, who claims which id base (`idClaims.ts`), what each placed event's
 * items were given last time, and which titles config selectors match.
 */
import type { CriticalSelector } from '../config/types';
import { IdClaims } from './idClaims';
import type { ItemMemo } from './itemMemo';
import { labelMatches, slugify } from '../text/labels';
import type { Progress, ReadinessItem } from '../model/types';
import { countState, emptyProgress } from '../model/progress';
import type { CategoryTemplate, SectionBuild, SectionEvent } from '../parse/sections';

/** What an event's items (nested ones included) were last given, and what that depended on. */
export interface EventMemo {
  /** The assembly that last placed the event. */
  stamp: number;
  /** The category path slug its items' id bases were made under. */
  pathSlug: string;
  /** Those bases, one per item without an explicit id (its claims). */
  bases: string[];
  /** Its claims were made in this assembly: its items must be given ids again. */
  claimed: boolean;
  /** Some base of its items has other claimants, so their ids depend on the order of the walk. */
  contested: boolean;
  /** The category path, heading criticality, selector match and selectors its items were given. */
  path: string[] | undefined;
  underCritical: boolean;
  selected: boolean;
  selectors: readonly CriticalSelector[] | undefined;
  /** Counts of its items' states (they never change while the event lives). */
  tally: Progress;
}

type ItemEvent = Extract<SectionEvent, { items: ReadinessItem[] }>;

/** A heading or group event: it opens a category. */
export type CategoryEvent = Extract<SectionEvent, { category: CategoryTemplate }>;

/** Where a category sits: what its items' ids, paths and critical flags derive from. */
export interface CategoryPlace {
  key: string;
  path: string[];
  pathSlug: string;
  idSlug: string;
  underCritical: boolean;
}

/** Shared state of the assemblies of one document. */
export class AssemblyMemo {
  /** Claimants of every id base in the last assembly. */
  readonly claims = new IdClaims();
  private readonly selected = new Map<string, boolean>();
  private selectorsOfTitles: readonly CriticalSelector[] | undefined;
  // Ids taken by the assembly of stamp `stamp` (a map kept between assemblies is cheaper than a new set each time).
  private readonly taken = new Map<string, number>();
  private stamp = 0;
  private claimedIds = 0;
  /** Per repeated base: the next suffix to try in the assembly of `stamp`, and the suffixed ids made so far. */
  private readonly suffixes = new Map<string, { stamp: number; next: number; ids: string[] }>();
  private readonly events = new WeakMap<ItemEvent, EventMemo>();
  /**
   * Per heading or group event (events live as long as their section's parse, and moving the
   * section keeps them): the slug of its title, and the place it was last given.
   */
  private readonly categories = new WeakMap<CategoryEvent, { slug: string; parentKey: string; place: CategoryPlace }>();
  private placed: EventMemo[] = [];
  private nextPlaced: EventMemo[] = [];

  /** Starts an assembly: no id is taken, no claim changed. */
  startIds(): void {
    if (this.taken.size > 4 * this.claimedIds + 1024) {
      for (const [id, stamp] of this.taken) if (stamp !== this.stamp) this.taken.delete(id);
      for (const [base, { stamp }] of this.suffixes) if (stamp !== this.stamp) this.suffixes.delete(base);
    }
    this.stamp++;
    this.claimedIds = 0;
    this.claims.begin();
    this.nextPlaced = [];
  }

  /** Whether the id is taken in this assembly. */
  isTaken(id: string): boolean {
    return this.taken.get(id) === this.stamp;
  }

  /** Takes an id. */
  take(id: string): void {
    this.taken.set(id, this.stamp);
    this.claimedIds++;
  }

  /** Takes the base, or the first of `base~2`, `base~3`… not taken yet, and returns it. */
  unique(base: string): string {
    if (!this.isTaken(base)) {
      this.take(base);
      return base;
    }
    // Suffixes below the last one given for this base are still taken: start after it.
    let suffixes = this.suffixes.get(base);
    if (!suffixes) this.suffixes.set(base, (suffixes = { stamp: this.stamp, next: 2, ids: [] }));
    else if (suffixes.stamp !== this.stamp) Object.assign(suffixes, { stamp: this.stamp, next: 2 });
    let n = suffixes.next;
    let id = (suffixes.ids[n] ??= `${base}~${n}`);
    while (this.isTaken(id)) {
      n++;
      id = suffixes.ids[n] ??= `${base}~${n}`;
    }
    suffixes.next = n + 1;
    this.take(id);
    return id;
  }

  /**
   * Places an event under a category path: its memo, with its claims made again when it is new
   * (or was not placed by the last assembly) or its path slug changed.
   */
  place(build: SectionBuild, memos: readonly ItemMemo[], event: ItemEvent, pathSlug: string): EventMemo {
    let memo = this.events.get(event);
    if (!memo) {
      memo = {
        stamp: -1,
        pathSlug,
        bases: [],
        claimed: false,
        contested: false,
        path: undefined,
        underCritical: false,
        selected: false,
        selectors: undefined,
        tally: tallyOf(build, event),
      };
      this.events.set(event, memo);
    }
    const placedBefore = memo.stamp === this.stamp - 1;
    if (!placedBefore || memo.pathSlug !== pathSlug) {
      if (placedBefore) this.claims.remove(memo.bases);
      memo.bases = basesOf(build, memos, event, pathSlug);
      memo.pathSlug = pathSlug;
      memo.claimed = true;
      this.claims.add(memo.bases);
    }
    memo.stamp = this.stamp;
    this.nextPlaced.push(memo);
    return memo;
  }

  /**
   * Ends the placing: withdraws the claims of events the last assembly placed and this one did
   * not. Returns whether every item must be given its id again (a base became contested or
   * stopped being contested).
   */
  endPlacing(categoryIds: readonly string[], explicitIds: readonly string[]): boolean {
    for (const memo of this.placed) if (memo.stamp !== this.stamp) this.claims.remove(memo.bases);
    this.placed = this.nextPlaced;
    this.claims.replace('categories', categoryIds);
    this.claims.replace('explicit', explicitIds);
    return this.claims.contestChanged();
  }

  /** The place of the category an event opens under `parent`: the last one while the parent is the same. */
  categoryPlace(event: CategoryEvent, parent: CategoryPlace): CategoryPlace {
    const known = this.categories.get(event);
    if (known?.parentKey === parent.key) return known.place;
    const { title } = event.category;
    const slug = known?.slug ?? slugify(title);
    const place: CategoryPlace = {
      key: `${parent.key}\u0000${title}`,
      path: [...parent.path, title],
      pathSlug: join(parent.pathSlug, slug),
      idSlug: join(parent.idSlug, slug || 'section'),
      underCritical: parent.underCritical || saysCritical(title),
    };
    this.categories.set(event, { slug, parentKey: parent.key, place });
    return place;
  }

  /** Whether a `category:` selector matches the title (cached per selector list). */
  titleSelected(selectors: readonly CriticalSelector[], title: string): boolean {
    if (selectors !== this.selectorsOfTitles || this.selected.size > 10_000) {
      this.selected.clear();
      this.selectorsOfTitles = selectors;
    }
    let hit = this.selected.get(title);
    if (hit === undefined) {
      hit = selectors.some((s) => 'category' in s && labelMatches(s.category, title));
      this.selected.set(title, hit);
    }
    return hit;
  }
}

/** The id bases of an event's items under `pathSlug`, caching them in the items' memos. */
function basesOf(build: SectionBuild, memos: readonly ItemMemo[], event: ItemEvent, pathSlug: string): string[] {
  const bases: string[] = [];
  for (let k = event.first, end = event.first + event.count; k < end; k++) {
    if (build.items[k].explicitId) continue;
    bases.push(baseOf(memos[k], build.items[k], pathSlug));
  }
  return bases;
}

/** The item's id before de-duplication under `pathSlug`. */
export function baseOf(memo: ItemMemo, item: ReadinessItem, pathSlug: string): string {
  if (memo.basePrefix !== pathSlug || memo.base === undefined) {
    memo.slug ??= slugify(item.text);
    memo.base = join(pathSlug, memo.slug) || 'item';
    memo.basePrefix = pathSlug;
  }
  return memo.base;
}

/** A slug under a prefix (`a/b`); either may be empty. */
export function join(prefix: string, slug: string): string {
  if (prefix === '') return slug;
  return slug === '' ? prefix : `${prefix}/${slug}`;
}

function tallyOf(build: SectionBuild, event: ItemEvent): Progress {
  const tally = emptyProgress();
  for (let k = event.first, end = event.first + event.count; k < end; k++) countState(tally, build.items[k].state);
  return tally;
}

/** A heading that says its items are critical: "Critical", "🔴 CRITICAL Issues"; not "Non-critical follow-ups" or "Not critical". */
function saysCritical(title: string): boolean {
  return /critical/i.test(title.replace(/\b(?:non|not|less|un)[\s-]*critical\b/gi, ''));
}
