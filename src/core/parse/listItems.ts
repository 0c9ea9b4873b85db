/**
 * Items of lists: task list items (`- [ ]`, `- [x]`, the `[~]`/`[-]` boxes GFM reads as text,
 * HTML checkboxes, and boxes GitHub does not show, counted open), bullets with a status glyph or
 * word (leading, trailing, a tag in brackets, a bold label's value; `inlineStatus`), and
 * bold-labelled bullets that look like checks but have no status (untracked). Nested lists and
 * tables become child items.
 */
import type { List, ListItem, Nodes, Paragraph, Table } from 'mdast';
import { collectInline } from './inlineText';
import type { ItemState, MalformedBox, ReadinessItem, StatusMarker } from '../model/types';
import { bulletStatus, withoutStatus, type StatusPlace } from './inlineStatus';
import { readLeadingStatus, type LeadingStatus } from './leadingStatus';
import { makeItem, noteToken, repaired, type ItemSink, type ParseContext } from './parseContext';
import { BOX_CLASS, boxState, boxToken, HTML_CHECKBOX, htmlChecked, malformedBoxAt, malformedBoxInside, malformedBoxLead } from './taskBox';
import { isDefinitionBullet, isProseBullet, metadataKind } from './documentation';
import { parseTable } from './tableItems';

/** How a list item is written. */
type ListItemShape =
  | { kind: 'task'; state: ItemState; marker: StatusMarker; extended: boolean; glyph?: LeadingStatus; malformed?: MalformedBox }
  | { kind: 'glyph'; token: LeadingStatus; paragraph: Paragraph; place: StatusPlace }
  | { kind: 'bold'; paragraph: Paragraph }
  | { kind: 'plain' };

/** A box only this extension reads (`[~]`, `[/]`, `[-]`) at the start of a list item's paragraph. */
const EXTENDED_BOX = new RegExp(`^\\[(${BOX_CLASS.extended})\\][ \\t]`);
/** A status glyph written inside a box (`[⚠️] PDF export`, `[✅] Backups`): a box all the same. */
const GLYPH_BOX = /^\[([^\]\s]{1,8})\][ \t]/;
/** A bullet and the GFM task box that follows it. */
const GFM_BOX = new RegExp(`^(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[(${BOX_CLASS.gfm})\\]`);
/** Any box at the start of an item's plain text, and the space after it. */
const ANY_BOX_PREFIX = /^\\?\[[^\]]{0,8}\]\s*/;
/** An extended box and the space after it, in an item's plain text. */
const EXTENDED_PREFIX = new RegExp(`^\\[${BOX_CLASS.extended}\\]\\s*`);

/** Options for one list. */
export interface ListOptions {
  /** The list follows a paragraph ending in a colon ("The guide covers:"), i.e. it enumerates rather than tracks. */
  introduced: boolean;
  /** The list is nested in a tracked item: its bullets without status explain that item. */
  underTracked?: boolean;
}

/**
 * Adds the items of a list to the sink. Items nested under a plain (non-item) bullet land in
 * the same sink, so `- Common` → `- [ ] …` still yields items.
 */
export function parseList(ctx: ParseContext, list: List, sink: ItemSink, options: ListOptions): void {
  const shapes = list.children.map((li) => shapeOf(ctx, li));
  const hasTasks = shapes.some((s) => s.kind === 'task');
  // A list of `Key: value` lines is metadata when one of them is unmistakably so.
  const metadata = shapes.map((s) => (s.kind === 'bold' ? metadataKind(s.paragraph) : null));
  const metaList = metadata.includes('clear');
  // A run of ✅ bullets after "… including:" describes features; it is not a checklist.
  const enumeration = options.introduced && !hasTasks && shapes.every((s) => s.kind !== 'glyph' || s.token.state === 'done');
  list.children.forEach((li, i) => {
    let shape = shapes[i];
    let prose = false;
    if (shape.kind === 'glyph' && enumeration) shape = { kind: 'plain' };
    // Numbered lines without a status are steps of a procedure (`1. **Stop traffic** - …`), not checks.
    else if (shape.kind === 'bold' && list.ordered === true) shape = { kind: 'plain' };
    else if (shape.kind === 'bold' && (hasTasks || options.underTracked)) shape = { kind: 'plain' };
    else if (shape.kind === 'bold' && ((metadata[i] !== null && metaList) || (ctx.definesTerms && isDefinitionBullet(shape.paragraph)))) {
      ctx.readTracked = true;
      if (ctx.tracked ?? true) shape = { kind: 'plain' };
    } else if (shape.kind === 'plain' && list.ordered !== true && !hasTasks && !options.underTracked && isProseBullet(li)) {
      ctx.readTracked = true;
      prose = !(ctx.tracked ?? true);
    }
    const item =
      shape.kind === 'plain' && !prose
        ? null
        : buildItem(ctx, li, shape.kind === 'plain' ? { kind: 'bold', paragraph: li.children[0] as Paragraph } : shape);
    if (item) sink.items.push(item);
    const inner: ItemSink = item ? { items: item.children } : sink;
    const underTracked = item !== null && item.state !== 'untracked';
    for (const child of li.children) {
      if (child.type === 'list') parseList(ctx, child, inner, { introduced: false, underTracked });
      // A status table indented under a bullet is read as anywhere else: its rows are the bullet's children or siblings.
      else if (child.type === 'table') inner.items.push(...nestedTableItems(ctx, child));
    }
  });
}

function shapeOf(ctx: ParseContext, li: ListItem): ListItemShape {
  const start = li.position?.start.offset ?? 0;
  const first = li.children[0];
  const firstStart = first?.position?.start.offset ?? li.position?.end.offset ?? start;
  if (li.checked === true || li.checked === false) {
    // The box follows the bullet directly (the paragraph's own position may or may not include it).
    const m = GFM_BOX.exec(ctx.text.slice(start, start + 48));
    if (m) {
      const at = start + m[0].length - 2;
      return {
        kind: 'task',
        state: li.checked ? 'done' : 'open',
        marker: { style: 'box', start: at, end: at + 1, text: m[1] },
        extended: false,
      };
    }
  }
  if (first?.type !== 'paragraph') return { kind: 'plain' };
  const raw = ctx.text.slice(firstStart, first.position?.end.offset ?? firstStart);
  const ext = EXTENDED_BOX.exec(raw);
  if (ext) {
    const at = firstStart + 1;
    const state: ItemState = boxState(ext[1])!;
    return { kind: 'task', state, marker: { style: 'box', start: at, end: at + 1, text: ext[1] }, extended: true };
  }
  const boxed = GLYPH_BOX.exec(raw);
  const inBox = boxed ? readLeadingStatus(boxed[1], ctx.vocabulary) : null;
  if (boxed && inBox && inBox.start === 0 && inBox.end === boxed[1].length) {
    const at = firstStart + 1;
    const marker: StatusMarker = { style: 'box', start: at, end: at + boxed[1].length, text: boxed[1] };
    return { kind: 'task', state: inBox.state, marker, extended: true, glyph: inBox };
  }
  const html = HTML_CHECKBOX.exec(raw);
  if (html) {
    const at = firstStart + html[1].length;
    return {
      kind: 'task',
      state: htmlChecked(html[2]) ? 'done' : 'open',
      marker: { style: 'html', start: at, end: at + html[2].length, text: html[2] },
      extended: false,
    };
  }
  const malformed = malformedBoxAt(raw);
  if (malformed) {
    const at = firstStart + malformedBoxLead(malformed);
    const inside = malformedBoxInside(malformed);
    return {
      kind: 'task',
      state: 'open',
      marker: { style: 'box', start: at, end: at + inside.length, text: inside },
      extended: true,
      malformed,
    };
  }
  const status = bulletStatus(raw, ctx.vocabulary);
  if (status) {
    const { token, place } = status;
    return { kind: 'glyph', token: { ...token, start: firstStart + token.start, end: firstStart + token.end }, paragraph: first, place };
  }
  if (isBoldLabel(first)) return { kind: 'bold', paragraph: first };
  return { kind: 'plain' };
}

/**
 * `**CI/CD pipelines**: text` — a bold label, then a separator (a colon inside or after the
 * bold, or a dash after it), then more words. Not a fill-in field (`**owner:**`) and not a
 * sentence that merely starts with emphasis (`**2** warmup runs`).
 */
function isBoldLabel(paragraph: Paragraph): boolean {
  const [head, ...rest] = paragraph.children;
  if (head?.type !== 'strong') return false;
  const label = collectInline(head.children).text.trim();
  if (label === '') return false;
  const after = collectInline(rest).text;
  const separated = /[:：]$/.test(label) || /^\s*(?:[:：]|[-–—]\s)/.test(after);
  return separated && after.replace(/^[\s:：\-–—.]+/, '').trim() !== '';
}

/** The plain text of the bold label that starts a paragraph ('' when it does not start with one). */
function boldLabelText(paragraph: Paragraph): string {
  const head = paragraph.children[0];
  return head?.type === 'strong' ? collectInline(head.children).text : '';
}

function buildItem(ctx: ParseContext, li: ListItem, shape: Exclude<ListItemShape, { kind: 'plain' }>): ReadinessItem {
  const start = li.position?.start.offset ?? 0;
  const end = li.position?.end.offset ?? start;
  const first = li.children[0];
  const paragraph = first?.type === 'paragraph' ? first : null;
  const textNodes: Nodes[] = paragraph ? paragraph.children : [];
  const raw = paragraph ? ctx.text.slice(paragraph.position?.start.offset ?? start, paragraph.position?.end.offset ?? end) : '';
  const linkNodes = explanationNodes(ctx, li);
  if (shape.kind === 'task') {
    // A glyph in a box is not how the document writes boxes: a tick writes `[x]`, not the glyph.
    if (!shape.glyph && !shape.malformed && shape.marker.style === 'box')
      noteToken(ctx, 'box', shape.state === 'untracked' ? 'open' : shape.state, boxToken(shape.marker.text));
    return makeItem(ctx, {
      kind: 'task',
      state: shape.state,
      marker: shape.marker,
      start,
      end,
      textNodes,
      linkNodes,
      raw,
      ...(shape.extended
        ? { skipPrefix: (t: string) => t.replace(shape.malformed ? ANY_BOX_PREFIX : shape.glyph ? GLYPH_BOX : EXTENDED_PREFIX, '') }
        : {}),
      ...(shape.glyph?.unknown ? { unknownStatus: repaired(shape.glyph.text) } : {}),
      ...(shape.malformed ? { malformedBox: shape.malformed } : {}),
    });
  }
  if (shape.kind === 'glyph') {
    const token = shape.token;
    if (!token.unknown) noteToken(ctx, token.family, token.state, token.text);
    return makeItem(ctx, {
      kind: 'bullet',
      state: token.state,
      start,
      end,
      textNodes,
      linkNodes,
      raw,
      marker: { style: 'glyph', start: token.start, end: token.end, text: token.text },
      skipPrefix: withoutStatus(shape.place, boldLabelText(shape.paragraph), ctx.vocabulary),
      ...(token.unknown ? { unknownStatus: repaired(token.text) } : {}),
    });
  }
  const at = shape.paragraph.position?.start.offset ?? start;
  return makeItem(ctx, {
    kind: 'bullet',
    state: 'untracked',
    start,
    end,
    textNodes,
    linkNodes,
    raw,
    marker: { style: 'none', start: at, end: at, text: '' },
  });
}

/**
 * Nodes whose links belong to the item: its later paragraphs and the content of plain
 * explanation bullets nested under it (`- Evidence: [report](…)`), but not nested items.
 */
function explanationNodes(ctx: ParseContext, li: ListItem): Nodes[] {
  const nodes: Nodes[] = [];
  const stack: ListItem[] = [li];
  while (stack.length > 0) {
    const current = stack.pop()!;
    current.children.forEach((child, i) => {
      if (current === li && i === 0 && child.type === 'paragraph') return;
      if (child.type === 'list') {
        for (const nested of child.children) {
          if (nested.checked === null || nested.checked === undefined) {
            const p = nested.children[0];
            const lead = p?.type === 'paragraph' ? collectInline(p.children).text : '';
            const raw = p?.type === 'paragraph' ? ctx.text.slice(p.position?.start.offset ?? 0, p.position?.end.offset ?? 0) : '';
            const looksLikeItem = EXTENDED_BOX.test(lead) || bulletStatus(raw, ctx.vocabulary) !== null;
            if (!looksLikeItem) stack.push(nested);
          }
        }
      } else if (child.type === 'table' && nestedTableItems(ctx, child).length > 0) {
        // Its rows are items of their own, with their own links.
      } else {
        nodes.push(child);
      }
    });
  }
  return nodes;
}

/** The items of tables nested in list items, by table node: parsed once, though both the item's links and its children ask. */
const nestedTables = new WeakMap<Table, ReadinessItem[]>();

/** A table under a bullet read as a status table (no items without a status column, whose links then explain the bullet). */
function nestedTableItems(ctx: ParseContext, table: Table): ReadinessItem[] {
  let items = nestedTables.get(table);
  if (items === undefined) {
    const sink: ItemSink = { items: [] };
    parseTable(ctx, table, sink);
    items = sink.items;
    nestedTables.set(table, items);
  }
  return items;
}
