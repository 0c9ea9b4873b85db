/**
 * One section's readiness content from its top-level blocks: headings and bold group labels as
 * category events, and the items of lists, status tables, glyph lines and block quotes. It reads
 * only the section's own blocks (plus the document's link definitions), so a section's build is
 * reused while its text is unchanged; where the items belong is settled by the assembly.
 */
import type { Heading, Paragraph, RootContent } from 'mdast';
import { collectInline, collapseWhitespace } from './inlineText';
import { preOrder } from '../model/walk';
import { countEols } from '../text/lineIndex';
import { parseList } from './listItems';
import { detachedSlice } from './markdown';
import type { ReadinessItem } from '../model/types';
import { findMojibake } from '../text/mojibake';
import { makeItem, noteToken, readThroughMojibake, repaired, type ItemSink, type ParseContext } from './parseContext';
import { cleanLabel } from '../text/labels';
import type { CategoryTemplate, SectionBuild, SectionEvent } from './sections';
import { readLeadingGlyph, type StatusToken } from './readStatus';
import { BOX_CLASS, boxState, HTML_CHECKBOX, htmlChecked } from './taskBox';
import type { StatusVocabulary } from './vocabulary';
import { parseTable } from './tableItems';
import { codeBlockChecks } from './codeBlockChecks';
import { documentVocabulary, legendOf } from './legend';
import { readMalformedTable, type MalformedTable } from './malformedTable';
import { headingItem } from './headingItems';
import { readLabelledStatus, withoutStatus, type LabelledStatus } from './inlineStatus';

/** Link reference definitions among top-level blocks: identifier → URL. */
export function definitionsOf(blocks: readonly RootContent[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of blocks) {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  }
  return definitions;
}

/** What building a section needs: the document's text and line index, and what applies to all of it. */
export type SectionContext = Omit<ParseContext, 'usedTokens' | 'readTracked' | 'definesTerms'>;

/**
 * Builds the readiness content of the top-level blocks `blocks[from, to)`, which cover
 * `ctx.text[at.offset, end)`. Depends only on that text (and, through `ctx`, on the path, config
 * and link definitions), so the result can be reused while the text is unchanged.
 */
export function buildSection(
  ctx: SectionContext,
  blocks: readonly RootContent[],
  from: number,
  to: number,
  at: SectionBuild['at'],
  end: number,
): SectionBuild {
  const parse: ParseContext = { ...ctx, usedTokens: {}, vocabulary: ctx.vocabulary ?? documentVocabulary(ctx.config, []) };
  // A legend declares words; its own bullets and rows are not checks.
  const legend = legendOf(ctx.text, blocks, from, to);
  const events: SectionEvent[] = [];
  const malformedTables: MalformedTable[] = [];
  let frontMatter: SectionBuild['frontMatter'] = null;
  // A heading ending in a status glyph, and the item it is if nothing follows it before the next heading.
  let pending: { at: number; item: ReadinessItem; firstBlock: number } | null = null;
  const settleHeading = () => {
    if (pending && events.length === pending.at + 1) {
      const { marker, state } = pending.item;
      noteToken(parse, 'glyph', state === 'untracked' ? 'open' : state, marker.text);
      events.push({ kind: 'items', fromHeading: true, items: [pending.item], first: 0, count: 0 });
    }
    pending = null;
  };
  for (let i = from; i < to; i++) {
    const node = blocks[i];
    if (node.type === 'yaml' && i === 0) {
      frontMatter = { value: node.value, nodeStart: node.position?.start.offset ?? 0 };
      continue;
    }
    if (node.type === 'heading') {
      settleHeading();
      const item = headingItem(parse, node);
      if (item) pending = { at: events.length, item, firstBlock: i + 1 };
      const category = categoryOf(parse, node);
      parse.definesTerms = DEFINES_TERMS.test(category.title);
      events.push({ kind: 'heading', depth: node.depth, category });
      continue;
    }
    if (legend.blocks.includes(i)) continue;
    // A heading whose first block is a list or table titles what it lists (`## What went well ✅`
    // over the bullets that went well): a section, not a reported result.
    if (pending && events.length === pending.at + 1 && i === pending.firstBlock && (node.type === 'list' || node.type === 'table'))
      pending = null;
    const sink: ItemSink = { items: [] };
    i = parseBlock(parse, blocks, i, sink, events, malformedTables);
    if (sink.items.length > 0) events.push({ kind: 'items', items: sink.items, first: 0, count: 0 });
  }
  settleHeading();
  const mojibake = findMojibake(detachedSlice(ctx.text, at.offset, end));
  for (const run of mojibake) {
    run.start += at.offset;
    run.end += at.offset;
  }
  const items: ReadinessItem[] = [];
  for (const event of events) {
    if (event.kind === 'heading') continue;
    event.first = items.length;
    preOrder(event.items, items);
    event.count = items.length - event.first;
  }
  const explicitIds = items.filter((item) => item.explicitId).map((item) => item.id);
  const linked: number[] = [];
  items.forEach((item, k) => item.evidence.length + item.runbooks.length > 0 && linked.push(k));
  return {
    events,
    items,
    usedTokens: parse.usedTokens,
    frontMatter,
    mojibake,
    malformedTables,
    eol: countEols(ctx.text, at.offset, end),
    at,
    explicitIds,
    linked,
    tracked: parse.readTracked ? (ctx.tracked ?? true) : null,
    trackedItems: items.reduce((n, item) => (item.state === 'untracked' ? n : n + 1), 0),
    codeChecks: codeBlockChecks(ctx.text, blocks, from, to, at.offset),
    legend: legend.entries.map((e) => ({ ...e, start: e.start - at.offset, end: e.end - at.offset })),
  };
}

/** A heading over terms and their definitions (`## Glossary`, `### Definitions`, `## 用語`). */
const DEFINES_TERMS = /glossary|definitions?\b|terminology|\bterms\b|abbreviations|用語|术语|術語|定义|定義|термин/i;

/**
 * Handles the block at `i` (and a list it introduces); returns the last index consumed. Items go
 * to `sink`; a bold paragraph heading a list becomes a `group` event; a paragraph that is a pipe
 * table with a malformed delimiter row is read as that table and noted in `malformed`.
 */
function parseBlock(
  ctx: ParseContext,
  blocks: readonly RootContent[],
  i: number,
  sink: ItemSink,
  events: SectionEvent[],
  malformed: MalformedTable[],
): number {
  const node = blocks[i];
  switch (node.type) {
    case 'list':
      parseList(ctx, node, sink, { introduced: endsWithColon(blocks[i - 1]) });
      return i;
    case 'table':
      parseTable(ctx, node, sink);
      return i;
    case 'blockquote': {
      const inner = node.children;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j].type !== 'heading') j = parseBlock(ctx, inner, j, sink, events, malformed);
      }
      return i;
    }
    case 'paragraph': {
      const next = blocks[i + 1];
      if (next?.type === 'list' && isBoldHeading(node)) {
        const group: ItemSink = { items: [] };
        const category = categoryOf(ctx, node);
        parseList(ctx, next, group, { introduced: false });
        events.push({ kind: 'group', category, items: group.items, first: 0, count: 0 });
        return i + 1;
      }
      const table = readMalformedTable(ctx.text, node, ctx.definitions);
      if (table) {
        parseTable(ctx, table.table, sink);
        malformed.push(table.malformed);
        return i;
      }
      parseGlyphLines(ctx, node, sink, endsWithColon(blocks[i - 1]));
      return i;
    }
    default:
      return i;
  }
}

/** `☐ Load test`, `[ ] Load test` and `<input type="checkbox"> Load test` lines without a list marker: consecutive ones share one paragraph. */
function parseGlyphLines(ctx: ParseContext, paragraph: Paragraph, sink: ItemSink, introduced: boolean): void {
  const start = paragraph.position?.start.offset ?? 0;
  const end = paragraph.position?.end.offset ?? start;
  const raw = ctx.text.slice(start, end);
  if (lineStatus(raw, ctx.vocabulary) === null && !HTML_CHECKBOX.test(raw) && !labelledLine(raw, ctx.vocabulary) && !/[\r\n]/.test(raw))
    return;
  // Like a list, a run of ✅ lines after "… completely:" enumerates outcomes; it tracks nothing.
  if (introduced && isDoneEnumeration(raw, ctx.vocabulary)) return;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = lineRe.exec(raw)) !== null && match[0] !== '') {
    const item = lineItem(ctx, paragraph, match[0].replace(/[\r\n]+$/, ''), start + match.index);
    if (item) sink.items.push(item);
    if (lineRe.lastIndex >= raw.length) break;
  }
}

/** The item a line of a paragraph is: an HTML checkbox, a box or glyph line, or a bold label whose value is a status; null for other lines. */
function lineItem(ctx: ParseContext, paragraph: Paragraph, lineText: string, lineStart: number): ReadinessItem | null {
  const lineEnd = lineStart + lineText.length;
  const line = { start: lineStart, end: lineEnd, raw: lineText };
  const html = HTML_CHECKBOX.exec(lineText);
  if (html) {
    const at = lineStart + html[1].length;
    return makeItem(ctx, {
      ...line,
      kind: 'task',
      state: htmlChecked(html[2]) ? 'done' : 'open',
      marker: { style: 'html', start: at, end: at + html[2].length, text: html[2] },
      textNodes: nodesBetween(paragraph, lineStart + html[0].length, lineEnd),
      text: collapseWhitespace(repaired(stripInlineMarkup(lineText.slice(html[0].length)))),
    });
  }
  const token = lineStatus(lineText, ctx.vocabulary);
  if (token) {
    const box = token.family === 'box';
    noteToken(ctx, token.family, token.state, token.text);
    return makeItem(ctx, {
      ...line,
      kind: box ? 'task' : 'bullet',
      state: token.state,
      // A box's marker is the character inside it, as for a task list item.
      marker: box
        ? { style: 'box', start: lineStart + token.start + 1, end: lineStart + token.start + 2, text: token.text[1] }
        : { style: 'glyph', start: lineStart + token.start, end: lineStart + token.end, text: token.text },
      // After a box only: `[x]` reads as a link reference where the document defines `[x]:`.
      textNodes: nodesBetween(paragraph, box ? lineStart + token.end : lineStart, lineEnd),
      text: collapseWhitespace(repaired(stripInlineMarkup(lineText.slice(token.end)))),
    });
  }
  const labelled = labelledLine(lineText, ctx.vocabulary);
  if (!labelled) return null;
  // `**Parity:** ✅ Row counts match` on a line of its own: the label's value is the status.
  if (!labelled.unknown) noteToken(ctx, labelled.family, labelled.state, labelled.text);
  return makeItem(ctx, {
    ...line,
    kind: 'bullet',
    state: labelled.state,
    marker: { style: 'glyph', start: lineStart + labelled.start, end: lineStart + labelled.end, text: labelled.text },
    textNodes: nodesBetween(paragraph, lineStart, lineEnd),
    text: withoutStatus('label', labelled.label, ctx.vocabulary)(collapseWhitespace(repaired(stripInlineMarkup(lineText)))),
    ...(labelled.unknown ? { unknownStatus: repaired(labelled.text) } : {}),
  });
}

/** A line that is a bold label with a status for its value (`**Backfill:** In progress`), through mojibake. */
function labelledLine(line: string, vocabulary: StatusVocabulary | undefined): LabelledStatus | null {
  return readThroughMojibake(line, (t) => readLabelledStatus(t, vocabulary));
}

/** The inline nodes of a paragraph that lie within `[from, lineEnd]` (its line break included). */
function nodesBetween(paragraph: Paragraph, from: number, lineEnd: number): Paragraph['children'] {
  return paragraph.children.filter((c) => (c.position?.start.offset ?? -1) >= from && (c.position?.end.offset ?? Infinity) <= lineEnd + 1);
}

/** A bare line's status: a leading glyph, or a box (`[ ]`, `[x]`, `[~]` …) followed by a space and text. */
function lineStatus(line: string, vocabulary: StatusVocabulary | undefined): StatusToken | null {
  const box = BARE_BOX.exec(line);
  if (box) {
    // From the `[` (after an escaping backslash) to after the `]`.
    const at = box[1].length + box[2].length;
    return { state: boxState(box[3])!, start: at, end: box[0].trimEnd().length, text: `[${box[3]}]`, family: 'box' };
  }
  return readThroughMojibake(line, (t) => readLeadingGlyph(t, vocabulary));
}

/**
 * A box at the start of a line, then text that is not a link's destination or label (`[x](url)`,
 * `[x][ref]`). The brackets may be escaped (`\\[x\\]`, as a Google Docs export writes them): the
 * line shows the same.
 */
const BARE_BOX = new RegExp(`^([ \\t]*)(\\\\?)\\[(${BOX_CLASS.all})\\\\?\\][ \\t]+(?=\\S)`);

function isDoneEnumeration(raw: string, vocabulary: StatusVocabulary | undefined): boolean {
  const tokens = raw.split(/\r\n|\r|\n/).map((line) => lineStatus(line, vocabulary));
  return tokens.every((t) => t === null || (t.state === 'done' && t.family !== 'box'));
}

function stripInlineMarkup(text: string): string {
  return text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/(\*\*|__|\*|_|`)/g, '');
}

/** A paragraph made only of bold text (`**Pre-Deployment:**`). */
function isBoldHeading(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return meaningful.length === 1 && meaningful[0].type === 'strong' && collectInline(meaningful[0].children).text.trim() !== '';
}

function endsWithColon(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && /[:：]\s*$/.test(collectInline(node.children).text);
}

/** A category's title and place as its heading (or bold paragraph) writes them. */
function categoryOf(ctx: ParseContext, node: Heading | Paragraph): CategoryTemplate {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return {
    title: cleanLabel(repaired(collectInline(node.children).text)),
    line: ctx.index.positionAt(start).line,
    span: ctx.index.span(start, end),
  };
}
