/**
 * Sections: runs of top-level blocks that start at an ATX heading (`## Security`) at the start of
 * a line, or at the start of the document. A section's readiness content depends only on its own
 * text (see `buildSection`); where it sits in the heading hierarchy, its ids and its critical flags
 * are settled when the sections are assembled into a checklist (`assembleChecklist`).
 *
 * Why a section boundary is safe: a top-level ATX heading closes every open block (lists, quotes,
 * tables, paragraphs) and leaves nothing open after its single line, so the text after it parses
 * the same whether or not the text before it is present. The only Markdown state that crosses it
 * is document-wide: link reference and footnote definitions (callers fall back to a whole parse
 * when the text may hold any, see `mayHoldDefinitions`) and front matter (only ever at the start).
 * Setext headings (`Title` over `===`) are not boundaries: whether a line is one depends on the
 * next line, so they simply stay inside their section.
 */
import type { RootContent } from 'mdast';
import type { EolCounts } from '../text/lineIndex';
import type { MojibakeRun } from '../text/mojibake';
import type { CodeBlockChecks } from './codeBlockChecks';
import type { LegendEntry } from './legend';
import type { MalformedTable } from './malformedTable';
import type { ReadinessItem, Span, UsedTokens } from '../model/types';

/** A category as its heading (or bold label) writes it, before its place in the hierarchy is known. */
export interface CategoryTemplate {
  title: string;
  line: number;
  span: Span;
}

/** Items of one block (`items`) or of a bold paragraph heading a list (`group`). */
interface ItemEvent {
  items: ReadinessItem[];
  /** Index of the first item in the section's `items` (items are numbered in pre-order). */
  first: number;
  /** How many items, nested ones included. */
  count: number;
}

/** One step of a section, replayed in order when the checklist is assembled. */
export type SectionEvent =
  /** A top-level heading: closes deeper categories and opens one (unless it is the document's title). */
  | { kind: 'heading'; depth: number; category: CategoryTemplate }
  /**
   * Items of one block, for the category open at that point. With `fromHeading`, the item the
   * heading just before is when it has no sub-headings (the assembly decides; else it is left out).
   */
  | ({ kind: 'items'; fromHeading?: true } & ItemEvent)
  /** A bold paragraph heading a list (`**Pre-deployment:**`): a sub-category of the open one. */
  | ({ kind: 'group'; category: CategoryTemplate } & ItemEvent);

/** The readiness content of one section, independent of the text before and after it. */
export interface SectionBuild {
  events: SectionEvent[];
  /** Every item of the section (nested ones included), in pre-order of the events. */
  items: ReadinessItem[];
  /** Status tokens the section uses, first use per family and state. */
  usedTokens: UsedTokens;
  /** Front matter (only a document's first section can have it): its YAML and where its node starts. */
  frontMatter: { value: string; nodeStart: number } | null;
  /** Mojibake runs in the section's text, at absolute offsets. */
  mojibake: MojibakeRun[];
  /** Pipe tables whose delimiter row has the wrong width, at absolute offsets (read as tables all the same). */
  malformedTables: MalformedTable[];
  eol: EolCounts;
  /** Where the items' positions currently point: the section's start offset and 1-based line. */
  at: { offset: number; line: number };
  /** Explicit ids of the section's items (they never change while its text does not). */
  explicitIds: string[];
  /** Indexes in `items` of the items that have links. */
  linked: number[];
  /** The `tracked` the build read (some bullet's item-ness depended on it), or null when it read none. */
  tracked: boolean | null;
  /** How many of `items` are tracked (any state but untracked); `tracked` never changes it. */
  trackedItems: number;
  /** Code blocks that hold checks (`codeBlockChecks.ts`), offsets relative to the section's start (they move with it). */
  codeChecks: CodeBlockChecks[];
  /** Status legend entries (`legend.ts`), offsets relative to the section's start (they move with it). */
  legend: LegendEntry[];
}

/**
 * Splits top-level blocks into sections: a new one starts at every ATX heading that begins a
 * line. Returns, per section, the index of its first block and its start offset; the first
 * section starts at `start` (the parsed text's own start).
 */
export function splitAtHeadings(text: string, blocks: readonly RootContent[], start: number): { block: number; offset: number }[] {
  const out = [{ block: 0, offset: start }];
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i];
    if (node.type !== 'heading') continue;
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined || from <= start) continue;
    if (!isLineStart(text, from) || hasLineBreak(text, from, to)) continue;
    out.push({ block: i, offset: from });
  }
  return out;
}

/**
 * True when the text may hold a link reference or footnote definition (`[label]: …`, `[^n]: …`):
 * every definition has a `]` directly followed by `:`. Definitions anywhere change how links
 * everywhere parse, so such texts are parsed whole.
 */
export function mayHoldDefinitions(text: string): boolean {
  return text.includes(']:');
}

/** True when the text starts like front matter (`---` on its first line, after a BOM). */
export function startsWithFrontMatterFence(text: string): boolean {
  return text.startsWith('---', text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

function isLineStart(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  return before === 10 || before === 13;
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}
