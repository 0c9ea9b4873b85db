/**
 * Setting an item's state as the smallest edit of the text: only the status marker changes, and
 * it is written the way the document already writes that state. Hosts apply the edit; the
 * analyzer then sees a tick (`analyze/tickPatch.ts`).
 */
import type { Checklist, ReadinessItem, SettableState, TextEdit, TokenFamily } from '../model/types';
import { readStatusCell } from '../parse/readStatus';
import { boxCharFor, boxToken } from '../parse/taskBox';
import { tokenFor } from './writeStatus';

/** The model no longer matches the text (the document changed after it was parsed). */
export class StaleModelError extends Error {
  constructor(item: ReadinessItem) {
    super(`The checklist changed since it was read: "${item.label}" (line ${item.line}) is no longer where it was.`);
    this.name = 'StaleModelError';
  }
}

/**
 * The minimal edit that sets an item's state: the character inside `[ ]`, the status token of
 * a table cell or glyph bullet (written the way the document already writes that state), or
 * `[ ] ` inserted before an untracked item's text. Null when the item is already in that state.
 * Throws `StaleModelError` when `text` is not the text the checklist was parsed from.
 */
export function setState(text: string, checklist: Checklist, item: ReadinessItem, state: SettableState): TextEdit | null {
  const { marker } = item;
  if (text.slice(marker.start, marker.end) !== marker.text) throw new StaleModelError(item);
  if (item.state === state && item.unknownStatus === undefined) return null;
  switch (marker.style) {
    case 'box':
      // Written the way the document first wrote that state (`X` vs `x`, `/` vs `~`).
      return { start: marker.start, end: marker.end, newText: boxCharFor(state, checklist.usedTokens.box?.[state]) };
    case 'none':
      return { start: marker.start, end: marker.start, newText: `${boxToken(boxCharFor(state))} ` };
    case 'glyph': {
      const family = familyOf(marker.text, writtenFamily(marker.text));
      return { start: marker.start, end: marker.end, newText: tokenFor(state, family, usedMap(checklist, family)) };
    }
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

function familyOf(token: string, fallback: TokenFamily): TokenFamily {
  if (token === '') return fallback;
  const cell = readStatusCell(token);
  return cell.kind === 'known' ? cell.token.family : fallback;
}

/** The family a token of unknown meaning is written in (`:warning:`, `&#9888;`, `⚠️`), so its replacement is written alike. */
function writtenFamily(token: string): TokenFamily {
  return token.startsWith(':') ? 'shortcode' : token.startsWith('&') ? 'entity' : 'glyph';
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

function usedMap(checklist: Checklist, family: TokenFamily): ReadonlyMap<SettableState, string> {
  return new Map(Object.entries(checklist.usedTokens[family] ?? {}) as [SettableState, string][]);
}
