import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type { ReadinessConfig } from './configTypes';
import { collectInline, collapseWhitespace } from './inlineText';
import { LineIndex, dominantEol } from './lineIndex';
import { parseList } from './listItems';
import { parseMarkdown } from './markdown';
import type { Checklist, FrontMatter, ReadinessCategory } from './model';
import { makeItem, noteToken, readThroughMojibake, repaired, type ItemSink, type ParseContext } from './parseContext';
import { itemsProgress, sumProgress } from './progress';
import { assignIds, applySelectors } from './itemIds';
import { cleanLabel } from './labels';
import { readLeadingGlyph } from './statusValues';
import { parseTable } from './tableItems';

/** Inputs of a parse. */
export interface ParseOptions {
  /** Checklist path, workspace-relative POSIX (links resolve from its folder). */
  path: string;
  config: ReadinessConfig;
  /** The analysed text's line index, when the caller already built it. */
  index?: LineIndex;
  /** The mdast, when the caller already parsed the text. */
  tree?: Root;
  /** The parsed front matter value (for the title), when there is front matter. */
  frontMatterData?: unknown;
}

/** One open heading while walking the document. */
interface Frame {
  depth: number;
  category: ReadinessCategory | null;
  sink: ItemSink;
  categories: ReadinessCategory[];
}

/** Parses a checklist's Markdown into the readiness model. Never throws on any text. */
export function parseChecklist(text: string, options: ParseOptions): Checklist {
  const index = options.index ?? new LineIndex(text);
  const tree = options.tree ?? parseMarkdown(text);
  const ctx: ParseContext = { text, index, path: options.path, config: options.config, definitions: new Map(), usedTokens: {} };
  for (const node of tree.children) {
    if (node.type === 'definition') ctx.definitions.set(node.identifier, node.url);
  }

  const root: Frame = { depth: 0, category: null, sink: { items: [], categoryPath: [], underCritical: false }, categories: [] };
  const stack: Frame[] = [root];
  const titleHeading = findTitleHeading(tree);
  let frontMatter: FrontMatter | null = null;

  const blocks = tree.children;
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i];
    if (node.type === 'yaml' && i === 0) {
      frontMatter = frontMatterOf(ctx, node.value, node.position?.start.offset ?? 0, options.frontMatterData);
      continue;
    }
    if (node.type === 'heading') {
      if (node === titleHeading) continue;
      while (stack.length > 1 && stack[stack.length - 1].depth >= node.depth) stack.pop();
      const parent = stack[stack.length - 1];
      const category = newCategory(ctx, node);
      parent.categories.push(category);
      stack.push({ depth: node.depth, category, sink: sinkOf(category, parent.sink), categories: category.categories });
      continue;
    }
    i = parseBlock(ctx, blocks, i, stack[stack.length - 1]);
  }

  assignIds(root.sink.items, root.categories);
  applySelectors(options.config.critical, root.sink.items, root.categories);
  finishCategories(root.categories);
  return {
    title: titleHeading ? headingTitle(ctx, titleHeading) : frontMatterTitle(frontMatter),
    frontMatter,
    items: root.sink.items,
    categories: root.categories,
    progress: sumProgress([itemsProgress(root.sink.items), ...root.categories.map((c) => c.progress)]),
    eol: dominantEol(text),
    usedTokens: ctx.usedTokens,
  };
}

/** Handles the block at `i` (and a list it introduces); returns the last index consumed. */
function parseBlock(ctx: ParseContext, blocks: readonly RootContent[], i: number, frame: Frame): number {
  const node = blocks[i];
  switch (node.type) {
    case 'list':
      parseList(ctx, node, frame.sink, { introduced: endsWithColon(blocks[i - 1]) });
      return i;
    case 'table':
      parseTable(ctx, node, frame.sink);
      return i;
    case 'blockquote': {
      const inner = node.children;
      for (let j = 0; j < inner.length; j++) {
        if (inner[j].type !== 'heading') j = parseBlock(ctx, inner, j, frame);
      }
      return i;
    }
    case 'paragraph': {
      const next = blocks[i + 1];
      if (next?.type === 'list' && isBoldHeading(node)) {
        const parentDepth = frame.depth;
        const pseudo: Heading = { type: 'heading', depth: Math.min(6, parentDepth + 1) as Heading['depth'], children: node.children, position: node.position };
        const category = newCategory(ctx, pseudo);
        category.depth = parentDepth + 1;
        frame.categories.push(category);
        parseList(ctx, next, sinkOf(category, frame.sink), { introduced: false });
        return i + 1;
      }
      parseGlyphLines(ctx, node, frame.sink, endsWithColon(blocks[i - 1]));
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
      const nodes = paragraph.children.filter((c) => (c.position?.start.offset ?? -1) >= lineStart && (c.position?.end.offset ?? Infinity) <= lineEnd + 1);
      noteToken(ctx, token.family, token.state, token.text);
      sink.items.push(
        makeItem(ctx, sink, {
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

/** A single leading H1 is the document's title, not a category. */
function findTitleHeading(tree: Root): Heading | null {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const h1s = headings.filter((h) => h.depth === 1);
  return h1s.length === 1 && headings[0] === h1s[0] ? h1s[0] : null;
}

function headingTitle(ctx: ParseContext, heading: Heading): string {
  return cleanLabel(repaired(collectInline(heading.children).text));
}

function newCategory(ctx: ParseContext, heading: Heading): ReadinessCategory {
  const start = heading.position?.start.offset ?? 0;
  const end = heading.position?.end.offset ?? start;
  const title = headingTitle(ctx, heading);
  return {
    id: '',
    title,
    depth: heading.depth,
    line: ctx.index.positionAt(start).line,
    span: ctx.index.span(start, end),
    items: [],
    categories: [],
    progress: { done: 0, open: 0, inProgress: 0, notApplicable: 0, untracked: 0, percent: null },
  };
}

function sinkOf(category: ReadinessCategory, parent: ItemSink): ItemSink {
  return {
    items: category.items,
    categoryPath: [...parent.categoryPath, category.title],
    underCritical: parent.underCritical || /critical/i.test(category.title),
  };
}

function finishCategories(categories: ReadinessCategory[]): void {
  const stack = [...categories];
  const order: ReadinessCategory[] = [];
  while (stack.length > 0) {
    const c = stack.pop()!;
    order.push(c);
    stack.push(...c.categories);
  }
  // Children before parents, so each parent sums finished children.
  for (let i = order.length - 1; i >= 0; i--) {
    const c = order[i];
    c.progress = sumProgress([itemsProgress(c.items), ...c.categories.map((sub) => sub.progress)]);
  }
}

function frontMatterOf(ctx: ParseContext, value: string, nodeStart: number, data: unknown): FrontMatter {
  const bodyStart = ctx.text.indexOf(value, nodeStart);
  const start = bodyStart >= 0 ? bodyStart : nodeStart;
  return { data: data ?? null, span: ctx.index.span(start, start + value.length) };
}

function frontMatterTitle(frontMatter: FrontMatter | null): string | null {
  const data = frontMatter?.data;
  if (data && typeof data === 'object' && 'title' in data && typeof (data as { title: unknown }).title === 'string') {
    return cleanLabel((data as { title: string }).title) || null;
  }
  return null;
}

