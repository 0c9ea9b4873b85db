import { walkItems } from '../model/walk';
import type { Checklist, ItemState, ReadinessItem, TextEdit } from '../model/types';
import { readStatusCell, tokenFor, type KnownState, type TokenFamily } from '../parse/statusValues';

/** A state an item can be set to. */
export type TargetState = Exclude<ItemState, 'untracked'>;

/** The model no longer matches the text (the document changed after it was parsed). */
export class StaleModelError extends Error {
  constructor(item: ReadinessItem) {
    super(`The checklist changed since it was read: "${item.text}" (line ${item.line}) is no longer where it was.`);
    this.name = 'StaleModelError';
  }
}

const BOX: Record<TargetState, string> = { done: 'x', open: ' ', 'in-progress': '~', 'n/a': '-' };

/**
 * The minimal edit that sets an item's state: the character inside `[ ]`, the status token of
 * a table cell or glyph bullet (written the way the document already writes that state), or
 * `[ ] ` inserted before an untracked item's text. Null when the item is already in that state.
 * Throws `StaleModelError` when `text` is not the text the checklist was parsed from.
 */
export function setState(text: string, checklist: Checklist, item: ReadinessItem, state: TargetState): TextEdit | null {
  const { marker } = item;
  if (text.slice(marker.start, marker.end) !== marker.text) throw new StaleModelError(item);
  if (item.state === state && item.unknownStatus === undefined) return null;
  switch (marker.style) {
    case 'box':
      return { start: marker.start, end: marker.end, newText: boxChar(checklist, state) };
    case 'none':
      return { start: marker.start, end: marker.start, newText: `[${BOX[state]}] ` };
    case 'glyph':
      return { start: marker.start, end: marker.end, newText: tokenFor(state, familyOf(marker.text, 'glyph'), usedMap(checklist, familyOf(marker.text, 'glyph'))) };
    case 'cell': {
      const family = familyOf(marker.text, preferredFamily(checklist));
      const token = tokenFor(state, family, usedMap(checklist, family));
      if (marker.start === marker.end) {
        const before = text[marker.start - 1];
        const after = text[marker.start];
        const pad = (c: string | undefined) => (c === undefined || c === ' ' || c === '\t' ? '' : ' ');
        return { start: marker.start, end: marker.end, newText: `${pad(before)}${token}${pad(after)}` };
      }
      return { start: marker.start, end: marker.end, newText: token };
    }
  }
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
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

function boxChar(checklist: Checklist, state: TargetState): string {
  // Write the box the way the document first wrote that state (`X` vs `x`, `/` vs `~`).
  const used = /^\[(.)\]$/.exec(checklist.usedTokens.box?.[state] ?? '')?.[1];
  const valid: Record<TargetState, string> = { done: 'xX', open: ' ', 'in-progress': '~/', 'n/a': '-' };
  return used !== undefined && valid[state].includes(used) ? used : BOX[state];
}

function familyOf(token: string, fallback: TokenFamily): TokenFamily {
  if (token === '') return fallback;
  const cell = readStatusCell(token);
  return cell.kind === 'known' ? cell.token.family : fallback;
}

function preferredFamily(checklist: Checklist): TokenFamily {
  const used = checklist.usedTokens;
  const families = Object.keys(used) as TokenFamily[];
  let best: TokenFamily = 'glyph';
  let count = -1;
  for (const f of families) {
    const n = Object.keys(used[f] ?? {}).length;
    if (n > count) {
      best = f;
      count = n;
    }
  }
  return best;
}

function usedMap(checklist: Checklist, family: TokenFamily): ReadonlyMap<KnownState, string> {
  return new Map(Object.entries(checklist.usedTokens[family] ?? {}) as [KnownState, string][]);
}
