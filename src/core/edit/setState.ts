/**
 * Setting an item's state as the smallest edit of the text: only the status marker changes, and
 * it is written the way the document already writes that state. Hosts apply the edit; the
 * analyzer then sees a tick (`analyze/tickPatch.ts`).
 */
import type { Checklist, ReadinessItem, SettableState, TextEdit, TokenFamily } from '../model/types';
import { plainStatusText, readStatusCell } from '../parse/readStatus';
import { boxCharFor, boxToken, malformedBoxLead, withHtmlChecked } from '../parse/taskBox';
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
    case 'box': {
      // Written the way the document first wrote that state (`X` vs `x`, `/` vs `~`).
      const char = boxCharFor(state, checklist.usedTokens.box?.[state]);
      // A malformed box is written whole, as GitHub reads boxes: `[]Load` ticked is `[x] Load`.
      if (item.malformedBox) {
        const start = marker.start - malformedBoxLead(item.malformedBox);
        return { start, end: start + item.malformedBox.written.length, newText: boxToken(char) + item.malformedBox.repair.slice(3) };
      }
      return { start: marker.start, end: marker.end, newText: char };
    }
    case 'html':
      // A checkbox says done or open; in progress and n/a are written as the box that says so (`[~]`).
      if (state === 'done' || state === 'open')
        return { start: marker.start, end: marker.end, newText: withHtmlChecked(marker.text, state === 'done') };
      return { start: marker.start, end: marker.end, newText: boxToken(boxCharFor(state)) };
    case 'none':
      return { start: marker.start, end: marker.start, newText: `${boxToken(boxCharFor(state))} ` };
    case 'glyph': {
      const family = familyOf(marker.text, writtenFamily(marker.text));
      return { start: marker.start, end: marker.end, newText: tokenFor(state, family, usedMap(checklist, family), currentToken(item)) };
    }
    case 'cell': {
      const family = familyOf(marker.text, preferredFamily(checklist));
      const token = tokenFor(state, family, usedMap(checklist, family), currentToken(item));
      if (marker.start === marker.end) {
        const before = text[marker.start - 1];
        const after = text[marker.start];
        const pad = (c: string | undefined) => (c === undefined || c === ' ' || c === '\t' ? '' : ' ');
        return { start: marker.start, end: marker.end, newText: `${pad(before)}${token}${pad(after)}` };
      }
      const echo = family === 'word' ? null : echoingWord(text, marker.end, item);
      if (echo) {
        // `✔ Done` becomes `❌ Open`, never `❌ Done`: the word that repeats the glyph changes with it.
        const word = tokenFor(state, 'word', usedMap(checklist, 'word'), { text: echo.text, state: echo.state });
        return { start: marker.start, end: echo.end, newText: token + text.slice(marker.end, echo.start) + word };
      }
      return { start: marker.start, end: marker.end, newText: token };
    }
  }
}

/**
 * A status word that follows a cell's glyph and says the same (`✔ Done`, `❌ **Missing**`, `🟡 WIP`),
 * when it is all the rest of the cell: its offsets in `text`, its text and state. Null otherwise
 * (`❌ Missing in staging` is a note, not the status written twice).
 */
function echoingWord(
  text: string,
  from: number,
  item: ReadinessItem,
): { start: number; end: number; text: string; state: SettableState } | null {
  if (item.state === 'untracked' || item.unknownStatus !== undefined) return null;
  let to = from;
  while (to < text.length && text[to] !== '\n' && text[to] !== '\r' && !(text[to] === '|' && text[to - 1] !== '\\')) to++;
  const rest = text.slice(from, to);
  const cell = readStatusCell(rest);
  if (cell.kind !== 'known' || cell.token.family !== 'word' || cell.token.state !== item.state) return null;
  const { start, end } = cell.token;
  if (plainStatusText(rest.slice(0, start)) !== '' || plainStatusText(rest.slice(end)) !== '') return null;
  return { start: from + start, end: from + end, text: cell.token.text, state: cell.token.state };
}

/** Applies non-overlapping edits to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The token being replaced and the state it reads as, when it is a known one. */
function currentToken(item: ReadinessItem): { text: string; state: SettableState } | undefined {
  const { state, unknownStatus, marker } = item;
  if (unknownStatus !== undefined || state === 'untracked' || marker.text === '') return undefined;
  return { text: marker.text, state };
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
