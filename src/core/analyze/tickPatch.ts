/**
 * Ticking changes nothing in a document's Markdown structure but one status: a task box
 * (`[ ]` ↔ `[x]`) only flips the list item's `checked` flag, and a status glyph swapped for
 * another in a table cell that holds nothing else (`| ✅ |` ↔ `| ⏳ |`) only changes that cell's
 * text. No position moves, no other text changes, so the section can be patched instead of
 * parsed again — the most frequent edit gets the cheapest update. Anything else is parsed.
 */
import { preOrder } from '../model/walk';
import type { ItemState, ReadinessItem, SettableState, UsedTokens } from '../model/types';
import { mayContainMojibake } from '../text/mojibake';
import { readThroughMojibake, repaired } from '../parse/parseContext';
import type { SectionBuild } from '../parse/sections';
import { cloneItem } from './shift';
import { readLeadingGlyph, type StatusToken } from '../parse/readStatus';
import { boxState, boxToken, isGfmBoxChar } from '../parse/taskBox';
import { knownToken } from '../parse/tableItems';

const NO_MOVE = { offset: 0, line: 0 };
/** Longest replacement tried as a cell tick (a glyph with modifiers). */
const MAX_GLYPH = 16;

/** A section patched by a tick, and the index in its `items` of the ticked item. */
export interface TickedSection {
  build: SectionBuild;
  target: number;
}

/**
 * The section after `previous[from, from + length)` was replaced by `text[from, from + length)`
 * (same length), when that only ticked an item; undefined when the section must be parsed.
 */
export function patchTick(build: SectionBuild, previous: string, text: string, from: number, length: number): TickedSection | undefined {
  // Only GFM's own boxes: `[~]` and `[-]` are paragraph text to the parser, not a `checked` flag.
  if (length === 1 && isGfmBoxChar(previous[from]) && isGfmBoxChar(text[from])) {
    const target = build.items.findIndex(
      // A malformed box (`[ ]Load`) stays malformed whatever is written inside: that is a parse.
      (item) => item.marker.style === 'box' && item.marker.start === from && item.marker.text === previous[from] && !item.malformedBox,
    );
    if (target < 0) return undefined;
    return patched(build, target, boxState(text[from])!, text[from]);
  }
  if (length > MAX_GLYPH) return undefined;
  const target = build.items.findIndex(
    (item) => item.marker.style === 'cell' && item.marker.start <= from && from + length <= item.marker.end,
  );
  if (target < 0) return undefined;
  const token = cellTick(build.items[target], previous, text);
  return token ? patched(build, target, token.state, token.text) : undefined;
}

/**
 * The new token of a status cell whose glyph changed, when the cell held only that glyph
 * (between its pipes, after whitespace) before and after. Such a cell has no Markdown in it:
 * only non-ASCII, non-space characters changed, which no construct (emphasis, links, entities,
 * autolinks, escapes, pipes) reads, so the table parses the same but for this cell's text.
 */
function cellTick(item: ReadinessItem, previous: string, text: string): StatusToken | undefined {
  const { start, end, text: before } = item.marker;
  if (item.unknownStatus !== undefined || before !== previous.slice(start, end)) return undefined;
  const after = text.slice(start, end);
  if (!inert(before) || !inert(after)) return undefined;
  const left = pipeBefore(text, start);
  const right = pipeAfter(text, end);
  if (left < 0 || right < 0) return undefined;
  const raw = text.slice(left + 1, right);
  if (mayContainMojibake(raw) || mayContainMojibake(previous.slice(left + 1, right))) return undefined;
  const token = knownToken(raw);
  if (!token || left + 1 + token.start !== start || left + 1 + token.end !== end) return undefined;
  return token;
}

/** Only characters no Markdown construct gives a meaning: non-ASCII, not white space. */
function inert(token: string): boolean {
  if (token === '') return false;
  for (const ch of token) if (ch.charCodeAt(0) < 0x80 || /\s/u.test(ch)) return false;
  return true;
}

/** Offset of the unescaped `|` before `offset` with only spaces and tabs between; -1 when none. */
function pipeBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '|' && text[i - 1] !== '\\' ? i : -1;
}

/** Offset of the `|` after `offset` with only spaces and tabs between; -1 when none. */
function pipeAfter(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '|' ? i : -1;
}

/** The section with item `target` given a new state and marker text; everything else copied as it is. */
function patched(build: SectionBuild, target: number, state: ItemState, markerText: string): TickedSection {
  const items: ReadinessItem[] = [];
  const events = build.events.map((event) => {
    if (event.kind === 'heading') return event;
    const copies = event.items.map((item) => cloneItem(item, NO_MOVE));
    preOrder(copies, items);
    return { ...event, items: copies };
  });
  const ticked = items[target];
  ticked.state = state;
  ticked.marker = { ...ticked.marker, text: markerText, end: ticked.marker.start + markerText.length };
  return { build: { ...build, events, items, usedTokens: tokensOf(items) }, target };
}

/** The status tokens the items use: the first per family and state, in document order (as parsing notes them). */
function tokensOf(items: readonly ReadinessItem[]): UsedTokens {
  const used: UsedTokens = {};
  const byOffset = [...items].sort((a, b) => a.marker.start - b.marker.start);
  for (const item of byOffset) {
    const { style, text } = item.marker;
    let family: keyof UsedTokens;
    let state: SettableState;
    let token: string;
    if (style === 'box') {
      if (item.malformedBox) continue;
      family = 'box';
      state = item.state === 'untracked' ? 'open' : item.state;
      token = boxToken(text);
    } else if (style === 'cell' || style === 'glyph') {
      if (item.unknownStatus !== undefined || text === '' || item.state === 'untracked') continue;
      const read = readThroughMojibake(text, style === 'cell' ? knownToken : readLeadingGlyph);
      if (!read) continue;
      family = read.family;
      state = item.state;
      token = text;
    } else continue;
    const byState = (used[family] ??= {});
    byState[state] ??= repaired(token);
  }
  return used;
}
