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
import { readLeadingGlyph } from './readStatus';
import { parseTable } from './tableItems';

/** Link reference definitions among top-level blocks: identifier → URL. */
export function definitionsOf(blocks: readonly RootContent[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const node of blocks) {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
  }
  return definitions;
}

/** What building a section needs: the document's text and line index, and what applies to all of it. */
export type SectionContext = Omit<ParseContext, 'usedTokens'>;

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
  const parse: ParseContext = { ...ctx, usedTokens: {} };
  const events: SectionEvent[] = [];
  let frontMatter: SectionBuild['frontMatter'] = null;
  for (let i = from; i < to; i++) {
    const node = blocks[i];
    if (node.type === 'yaml' && i === 0) {
      frontMatter = { value: node.value, nodeStart: node.position?.start.offset ?? 0 };
      continue;
    }
    if (node.type === 'heading') {
      events.push({ kind: 'heading', depth: node.depth, category: categoryOf(parse, node) });
      continue;
    }
    const sink: ItemSink = { items: [] };
    i = parseBlock(parse, blocks, i, sink, events);
    if (sink.items.length > 0) events.push({ kind: 'items', items: sink.items, first: 0, count: 0 });
  }
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
    eol: countEols(ctx.text, at.offset, end),
    at,
    explicitIds,
    linked,
  };
}

/**
 * Handles the block at `i` (and a list it introduces); returns the last index consumed. Items go
 * to `sink`; a bold paragraph heading a list becomes a `group` event.
 */
function parseBlock(ctx: ParseContext, blocks: readonly RootContent[], i: number, sink: ItemSink, events: SectionEvent[]): number {
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
        if (inner[j].type !== 'heading') j = parseBlock(ctx, inner, j, sink, events);
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
      parseGlyphLines(ctx, node, sink, endsWithColon(blocks[i - 1]));
      return i;
    }
    default:
      return i;
  }
}

/** `☐ Load test` lines without a list marker: consecutive ones share one paragraph. */
function parseGlyphLines(ctx: ParseContext, paragraph: Paragraph, sink: ItemSink, introduced: boolean): void {
  const start = paragraph.position?.start.offset ?? 0;
  const end = paragraph.position?.end.offset ?? start;
  const raw = ctx.text.slice(start, end);
  if (readThroughMojibake(raw, readLeadingGlyph) === null && !/[\r\n]/.test(raw)) return;
  // Like a list, a run of ✅ lines after "… completely:" enumerates outcomes; it tracks nothing.
  if (introduced && isDoneEnumeration(raw)) return;
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = lineRe.exec(raw)) !== null && match[0] !== '') {
    const lineText = match[0].replace(/[\r\n]+$/, '');
    const lineStart = start + match.index;
    const token = readThroughMojibake(lineText, readLeadingGlyph);
    if (token) {
      const lineEnd = lineStart + lineText.length;
      const nodes = paragraph.children.filter(
        (c) => (c.position?.start.offset ?? -1) >= lineStart && (c.position?.end.offset ?? Infinity) <= lineEnd + 1,
      );
      noteToken(ctx, token.family, token.state, token.text);
      sink.items.push(
        makeItem(ctx, {
          kind: 'bullet',
          state: token.state,
          marker: { style: 'glyph', start: lineStart + token.start, end: lineStart + token.end, text: token.text },
          start: lineStart,
          end: lineEnd,
          textNodes: nodes,
          text: collapseWhitespace(repaired(stripInlineMarkup(lineText.slice(token.end)))),
          raw: lineText,
        }),
      );
    }
    if (lineRe.lastIndex >= raw.length) break;
  }
}

function isDoneEnumeration(raw: string): boolean {
  const tokens = raw.split(/\r\n|\r|\n/).map((line) => readThroughMojibake(line, readLeadingGlyph));
  return tokens.every((t) => t === null || t.state === 'done');
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
