/**
 * The cold parse: a document's top-level blocks, parsed piece by piece instead of whole.
 *
 * micromark's cost per character grows with the size of the text it parses, so a large document
 * parses several times faster in pieces. A linear pre-scan proposes the pieces' ends: ATX heading
 * lines at the start of a line, outside fenced code. Each piece is then parsed together with its
 * closing heading line, and the boundary is accepted only when that line comes out of the parse as
 * a top-level heading — the test the incremental path applies to the sections an edit touched
 * (`analyzer.ts`): a top-level ATX heading closes every open block, so the text after its line
 * parses the same without the text before it. When something the pre-scan does not follow (an
 * HTML block, a container, front matter) swallowed the line, the piece grows to a later
 * candidate, doubling the reach each time, and to the end of the text at last. The blocks are
 * therefore those of a whole-document parse, offsets included; callers parse whole when the text
 * may hold link reference definitions (`mayHoldDefinitions`), which cross every boundary.
 */
import type { RootContent } from 'mdast';
import { startsWithFrontMatterFence } from '../parse/sections';
import { breakAt } from '../text/limits';

/** Parses `text[from, to)` into top-level blocks with offsets in the whole text. */
export type RangeParser = (from: number, to: number) => RootContent[];

/** Pieces shorter than this are not cut off: parsing is linear at this size, and fewer pieces cost less. */
export const COLD_PIECE_CHARS = 4096;

/** The top-level blocks of `text`, equal to those of a whole parse, parsed in pieces of about `pieceChars` characters or more. */
export function parseInPieces(text: string, parseRange: RangeParser, pieceChars = COLD_PIECE_CHARS): RootContent[] {
  const steps = parseInPiecesSteps(text, parseRange, pieceChars);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseInPieces`, one parse of a piece per step: the generator yields before each parse but the
 * first, so a host can give its thread back between pieces (the editor's first scan), and
 * returns the blocks. Nothing outside the generator changes while it runs.
 */
export function* parseInPiecesSteps(text: string, parseRange: RangeParser, pieceChars = COLD_PIECE_CHARS): Generator<void, RootContent[]> {
  const candidates = headingLines(text);
  const blocks: RootContent[] = [];
  const frontMatter = startsWithFrontMatterFence(text);
  let from = 0;
  /** The heading line that ends where `from` starts. */
  let after = 0;
  // Only a document's start holds front matter or a BOM: a piece that starts with `---` or U+FEFF is parsed with the heading line before it, whose block is dropped.
  const parseAfter = (from: number, to: number): RootContent[] =>
    from > 0 && (text.startsWith('---', from) || text.charCodeAt(from) === 0xfeff) ? parseRange(after, to).slice(1) : parseRange(from, to);
  let c = 0;
  let parses = 0;
  while (from < text.length) {
    while (c < candidates.length && candidates[c] < from + pieceChars) c++;
    let reach = 1;
    let to = text.length;
    let parsed: RootContent[] | undefined;
    while (c + reach - 1 < candidates.length) {
      const heading = candidates[c + reach - 1];
      const end = lineEnd(text, heading);
      if (parses++ > 0) yield;
      const piece = parseAfter(from, end);
      if (closedAt(piece, heading) && !(from === 0 && frontMatter && piece[0]?.type !== 'yaml')) {
        parsed = piece;
        to = end;
        c += reach;
        break;
      }
      reach *= 2;
    }
    if (!parsed && parses++ > 0) yield;
    parsed ??= parseAfter(from, to);
    for (const block of parsed) blocks.push(block);
    after = to === text.length ? after : candidates[c - 1];
    from = to;
  }
  return blocks;
}

/** Whether the parse's last block is a top-level heading starting at `heading`. */
function closedAt(blocks: readonly RootContent[], heading: number): boolean {
  const last = blocks[blocks.length - 1];
  return last?.type === 'heading' && last.position?.start.offset === heading;
}

/**
 * Offsets of the lines that may be top-level ATX headings: `#` to `######` at the start of the
 * line, then a space, a tab or the line's end, outside fenced code that starts at the margin
 * (up to three spaces). Only a proposal: every boundary is checked by the parse.
 */
export function headingLines(text: string): number[] {
  const out: number[] = [];
  let fence: { char: number; length: number } | null = null;
  for (let start = 0; start < text.length;) {
    const eol = breakAt(text, start);
    if (fence) {
      if (closesFence(text, start, eol, fence)) fence = null;
    } else if (text.charCodeAt(start) === 35 /* # */) {
      let i = start;
      while (i < eol && text.charCodeAt(i) === 35) i++;
      const next = text.charCodeAt(i);
      if (i - start <= 6 && (i === eol || next === 32 || next === 9)) out.push(start);
    } else {
      fence = opensFence(text, start, eol);
    }
    start = eol < text.length && text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
  }
  return out;
}

function opensFence(text: string, start: number, eol: number): { char: number; length: number } | null {
  const i = skipIndent(text, start, eol);
  if (i < 0) return null;
  const char = text.charCodeAt(i);
  if (char !== 96 /* ` */ && char !== 126 /* ~ */) return null;
  let j = i;
  while (j < eol && text.charCodeAt(j) === char) j++;
  if (j - i < 3) return null;
  // A backtick fence's info string holds no backtick (else it is inline code).
  if (char === 96 && text.slice(j, eol).includes('`')) return null;
  return { char, length: j - i };
}

function closesFence(text: string, start: number, eol: number, fence: { char: number; length: number }): boolean {
  const i = skipIndent(text, start, eol);
  if (i < 0) return false;
  let j = i;
  while (j < eol && text.charCodeAt(j) === fence.char) j++;
  if (j - i < fence.length) return false;
  for (; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** Where the line's content starts after at most three spaces of indentation; -1 when indented more. */
function skipIndent(text: string, start: number, eol: number): number {
  let i = start;
  while (i < eol && i - start < 4 && text.charCodeAt(i) === 32) i++;
  return i - start > 3 ? -1 : i;
}

/** Where the line at `offset` ends, after its line break. */
function lineEnd(text: string, offset: number): number {
  const i = breakAt(text, offset);
  if (text.charCodeAt(i) === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return text.charCodeAt(i) === 10 ? i + 1 : i;
}
