/**
 * What the core remembers about a parsed item between analyses of one document: what its own
 * text said (before headings and selectors), cached slugs and selector matches, and its last
 * findings. Copies made when an item moves share the memo of the item they copy.
 */
import type { CriticalSelector } from '../config/types';
import type { ReadinessItem } from '../model/types';
import type { Finding } from '../model/ruleTable';

/** Findings of an item, with the `itemRuleKey` they were computed under and where the item was. */
export interface CachedFindings {
  key: string;
  /** The item's start offset and line when they were computed. */
  offset: number;
  line: number;
  findings: Finding[];
}

/** Per-item memo. */
export interface ItemMemo {
  /** Critical from the item's own text or priority cell, before headings and selectors. */
  baseCritical: boolean;
  /** `slugify(text)`, filled on first use. */
  slug?: string;
  /** The id before de-duplication, for the category path whose slug is `basePrefix`. */
  base?: string;
  basePrefix?: string;
  /** Whether an `item:` selector of `selectorsOf` matches the text. */
  itemSelected?: boolean;
  selectorsOf?: readonly CriticalSelector[];
  /** What the assembly in progress decided. */
  nextId: string;
  nextCritical: boolean;
  nextPath: string[];
  findings?: CachedFindings;
}

/** The memo of an item just parsed. */
export function newMemo(item: ReadinessItem): ItemMemo {
  return { baseCritical: item.critical, nextId: item.id, nextCritical: item.critical, nextPath: item.categoryPath };
}
